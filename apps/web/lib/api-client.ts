// The page's whole conversation with the API, cross-origin. Every call sends the session cookie
// (`credentials: 'include'`), so the API must answer with the page's exact origin and
// `Access-Control-Allow-Credentials: true`; a JSON body makes each write a preflighted request.

export interface Note {
  id: number;
  text: string;
  done: boolean;
}

export interface Session {
  authenticated: boolean;
  name?: string;
}

/** A failed call, with what the page can say about it. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the browser gave no response (CORS refusal, API down). */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  listNotes(): Promise<Note[]>;
  addNote(text: string): Promise<Note>;
  setDone(id: number, done: boolean): Promise<Note>;
  deleteNote(id: number): Promise<void>;
  whoAmI(): Promise<Session>;
  logIn(name: string): Promise<Session>;
  logOut(): Promise<void>;
}

/** A client for the API at `apiOrigin` (e.g. `http://localhost:8000`); `fetchImpl` is for tests in Node. */
export function apiClient(apiOrigin: string, fetchImpl: typeof fetch = fetch): ApiClient {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${apiOrigin}${path}`, {
        method,
        credentials: 'include',
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      // The browser hides why: a CORS refusal and a server that is down look the same here.
      throw new ApiError(
        `No answer from ${apiOrigin}: the API is not running, or its CORS policy does not allow this page's origin (the browser console says which).`,
        0,
      );
    }
    if (response.status === 204) return undefined as T;
    const payload = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) {
      throw new ApiError(
        payload.error ?? `${method} ${path} failed with ${response.status}.`,
        response.status,
      );
    }
    return payload as T;
  }

  return {
    listNotes: async () => (await call<{ notes: Note[] }>('GET', '/api/notes')).notes,
    addNote: (text) => call('POST', '/api/notes', { text }),
    setDone: (id, done) => call('PATCH', `/api/notes/${id}`, { done }),
    deleteNote: (id) => call('DELETE', `/api/notes/${id}`),
    whoAmI: async () => {
      try {
        return await call<Session>('GET', '/api/session/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return { authenticated: false };
        throw error;
      }
    },
    logIn: (name) => call('POST', '/api/session', { name }),
    logOut: () => call('DELETE', '/api/session'),
  };
}
