import { describe, expect, it } from 'vitest';
import { byUrgency, slaCountdown } from './inbox';
import { layout } from './chart';
import type { TicketSummary } from './model';

const ticket = (id: string, slaDueAt: string | null, priority: TicketSummary['priority']): TicketSummary =>
  ({ id, reference: id, channel: 'X', status: 'OPEN', priority, slaDueAt, createdAt: '2026-01-01T00:00:00Z' });

describe('the inbox order', () => {
  it('puts the SLA due first, then the higher priority, and tickets without a clock last', () => {
    const sorted = [
      ticket('later-urgent', '2026-01-01T12:00:00Z', 'URGENT'),
      ticket('no-clock', null, 'URGENT'),
      ticket('soon-low', '2026-01-01T10:00:00Z', 'LOW'),
      ticket('later-high', '2026-01-01T12:00:00Z', 'HIGH'),
    ].sort(byUrgency).map(t => t.id);
    expect(sorted).toEqual(['soon-low', 'later-urgent', 'later-high', 'no-clock']);
  });
});

describe('the SLA countdown', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  it('counts down and says when it is overdue', () => {
    expect(slaCountdown('2026-01-01T10:05:07Z', now)).toEqual({ text: '5m 07s left', level: 'soon' });
    expect(slaCountdown('2026-01-01T11:30:00Z', now)).toEqual({ text: '1h 30m left', level: 'ok' });
    expect(slaCountdown('2026-01-01T09:58:00Z', now)).toEqual({ text: '2m 00s overdue', level: 'overdue' });
    expect(slaCountdown(null, now).level).toBe('none');
  });
});

describe('the mention chart', () => {
  it('scales every series to the busiest minute', () => {
    const { lines, max } = layout({
      minutes: ['a', 'b', 'c'],
      series: [{ channel: 'X', sentiment: 'NEGATIVE', counts: [0, 2, 4] }],
    }, 100, 40);
    expect(max).toBe(4);
    expect(lines[0].points).toBe('0.0,40.0 50.0,20.0 100.0,0.0');
    expect(lines[0].latest).toBe(4);
    expect(lines[0].total).toBe(6);
  });
});
