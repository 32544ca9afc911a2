import { Router, type Request } from 'express';
import { HttpError } from '../errors.js';
import type { Note, NotesStore } from './notes-store.js';

const MAX_TEXT = 1000;

/** `/api/notes`: list, create, read, replace (PUT), edit (PATCH) and delete notes as JSON. */
export function notesRouter(store: NotesStore): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json({ notes: store.list() });
  });
  router.post('/', (req, res) => {
    const note = store.create(requireText(req.body), optionalDone(req.body) ?? false);
    res.status(201).location(`${req.baseUrl}/${note.id}`).json(note);
  });
  router.get('/:id', (req, res) => {
    res.json(findNote(store, req));
  });
  router.put('/:id', (req, res) => {
    const note = findNote(store, req);
    res.json(
      store.update(note.id, { text: requireText(req.body), done: optionalDone(req.body) ?? false }),
    );
  });
  router.patch('/:id', (req, res) => {
    const note = findNote(store, req);
    const body: unknown = req.body;
    const changes: Partial<Pick<Note, 'text' | 'done'>> = {};
    if (isObject(body) && 'text' in body) changes.text = requireText(body);
    const done = optionalDone(body);
    if (done !== undefined) changes.done = done;
    res.json(store.update(note.id, changes));
  });
  router.delete('/:id', (req, res) => {
    store.delete(findNote(store, req).id);
    res.status(204).end();
  });
  return router;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findNote(store: NotesStore, req: Request): Note {
  const param = req.params.id;
  const raw = typeof param === 'string' ? param : '';
  const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : NaN;
  const note = Number.isSafeInteger(id) ? store.get(id) : undefined;
  if (!note) throw new HttpError(404, `Note ${JSON.stringify(raw)} does not exist.`);
  return note;
}

function requireText(body: unknown): string {
  const text = isObject(body) ? body.text : undefined;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
    throw new HttpError(
      400,
      `"text" must be a non-empty string of at most ${MAX_TEXT} characters; send JSON like {"text": "Buy milk"}.`,
    );
  }
  return text;
}

function optionalDone(body: unknown): boolean | undefined {
  const done = isObject(body) ? body.done : undefined;
  if (done !== undefined && typeof done !== 'boolean') {
    throw new HttpError(400, `"done" must be true or false, got ${JSON.stringify(done)}.`);
  }
  return done;
}
