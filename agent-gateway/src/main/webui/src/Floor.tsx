import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import type { Live } from './live';
import type { Floor as FloorData, FloorTicket, LivePush, MentionChart as Chart, Session, TicketPlace } from './model';
import { waited } from './inbox';
import { MentionChart } from './MentionChart';
import { CannedLibrary } from './CannedLibrary';

interface Props {
  live: Live;
  session: Session;
  ticket?: string;
}

/** The supervisor floor: queues, agents, transfers, and the live mention chart. */
export function Floor({ live, session, ticket }: Props) {
  const [floor, setFloor] = useState<FloorData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [ticketId, setTicketId] = useState(ticket ?? '');
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const targetField = useRef<HTMLSelectElement>(null);

  const load = useCallback(async () => {
    try {
      setFloor(await api.get<FloorData>('/api/v1/floor?minutes=30'));
      setProblem(null);
    } catch (e) {
      setProblem(`The floor could not be loaded: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => {
    load();
    const clock = window.setInterval(() => setNow(Date.now()), 1000);
    // The chart counts mentions as they are threaded; fetch it every few seconds.
    const chart = window.setInterval(async () => {
      try {
        const mentions = await api.get<Chart>('/api/v1/floor/mentions?minutes=30');
        setFloor(f => f && { ...f, mentions });
      } catch {
        // the next round tries again
      }
    }, 5000);
    return () => { window.clearInterval(clock); window.clearInterval(chart); };
  }, [load]);

  useEffect(() => live.onResync(load), [live, load]);
  useEffect(() => {
    let pending: number | undefined;
    const off = live.onPush((push: LivePush) => {
      if (['queued', 'assignment', 'release', 'ticket-opened', 'sla-breached', 'ticket-changed'].includes(push.type)) {
        window.clearTimeout(pending);
        pending = window.setTimeout(load, 500);
      }
    });
    return () => { off(); window.clearTimeout(pending); };
  }, [live, load]);

  const transfer = async (e: Event) => {
    e.preventDefault();
    setOutcome(null);
    const [kind, id] = target.split(':', 2);
    try {
      const place = await api.post<TicketPlace>('/api/v1/floor/transfers', {
        ticketId,
        agentId: kind === 'agent' ? id : null,
        queueId: kind === 'queue' ? id : null,
      });
      const agent = floor?.agents.find(a => a.agentId === place.agentId);
      setOutcome(place.status === 'ASSIGNED'
        ? `Transferred: ${agent?.displayName ?? place.agentId} has the ticket now.`
        : `Transferred: the ticket waits in ${floor?.queues.find(q => q.queueId === place.queueId)?.name ?? place.queueId}.`);
      load();
    } catch (err) {
      setOutcome(`Transfer refused: ${(err as Error).message}`);
    }
  };

  if (!floor) return problem ? <p role="alert" class="banner">{problem}</p> : <p aria-busy="true">Loading the floor…</p>;

  const tickets = floor.tickets ?? [];
  const holder = (t: FloorTicket) => t.assigneeId
    ? floor.agents.find(a => a.agentId === t.assigneeId)?.displayName ?? 'another agent'
    : 'waiting';
  const label = (t: FloorTicket) => `${t.reference} · ${t.team ?? 'no team'} · ${holder(t)}`;
  // A ticket named in the address (the ticket view's "Transfer" link) may be older than the listed ones.
  const listed = tickets.some(t => t.id === ticketId);
  const pick = (t: FloorTicket) => {
    setTicketId(t.id);
    setOutcome(null);
    targetField.current?.focus();
  };

  return (
    <div class="floor">
      {problem && <p role="alert" class="banner">{problem}</p>}
      <section aria-labelledby="mentions-title" class="mentions">
        <h2 id="mentions-title">Mentions per minute</h2>
        <MentionChart chart={floor.mentions} />
      </section>
      <section aria-labelledby="queues-title">
        <h2 id="queues-title">Queues</h2>
        <table class="grid">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Waiting</th><th scope="col">Oldest wait</th><th scope="col">SLA at risk</th></tr></thead>
          <tbody>
            {floor.queues.map(q => (
              <tr key={q.queueId} data-queue={q.queueId}>
                <th scope="row">{q.name ?? q.queueId}</th>
                <td>{q.team ?? 'shared'}</td>
                <td>{q.depth}</td>
                <td>{waited(q.oldestQueuedAt, now)}</td>
                <td class={(q.slaAtRisk ?? 0) > 0 ? 'risk' : ''}>{q.slaAtRisk ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">Agents</h2>
        <table class="grid">
          <thead><tr><th scope="col">Agent</th><th scope="col">Teams</th><th scope="col">Presence</th><th scope="col">Load</th></tr></thead>
          <tbody>
            {floor.agents.map(a => (
              <tr key={a.agentId} data-agent={a.agentId}>
                <th scope="row">{a.displayName ?? a.agentId}</th>
                <td>{a.teams.join(', ')}</td>
                <td><span class={`presence-dot ${a.presence}`} aria-hidden="true"></span>{a.presence.toLowerCase()}</td>
                <td>{a.load} / {a.capacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="tickets-title" class="floor-tickets">
        <h2 id="tickets-title">Tickets being worked</h2>
        {floor.tickets == null && <p role="alert" class="banner">ticket-service could not list the tickets; transfers still work from a ticket's page.</p>}
        {floor.tickets != null && tickets.length === 0 && <p>No open tickets in your teams.</p>}
        {tickets.length > 0 && (
          <table class="grid">
            <thead><tr><th scope="col">Ticket</th><th scope="col">Customer's words</th><th scope="col">Team</th><th scope="col">With</th><th scope="col">Priority</th><th scope="col">SLA</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>
              {tickets.map(t => (
                <tr key={t.id} data-ticket={t.id} class={t.id === ticketId ? 'picked' : ''}>
                  <th scope="row"><a href={`#/tickets/${t.id}`}>{t.reference}</a></th>
                  <td class="summary">{t.summary ?? ''}</td>
                  <td>{t.team ?? '—'}</td>
                  <td>{holder(t)}</td>
                  <td>{t.priority.toLowerCase()}</td>
                  <td class={t.sla === 'AT_RISK' || t.sla === 'BREACHED' ? 'risk' : ''}>{(t.sla ?? 'NONE').replace('_', ' ').toLowerCase()}</td>
                  <td><button type="button" onClick={() => pick(t)} aria-label={`Transfer ${t.reference}`}>Transfer…</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">Transfer a ticket</h2>
        <form class="transfer" onSubmit={transfer}>
          <label for="transfer-ticket">Ticket</label>
          <select id="transfer-ticket" value={ticketId} onChange={e => setTicketId((e.target as HTMLSelectElement).value)} required>
            <option value="">Choose a ticket…</option>
            {ticketId && !listed && <option value={ticketId}>The ticket you opened</option>}
            {tickets.map(t => <option key={t.id} value={t.id}>{label(t)}</option>)}
          </select>
          <label for="transfer-target">To</label>
          <select id="transfer-target" ref={targetField} value={target} onChange={e => setTarget((e.target as HTMLSelectElement).value)} required>
            <option value="">Choose an agent or a queue…</option>
            <optgroup label="Agents">
              {floor.agents.map(a => <option key={a.agentId} value={`agent:${a.agentId}`}>{a.displayName ?? a.agentId} ({a.presence.toLowerCase()}, {a.load}/{a.capacity})</option>)}
            </optgroup>
            <optgroup label="Queues">
              {floor.queues.map(q => <option key={q.queueId} value={`queue:${q.queueId}`}>{q.name ?? q.queueId}</option>)}
            </optgroup>
          </select>
          <button type="submit" class="primary">Transfer</button>
        </form>
        <p role="status" class="outcome">{outcome ?? ''}</p>
      </section>
      <CannedLibrary session={session} />
    </div>
  );
}
