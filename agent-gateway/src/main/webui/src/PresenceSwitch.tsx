import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { Presence } from './model';

/** Online (new tickets are routed to me) or away. */
export function PresenceSwitch() {
  const [presence, setPresence] = useState<Presence | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api.get<{ presence: Presence }>('/api/v1/presence').then(p => setPresence(p.presence)).catch(() => setPresence(null));
  }, []);

  const change = async (wanted: Presence) => {
    setProblem(null);
    try {
      const p = await api.put<{ presence: Presence }>('/api/v1/presence', { presence: wanted });
      setPresence(p.presence);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <fieldset class="presence" title={problem ?? undefined}>
      <legend class="visually-hidden">My presence</legend>
      {(['ONLINE', 'AWAY'] as Presence[]).map(p => (
        <label key={p} class={presence === p ? 'on' : ''}>
          <input type="radio" name="presence" value={p} checked={presence === p} onChange={() => change(p)} />
          {p === 'ONLINE' ? 'Online' : 'Away'}
        </label>
      ))}
    </fieldset>
  );
}
