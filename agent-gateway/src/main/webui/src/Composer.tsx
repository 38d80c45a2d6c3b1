import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from './api';
import type { TicketSummary, TicketUpdate, TicketView } from './model';
import { checkDraft, fillPlaceholders, visibilityOf, withSignature, type ComposeMode } from './composer';

interface Props {
  /** The draft's textarea, so the ticket screen's "r" shortcut can focus it. */
  draftRef: RefObject<HTMLTextAreaElement | null>;
  ticket: TicketSummary;
  composer: TicketView['composer'];
  agentName: string;
  onSent: (update: TicketUpdate) => void;
  onStatus: (status: 'RESOLVED' | 'PENDING_CUSTOMER') => void;
}

const MODES: { mode: ComposeMode; label: string }[] = [
  { mode: 'public', label: 'Public reply' },
  { mode: 'private', label: 'Private reply' },
  { mode: 'note', label: 'Internal note' },
];

/** Reply (public or private) or note, with the channel's limit, the PII guard, canned responses and signature. */
export function Composer({ draftRef: area, ticket, composer, agentName, onSent, onStatus }: Props) {
  const publicAnswer = composer.publicLimit !== null;
  const [mode, setMode] = useState<ComposeMode>(ticket.visibility === 'PRIVATE' || !publicAnswer ? 'private' : 'public');
  const [text, setText] = useState('');
  const [sign, setSign] = useState(true);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // ticket-service refused the reply and said a private answer would be accepted.
  const [offerPrivate, setOfferPrivate] = useState(false);

  const outgoing = mode === 'note' ? text : withSignature(text, composer.signature, sign);
  const check = checkDraft(outgoing, mode, composer, ticket.channel);
  const nearLimit = check.length > check.limit * 0.9;

  const useCanned = (id: string) => {
    const canned = composer.cannedResponses.find(c => c.id === id);
    if (!canned) return;
    setText(fillPlaceholders(canned.body, {
      customerName: ticket.customer?.displayName, customerHandle: ticket.customer?.handle,
      agentName, ticketReference: ticket.reference,
    }));
    area.current?.focus();
  };

  const send = async (e: Event) => {
    e.preventDefault();
    if (check.blockedBecause || sending) return;
    setSending(true);
    setProblem(null);
    setOfferPrivate(false);
    try {
      const update = mode === 'note'
        ? await api.post<TicketUpdate>(`/api/v1/tickets/${ticket.id}/notes`, { text })
        : await api.post<TicketUpdate>(`/api/v1/tickets/${ticket.id}/replies`, { text: outgoing, visibility: visibilityOf(mode) });
      onSent(update);
      setText('');
    } catch (err) {
      setProblem((err as Error).message);
      setOfferPrivate(err instanceof ApiError && mode === 'public' && err.suggestedVisibility === 'PRIVATE');
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="composer" onSubmit={send} aria-labelledby="composer-title">
      <h3 id="composer-title">Answer</h3>
      <fieldset class="modes">
        <legend>Send as</legend>
        {MODES.filter(m => m.mode !== 'public' || publicAnswer).map(m => (
          <label key={m.mode}>
            <input type="radio" name="mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            {m.label}
          </label>
        ))}
      </fieldset>
      <div class="row-controls">
        <label for="canned">Canned response</label>
        <select id="canned" value="" onChange={e => useCanned((e.target as HTMLSelectElement).value)}>
          <option value="">Choose…</option>
          {composer.cannedResponses.map(c => <option key={c.id} value={c.id}>{c.title}</option>)}
        </select>
        {mode !== 'note' && (
          <label class="inline">
            <input type="checkbox" checked={sign} onChange={e => setSign((e.target as HTMLInputElement).checked)} />
            Add my signature
          </label>
        )}
      </div>
      <label for="draft" class="visually-hidden">{mode === 'note' ? 'Internal note' : 'Reply text'}</label>
      <textarea id="draft" ref={area} rows={5} value={text}
        aria-describedby="counter composer-problem"
        onInput={e => setText((e.target as HTMLTextAreaElement).value)}
        onKeyDown={e => { if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur(); }} />
      <p id="counter" class={`counter${check.over ? ' over' : nearLimit ? ' near' : ''}`} aria-live={nearLimit ? 'polite' : 'off'}>
        {check.length} / {check.limit}
        {mode !== 'note' && sign && composer.signature ? ' (with signature)' : ''}
      </p>
      {check.pii.length > 0 && (
        <div class="pii-warning" role="alert">
          <p>This public reply contains personal data: {check.pii.map(p => p.kind).join(', ')}. It cannot be posted publicly.</p>
          <button type="button" onClick={() => setMode('private')}>Answer privately instead</button>
        </div>
      )}
      <p id="composer-problem" class="problem" role={problem ? 'alert' : undefined}>{problem ?? ''}</p>
      {offerPrivate && mode === 'public' && (
        <button type="button" class="answer-privately" onClick={() => { setMode('private'); setOfferPrivate(false); }}>
          Answer privately instead
        </button>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!!check.blockedBecause || sending}
          title={check.blockedBecause ?? undefined}>
          {mode === 'note' ? 'Add note' : mode === 'public' ? 'Send public reply' : 'Send private reply'}
        </button>
        <button type="button" onClick={() => onStatus('PENDING_CUSTOMER')}>Pending customer</button>
        <button type="button" onClick={() => onStatus('RESOLVED')}>Resolve <kbd>e</kbd></button>
      </div>
    </form>
  );
}
