import { useEffect, useRef, useState } from 'preact/hooks';
import type { Inbox as InboxData } from './model';
import { TicketRow } from './TicketRow';
import { typing } from './App';

interface Props {
  inbox: InboxData | null;
  fresh: Record<string, string>;
  onOpen: (id: string) => void;
}

/** My tickets, most urgent first; j/k move, Enter (or o) opens. */
export function Inbox({ inbox, fresh, onOpen }: Props) {
  const [selected, setSelected] = useState(0);
  const [now, setNow] = useState(Date.now());
  const list = useRef<HTMLOListElement>(null);
  const tickets = inbox?.tickets ?? [];

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || tickets.length === 0) return;
      if (e.key === 'j' || e.key === 'k') {
        const next = Math.max(0, Math.min(tickets.length - 1, selected + (e.key === 'j' ? 1 : -1)));
        setSelected(next);
        list.current?.querySelectorAll<HTMLAnchorElement>('a.row')[next]?.focus();
        e.preventDefault();
      } else if ((e.key === 'Enter' || e.key === 'o') && document.activeElement?.tagName !== 'A') {
        onOpen(tickets[selected].id);
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tickets, selected]);

  if (!inbox) return <p aria-busy="true">Loading your inbox…</p>;

  return (
    <section aria-labelledby="inbox-title" class="inbox">
      <div class="section-head">
        <h2 id="inbox-title">My tickets</h2>
        {inbox.me && (
          <p class="load">Load <strong>{inbox.me.load}</strong> of {inbox.me.capacity}</p>
        )}
      </div>
      {tickets.length === 0 ? (
        <p class="empty">Nothing to answer right now. New tickets appear here as soon as they are assigned to you.</p>
      ) : (
        <ol class="tickets" ref={list} aria-label="My tickets, most urgent first">
          {tickets.map((t, i) => (
            <li key={t.id}>
              <TicketRow ticket={t} now={now} fresh={fresh[t.id]} selected={i === selected}
                onFocus={() => setSelected(i)} onOpen={() => onOpen(t.id)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
