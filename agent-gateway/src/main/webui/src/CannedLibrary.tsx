import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { CannedResponse, Session } from './model';

/** The supervisor's view of their teams' canned responses: add, edit, delete. */
export function CannedLibrary({ session }: { session: Session }) {
  const [library, setLibrary] = useState<CannedResponse[]>([]);
  const [editing, setEditing] = useState<CannedResponse | null>(null);
  const [team, setTeam] = useState(session.teams[0] ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState('');

  const load = useCallback(async () => {
    setLibrary(await api.get<CannedResponse[]>('/api/v1/canned-responses'));
  }, []);
  useEffect(() => { load().catch(e => setOutcome((e as Error).message)); }, [load]);

  const edit = (c: CannedResponse | null) => {
    setEditing(c);
    setTeam(c?.team ?? session.teams[0] ?? '');
    setTitle(c?.title ?? '');
    setBody(c?.body ?? '');
  };

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      if (editing) await api.put(`/api/v1/canned-responses/${editing.id}`, { team, title, body });
      else await api.post('/api/v1/canned-responses', { team, title, body });
      setOutcome(`Saved "${title}".`);
      edit(null);
      await load();
    } catch (err) {
      setOutcome(`Not saved: ${(err as Error).message}`);
    }
  };

  const remove = async (c: CannedResponse) => {
    try {
      await api.delete(`/api/v1/canned-responses/${c.id}`);
      setOutcome(`Deleted "${c.title}".`);
      await load();
    } catch (err) {
      setOutcome(`Not deleted: ${(err as Error).message}`);
    }
  };

  return (
    <section aria-labelledby="canned-title" class="canned">
      <h2 id="canned-title">Canned responses</h2>
      <ul class="plain canned-list">
        {library.map(c => (
          <li key={c.id} data-canned={c.id}>
            <strong>{c.title}</strong> <span class="badge">{c.team}</span>
            <p class="canned-body">{c.body}</p>
            <button type="button" onClick={() => edit(c)}>Edit<span class="visually-hidden"> {c.title}</span></button>{' '}
            <button type="button" onClick={() => remove(c)}>Delete<span class="visually-hidden"> {c.title}</span></button>
          </li>
        ))}
      </ul>
      <form class="canned-form" onSubmit={save} aria-label={editing ? `Edit ${editing.title}` : 'New canned response'}>
        <label for="canned-team">Team</label>
        <select id="canned-team" value={team} onChange={e => setTeam((e.target as HTMLSelectElement).value)}>
          {session.teams.map(t => <option key={t} value={t}>{t}</option>)}
        </select>
        <label for="canned-title-input">Title</label>
        <input id="canned-title-input" value={title} maxLength={80} required onInput={e => setTitle((e.target as HTMLInputElement).value)} />
        <label for="canned-body">Text</label>
        <textarea id="canned-body" rows={3} value={body} maxLength={2000} required aria-describedby="canned-help"
          onInput={e => setBody((e.target as HTMLTextAreaElement).value)} />
        <p id="canned-help" class="help">Placeholders: {'{{customer.name}}'}, {'{{customer.handle}}'}, {'{{agent.name}}'}, {'{{ticket.reference}}'}</p>
        <div class="actions">
          <button type="submit" class="primary">{editing ? 'Save changes' : 'Add'}</button>
          {editing && <button type="button" onClick={() => edit(null)}>Cancel</button>}
        </div>
      </form>
      <p role="status" class="outcome">{outcome}</p>
    </section>
  );
}
