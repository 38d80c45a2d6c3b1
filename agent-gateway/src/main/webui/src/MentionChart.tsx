import type { MentionChart as Chart } from './model';
import { CHANNEL_DASHES, SENTIMENT_COLOURS, layout } from './chart';

const WIDTH = 560;
const HEIGHT = 160;

/** Mentions per minute by channel and sentiment: a small SVG line chart, with its numbers as text too. */
export function MentionChart({ chart }: { chart: Chart }) {
  const { lines, max } = layout(chart, WIDTH, HEIGHT);
  const minutes = chart.minutes.length;
  const summary = lines.length === 0
    ? `No mentions in the last ${minutes} minutes.`
    : lines.map(l => `${l.channel} ${l.sentiment.toLowerCase()}: ${l.latest} in the last minute, ${l.total} in ${minutes} minutes`).join('; ');
  return (
    <figure class="chart">
      <svg viewBox={`-40 -10 ${WIDTH + 50} ${HEIGHT + 30}`} role="img" aria-labelledby="chart-title chart-desc" class="chart-svg">
        <title id="chart-title">Mentions per minute by channel and sentiment</title>
        <desc id="chart-desc">{summary}</desc>
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#888" stroke-width={1} />
        <line x1={0} y1={0} x2={0} y2={HEIGHT} stroke="#888" stroke-width={1} />
        <text x={-6} y={6} text-anchor="end" font-size={11} fill="#444">{max}</text>
        <text x={-6} y={HEIGHT} text-anchor="end" font-size={11} fill="#444">0</text>
        <text x={0} y={HEIGHT + 16} font-size={11} fill="#444">-{Math.max(0, minutes - 1)} min</text>
        <text x={WIDTH} y={HEIGHT + 16} text-anchor="end" font-size={11} fill="#444">now</text>
        {lines.map(l => (
          <polyline key={l.key} points={l.points} fill="none" stroke={SENTIMENT_COLOURS[l.sentiment] ?? '#000'}
            stroke-width={2} stroke-dasharray={CHANNEL_DASHES[l.channel] ?? ''} data-series={l.key} />
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {lines.map(l => (
            <li key={l.key}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1={0} y1={5} x2={28} y2={5} stroke={SENTIMENT_COLOURS[l.sentiment] ?? '#000'} stroke-width={2}
                  stroke-dasharray={CHANNEL_DASHES[l.channel] ?? ''} />
              </svg>
              {l.channel} · {l.sentiment.toLowerCase()} — {l.latest}/min now
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
