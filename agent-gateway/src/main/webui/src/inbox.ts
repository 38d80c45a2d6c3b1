// The inbox order and the SLA countdown, shared by the inbox and the ticket view.

import type { Priority, TicketSummary } from './model';

const PRIORITY_RANK: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** Most urgent first: the SLA that breaches first, then the higher priority, then the oldest. */
export function byUrgency(a: TicketSummary, b: TicketSummary): number {
  const due = (t: TicketSummary) => (t.slaDueAt ? Date.parse(t.slaDueAt) : Number.POSITIVE_INFINITY);
  if (due(a) !== due(b)) return due(a) - due(b);
  const rank = (t: TicketSummary) => PRIORITY_RANK[t.priority] ?? 9;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const created = (t: TicketSummary) => (t.createdAt ? Date.parse(t.createdAt) : Number.POSITIVE_INFINITY);
  return created(a) - created(b);
}

/** "12m 05s left", "1h 02m left", "3m overdue", or "no SLA running". */
export function slaCountdown(dueAt: string | null | undefined, now: number): { text: string; level: 'ok' | 'soon' | 'overdue' | 'none' } {
  if (!dueAt) return { text: 'no SLA running', level: 'none' };
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const span = h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
  if (ms < 0) return { text: `${span} overdue`, level: 'overdue' };
  return { text: `${span} left`, level: ms < 15 * 60_000 ? 'soon' : 'ok' };
}

/** "4m 10s", for how long the oldest ticket of a queue has waited. */
export function waited(since: string | null | undefined, now: number): string {
  if (!since) return '—';
  const ms = Math.max(0, now - Date.parse(since));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}
