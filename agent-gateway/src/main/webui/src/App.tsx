import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, useCsrfToken } from './api';
import { Live } from './live';
import { byUrgency } from './inbox';
import type { Inbox as InboxData, LivePush, Session } from './model';
import { isAgent, isSupervisor } from './model';
import { Inbox } from './Inbox';
import { TicketScreen } from './TicketScreen';
import { Floor } from './Floor';
import { PresenceSwitch } from './PresenceSwitch';
import { ShortcutHelp } from './ShortcutHelp';

type Route = { name: 'inbox' } | { name: 'ticket'; id: string } | { name: 'floor'; ticket?: string };

function parseRoute(hash: string): Route {
  const ticket = /^#\/ticket\/([0-9a-f-]{36})$/.exec(hash);
  if (ticket) return { name: 'ticket', id: ticket[1] };
  const floor = /^#\/floor(?:\?ticket=([0-9a-f-]{36}))?$/.exec(hash);
  if (floor) return { name: 'floor', ticket: floor[1] };
  return { name: 'inbox' };
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(parseRoute(window.location.hash));
  const [inbox, setInbox] = useState<InboxData | null>(null);
  const [fresh, setFresh] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const [connected, setConnected] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const live = useMemo(() => new Live(), []);
  const sessionRef = useRef<Session | null>(null);

  const reloadInbox = useCallback(async () => {
    if (!sessionRef.current || !isAgent(sessionRef.current)) return;
    try {
      const data = await api.get<InboxData>('/api/v1/inbox');
      data.tickets.sort(byUrgency);
      setInbox(data);
    } catch (e) {
      setFailure(`The inbox could not be loaded: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => {
    api.get<Session>('/api/v1/session').then(s => {
      useCsrfToken(s.csrfToken);
      sessionRef.current = s;
      setSession(s);
      if (!isAgent(s) && isSupervisor(s) && parseRoute(window.location.hash).name === 'inbox') {
        window.location.hash = '#/floor';
      }
      live.start();
      reloadInbox();
    }).catch(e => setFailure(`Signing in failed: ${(e as Error).message}`));
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      live.stop();
    };
  }, []);

  useEffect(() => live.onStatus(setConnected), [live]);
  useEffect(() => live.onResync(reloadInbox), [live, reloadInbox]);

  useEffect(() => live.onPush((push: LivePush) => {
    const me = sessionRef.current;
    if (!me) return;
    switch (push.type) {
      case 'assignment':
        if (push.data?.agentId === me.subject) {
          setFresh(f => ({ ...f, [push.ticketId!]: 'new' }));
          setAnnouncement('A new ticket was assigned to you.');
          reloadInbox();
        }
        break;
      case 'release':
      case 'ticket-changed':
      case 'customer-erased':
        reloadInbox();
        break;
      case 'message':
        if (push.data?.kind === 'CUSTOMER') {
          setFresh(f => ({ ...f, [push.ticketId!]: 'message' }));
          setAnnouncement('A customer wrote on one of your tickets.');
        }
        break;
      case 'sla-warning':
      case 'sla-breached':
        if (push.data?.agentId === me.subject) {
          setFresh(f => ({ ...f, [push.ticketId!]: push.type }));
          setAnnouncement(push.type === 'sla-warning' ? 'An SLA on one of your tickets is about to run out.' : 'An SLA on one of your tickets ran out.');
        }
        break;
    }
  }), [live, reloadInbox]);

  const tickets = inbox?.tickets ?? [];
  const openTicket = (id: string) => {
    setFresh(f => {
      const { [id]: _, ...rest } = f;
      return rest;
    });
    window.location.hash = `#/ticket/${id}`;
  };
  const neighbour = (id: string, step: number): string | null => {
    const i = tickets.findIndex(t => t.id === id);
    const next = tickets[i + step];
    return next ? next.id : null;
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !typing(e)) {
        setHelpOpen(open => !open);
        e.preventDefault();
      } else if (e.key === 'Escape') {
        setHelpOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (failure && !session) return <main class="failure"><p role="alert">{failure}</p></main>;
  if (!session) return <main class="loading" aria-busy="true">Signing in…</main>;

  const signOut = async () => {
    try {
      await api.post('/api/v1/session/sign-out');
    } finally {
      window.location.assign('/logout');
    }
  };

  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <h1 class="brand">Switchboard</h1>
        <nav aria-label="Screens">
          {isAgent(session) && <a href="#/" aria-current={route.name === 'inbox' ? 'page' : undefined}>Inbox ({tickets.length})</a>}
          {isSupervisor(session) && <a href="#/floor" aria-current={route.name === 'floor' ? 'page' : undefined}>Floor</a>}
        </nav>
        <div class="who">
          {isAgent(session) && <PresenceSwitch />}
          <span class={connected ? 'live up' : 'live down'} title={connected ? 'Live updates on' : 'Reconnecting…'}>
            {connected ? 'Live' : 'Reconnecting…'}
          </span>
          <span class="me">{session.displayName}</span>
          <button type="button" class="link" onClick={() => setHelpOpen(true)} aria-haspopup="dialog">Shortcuts</button>
          <button type="button" onClick={signOut}>Sign out</button>
        </div>
      </header>
      <div class="announcer" role="status" aria-live="polite">{announcement}</div>
      {failure && <p class="banner" role="alert">{failure}</p>}
      <main id="main" tabIndex={-1}>
        {route.name === 'inbox' && isAgent(session) && (
          <Inbox inbox={inbox} fresh={fresh} onOpen={openTicket} />
        )}
        {route.name === 'inbox' && !isAgent(session) && <p>You have no inbox: you are not an agent.</p>}
        {route.name === 'ticket' && (
          <TicketScreen key={route.id} id={route.id} session={session} live={live}
            onNext={() => { const n = neighbour(route.id, 1); if (n) openTicket(n); }}
            onPrevious={() => { const p = neighbour(route.id, -1); if (p) openTicket(p); }}
            onChanged={reloadInbox} />
        )}
        {route.name === 'floor' && isSupervisor(session) && <Floor live={live} session={session} ticket={route.ticket} />}
      </main>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </>
  );
}

/** Whether a key press is typing into a field (shortcuts stay out of the way then). */
export function typing(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || e.ctrlKey || e.metaKey || e.altKey;
}
