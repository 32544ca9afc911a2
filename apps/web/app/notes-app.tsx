'use client';

import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { apiClient, type Note, type Session } from '../lib/api-client';

export function NotesApp({ apiOrigin }: { apiOrigin: string }) {
  const api = useMemo(() => apiClient(apiOrigin), [apiOrigin]);
  const [notes, setNotes] = useState<Note[]>([]);
  const [session, setSession] = useState<Session>({ authenticated: false });
  const [error, setError] = useState('');
  const [status, setStatus] = useState('Loading…');
  const [text, setText] = useState('');
  const [name, setName] = useState('');

  const run = useCallback(async (action: () => Promise<void>) => {
    try {
      await action();
      setError('');
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);

  const refresh = useCallback(
    () =>
      run(async () => {
        const [list, me] = await Promise.all([api.listNotes(), api.whoAmI()]);
        setNotes(list);
        setSession(me);
        setStatus(`${list.length} note${list.length === 1 ? '' : 's'}`);
      }),
    [api, run],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.addNote(text);
      setText('');
      await refresh();
    });
  };

  const logIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSession(await api.logIn(name));
      setName('');
    });
  };

  return (
    <>
      <section aria-labelledby="session-heading">
        <h2 id="session-heading">Session</h2>
        {session.authenticated ? (
          <p>
            <span data-testid="session">Logged in as {session.name}</span>{' '}
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  await api.logOut();
                  setSession({ authenticated: false });
                })
              }
            >
              Log out
            </button>
          </p>
        ) : (
          <form onSubmit={logIn}>
            <span data-testid="session">Not logged in.</span>{' '}
            <label>
              Name{' '}
              <input
                value={name}
                onChange={(event) => setName(event.target.value)}
                required
                maxLength={64}
              />
            </label>{' '}
            <button type="submit">Log in</button>
          </form>
        )}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <form onSubmit={add}>
          <label>
            New note{' '}
            <input
              value={text}
              onChange={(event) => setText(event.target.value)}
              required
              maxLength={1000}
            />
          </label>{' '}
          <button type="submit">Add</button>
        </form>
        <p role="status" data-testid="status">
          {status}
        </p>
        <ul data-testid="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <label>
                <input
                  type="checkbox"
                  checked={note.done}
                  onChange={() =>
                    void run(async () => {
                      await api.setDone(note.id, !note.done);
                      await refresh();
                    })
                  }
                />{' '}
                {note.text}
              </label>{' '}
              <button
                type="button"
                aria-label={`Delete “${note.text}”`}
                onClick={() =>
                  void run(async () => {
                    await api.deleteNote(note.id);
                    await refresh();
                  })
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      </section>

      {error && (
        <p role="alert" className="error" data-testid="error">
          {error}
        </p>
      )}
    </>
  );
}
