import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, STALE_VERSION } from './api';
import type { Live } from './live';
import type { LivePush, Message, Session, TicketSummary, TicketUpdate, TicketView } from './model';
import { isAgent, isSupervisor } from './model';
import { channelNames, findPii } from './composer';
import { slaCountdown } from './inbox';
import { Thread } from './Thread';
import { Composer } from './Composer';
import { typing } from './App';

interface Props {
  id: string;
  session: Session;
  live: Live;
  onNext: () => void;
  onPrevious: () => void;
  onChanged: () => void;
}

/** A ticket: its facts and flags, the whole thread, the customer's other tickets, the composer. */
export function TicketScreen({ id, session, live, onNext, onPrevious, onChanged }: Props) {
  const [view, setView] = useState<TicketView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const draft = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Delivery outcomes can arrive before the reply's own POST has answered: kept until the reply shows.
  const outcomes = useRef(new Map<string, { delivery: Message['delivery']; failureReason?: string | null }>());
  const withOutcome = (m: Message): Message => {
    const known = outcomes.current.get(m.messageId);
    return known ? { ...m, delivery: known.delivery, failureReason: known.failureReason } : m;
  };

  const load = useCallback(async () => {
    try {
      setView(await api.get<TicketView>(`/api/v1/tickets/${id}`));
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof ApiError && e.status === 404 ? 'This ticket does not exist or is not one of your teams\'.' : (e as Error).message);
    }
  }, [id]);

  useEffect(() => {
    load().then(() => heading.current?.focus());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [load]);

  useEffect(() => live.onResync(load), [live, load]);

  useEffect(() => live.onPush((push: LivePush) => {
    if (push.ticketId !== id) return;
    if (push.type === 'message') {
      const m = push.data;
      const message: Message = {
        messageId: m.messageId, kind: m.kind, author: m.author, text: m.text, visibility: m.visibility,
        delivery: m.delivery, createdAt: m.occurredAt ?? push.occurredAt,
      };
      setView(v => v && !v.messages.some(x => x.messageId === message.messageId)
        ? { ...v, messages: [...v.messages, message] } : v);
    } else if (push.type === 'delivery') {
      const d = push.data;
      outcomes.current.set(d.messageId, { delivery: d.state, failureReason: d.failureReason });
      setView(v => v && { ...v, messages: v.messages.map(withOutcome) });
    } else if (push.type === 'ticket-changed' || push.type === 'assignment' || push.type === 'release') {
      load();
    }
  }), [live, id, load]);

  const setStatus = async (status: 'RESOLVED' | 'PENDING_CUSTOMER') => {
    if (!view) return;
    try {
      const updated = await api.post<TicketSummary>(`/api/v1/tickets/${id}/status`, { status, version: view.ticket.version ?? null });
      setView(v => v && { ...v, ticket: { ...v.ticket, ...updated } });
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.type === STALE_VERSION) {
        // Someone (or a customer's message) changed the ticket meanwhile: show it as it is now.
        await load();
        setProblem('The ticket changed since you opened it; it is reloaded. Check it and try again.');
      } else {
        setProblem((e as Error).message);
      }
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e)) return;
      if (e.key === 'j') { onNext(); e.preventDefault(); }
      else if (e.key === 'k') { onPrevious(); e.preventDefault(); }
      else if (e.key === 'r') { draft.current?.focus(); e.preventDefault(); }
      else if (e.key === 'e' && isAgent(session)) { setStatus('RESOLVED'); e.preventDefault(); }
      else if (e.key === 'u') { window.location.hash = '#/'; e.preventDefault(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNext, onPrevious, view]);

  if (problem && !view) return <p role="alert" class="banner">{problem}</p>;
  if (!view) return <p aria-busy="true">Loading the ticket…</p>;

  const t = view.ticket;
  const sla = slaCountdown(t.slaDueAt, now);
  const customer = t.customer?.displayName || t.customer?.handle || 'Unknown customer';
  // ticket-service does not say what triage found; the app's own guard looks at the customer's texts.
  const personalData = view.messages.some(m => m.kind === 'CUSTOMER' && findPii(m.text).length > 0);
  const updated = ({ ticket, message }: TicketUpdate) => {
    setView(v => {
      if (!v) return v;
      const messages = message && !v.messages.some(x => x.messageId === message.messageId)
        ? [...v.messages, withOutcome(message)] : v.messages;
      return { ...v, ticket: { ...v.ticket, ...ticket }, messages };
    });
    onChanged();
  };

  return (
    <div class="ticket-screen">
      <section class="ticket" aria-labelledby="ticket-title">
        <div class="section-head">
          <h2 id="ticket-title" tabIndex={-1} ref={heading}>
            <span class="ref">{t.reference}</span> <span class="customer">{customer}</span>
          </h2>
          <p class={`sla ${sla.level}`}><span class="visually-hidden">SLA: </span>{sla.text}</p>
        </div>
        <ul class="facts" aria-label="Ticket facts">
          <li class="badge channel">{channelNames[t.channel] ?? t.channel}{t.visibility === 'PRIVATE' ? ' (private)' : ''}</li>
          <li class="badge">status: {t.status.toLowerCase().replace('_', ' ')}</li>
          <li class={`badge priority ${t.priority}`}>priority: {t.priority.toLowerCase()}</li>
          {t.language && <li class="badge">language: {t.language}</li>}
          {t.sentiment && <li class={`badge sentiment ${t.sentiment}`}>sentiment: {t.sentiment.toLowerCase()}</li>}
          {t.intent && <li class="badge flag">intent: {t.intent.toLowerCase()}</li>}
          {personalData && <li class="badge pii flag">personal data in the conversation</li>}
          {t.team && <li class="badge">team: {t.team}</li>}
        </ul>
        {problem && <p role="alert" class="banner">{problem}</p>}
        <Thread messages={view.messages} />
        {isAgent(session) && (
          <Composer draftRef={draft} ticket={t} composer={view.composer} agentName={session.displayName}
            onSent={updated} onStatus={setStatus} />
        )}
      </section>
      <aside class="customer-panel" aria-labelledby="customer-title">
        <h2 id="customer-title">Customer</h2>
        <p class="customer-name">{customer}</p>
        {view.customerChannels.length > 0 && (
          <>
            <h3>Channels</h3>
            <ul class="plain">
              {view.customerChannels.map(c => <li key={c.channel + (c.handle ?? '')}>{channelNames[c.channel] ?? c.channel}: {c.handle ?? '—'}</li>)}
            </ul>
          </>
        )}
        <h3>Other tickets</h3>
        {view.otherTickets.length === 0 ? <p class="empty">None.</p> : (
          <ul class="plain">
            {view.otherTickets.map(o => (
              <li key={o.id}><a href={`#/ticket/${o.id}`}>{o.reference}</a> — {o.status.toLowerCase().replace('_', ' ')} — {o.summary ?? ''}</li>
            ))}
          </ul>
        )}
        {isSupervisor(session) && <p><a href={`#/floor?ticket=${t.id}`}>Transfer this ticket…</a></p>}
      </aside>
    </div>
  );
}
