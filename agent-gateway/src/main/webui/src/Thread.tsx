import type { Message } from './model';

const DELIVERY_LABELS: Record<string, string> = {
  PENDING: 'Sending…',
  DELIVERED: 'Delivered',
  FAILED: 'Not delivered',
};

function when(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
}

/** The conversation: customer posts, our replies with their delivery state, internal notes. Text only. */
export function Thread({ messages }: { messages: Message[] }) {
  return (
    <ol class="thread" aria-label="Conversation">
      {messages.map(m => (
        <li key={m.messageId} class={`message ${m.kind.toLowerCase()}`} data-message={m.messageId}>
          <article aria-label={label(m)}>
            <header>
              <span class="author">{m.author?.displayName || (m.kind === 'CUSTOMER' ? 'Customer' : 'Agent')}</span>
              <span class="kind">{kindLabel(m)}</span>
              <time dateTime={m.createdAt ?? undefined}>{when(m.createdAt)}</time>
            </header>
            <p class="text">{m.text}</p>
            {m.kind === 'AGENT_REPLY' && m.delivery && (
              <p class={`delivery ${m.delivery}`} data-delivery={m.delivery}>
                {DELIVERY_LABELS[m.delivery] ?? m.delivery}
                {m.delivery === 'FAILED' && m.failureReason ? `: ${m.failureReason}` : ''}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

function kindLabel(m: Message): string {
  if (m.kind === 'INTERNAL_NOTE') return 'internal note';
  if (m.kind === 'AGENT_REPLY') return m.visibility === 'PRIVATE' ? 'private reply' : 'public reply';
  return m.visibility === 'PRIVATE' ? 'private message' : 'public post';
}

function label(m: Message): string {
  return `${kindLabel(m)} by ${m.author?.displayName || (m.kind === 'CUSTOMER' ? 'the customer' : 'an agent')}`;
}
