import type { TicketSummary } from './model';
import { channelNames } from './composer';
import { slaCountdown } from './inbox';

interface Props {
  ticket: TicketSummary;
  now: number;
  fresh?: string;
  selected: boolean;
  onFocus: () => void;
  onOpen: () => void;
}

const FRESH_LABELS: Record<string, string> = {
  new: 'New',
  message: 'New message',
  'sla-warning': 'SLA soon',
  'sla-breached': 'SLA breached',
};

/** One inbox line. Customer names and texts are rendered as text nodes only. */
export function TicketRow({ ticket: t, now, fresh, selected, onFocus, onOpen }: Props) {
  const sla = slaCountdown(t.slaDueAt, now);
  const customer = t.customer?.displayName || t.customer?.handle || 'Unknown customer';
  return (
    <a class={`row${selected ? ' selected' : ''}`} href={`#/ticket/${t.id}`} data-ticket={t.id}
      aria-current={selected ? 'true' : undefined} onFocus={onFocus}
      onClick={e => { e.preventDefault(); onOpen(); }}>
      <span class="ref">{t.reference}</span>
      <span class="customer">{customer}{fresh && <> <span class={`badge fresh ${fresh}`}>{FRESH_LABELS[fresh] ?? fresh}</span></>}</span>
      <span class="summary">{t.summary ?? ''}</span>
      <span class="facts">
        <span class="badge channel" title="Channel">{channelNames[t.channel] ?? t.channel}</span>
        {t.language && <span class="badge" title="Language">{t.language}</span>}
        {t.sentiment && <span class={`badge sentiment ${t.sentiment}`} title="Sentiment">{t.sentiment.toLowerCase()}</span>}
        {t.intent && <span class="badge" title="Intent">{t.intent.toLowerCase()}</span>}
        <span class={`badge priority ${t.priority}`} title="Priority">{t.priority.toLowerCase()}</span>
        {t.status === 'PENDING_CUSTOMER' && <span class="badge">pending customer</span>}
      </span>
      <span class={`sla ${sla.level}`}><span class="visually-hidden">SLA: </span>{sla.text}</span>
    </a>
  );
}
