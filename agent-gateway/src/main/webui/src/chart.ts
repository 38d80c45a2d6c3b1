// The mention chart's geometry: pure numbers, rendered as SVG attributes by MentionChart.tsx.

import type { MentionChart } from './model';

export interface Line {
  key: string;
  channel: string;
  sentiment: string;
  points: string;
  total: number;
  latest: number;
}

export const SENTIMENT_COLOURS: Record<string, string> = {
  NEGATIVE: '#c62828',
  MIXED: '#ef8f00',
  NEUTRAL: '#546e7a',
  POSITIVE: '#2e7d32',
  UNKNOWN: '#9e9e9e',
};

export const CHANNEL_DASHES: Record<string, string> = {
  X: '',
  MASTODON: '6 3',
  BLUESKY: '2 3',
  WEBHOOK: '8 3 2 3',
  ASK_US: '1 2',
  REPLAY: '4 4',
  UNKNOWN: '1 4',
};

/** Polylines for each series in a width × height box, and the y-axis maximum. */
export function layout(chart: MentionChart, width: number, height: number): { lines: Line[]; max: number } {
  const max = Math.max(1, ...chart.series.flatMap(s => s.counts));
  const n = Math.max(1, chart.minutes.length - 1);
  const lines = chart.series.map(s => ({
    key: `${s.channel}|${s.sentiment}`,
    channel: s.channel,
    sentiment: s.sentiment,
    points: s.counts
      .map((c, i) => `${((i / n) * width).toFixed(1)},${(height - (c / max) * height).toFixed(1)}`)
      .join(' '),
    total: s.counts.reduce((a, b) => a + b, 0),
    latest: s.counts.length ? s.counts[s.counts.length - 1] : 0,
  }));
  return { lines, max };
}
