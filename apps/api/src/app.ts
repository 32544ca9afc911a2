import { corsMiddleware, type Policy } from '@cors-lab/cors-policy';
import express, { type Express } from 'express';
import { errorHandler, notFound } from './errors.js';
import { notesRouter } from './notes/notes-router.js';
import { NotesStore } from './notes/notes-store.js';
import { sessionRouter } from './session/session-router.js';
import { SessionStore } from './session/session-store.js';

export interface AppOptions {
  /** The CORS policy in front of every route, errors included. */
  policy: Policy;
}

/** The API (health, notes, a cookie session) without listen(): the entry point and the tests call it. */
export function createApp({ policy }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // First, so that preflights are answered before any route and errors keep their CORS headers.
  app.use(corsMiddleware(policy));
  app.use(express.json({ limit: '16kb' }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/api/notes', notesRouter(new NotesStore()));
  app.use('/api/session', sessionRouter(new SessionStore()));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
