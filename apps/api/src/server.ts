import { definePolicy, corsMiddleware, type Policy } from '@cors-lab/cors-policy';
import type { Origins } from '@cors-lab/scenarios';
import express, { type Express } from 'express';
import { errorHandler, notFound } from './errors.js';
import { labRouter } from './lab/lab-router.js';
import { logRouter } from './log/log-router.js';
import { LOG_PATH, recordRequests } from './log/record-requests.js';
import type { RequestLog } from './log/request-log.js';
import { NotesStore } from './main/notes-store.js';
import { notesRouter } from './main/notes-router.js';
import { sessionRouter } from './main/session-router.js';
import { SessionStore } from './main/session-store.js';

export interface AppConfig {
  /** The policy in front of the main API (health, notes, session) and its errors. */
  policy: Policy;
  /** Where the lab's pages and servers live (lab routes, redirects, who may read the log). */
  origins: Origins;
  /** Shared by every listener, so one page can read what reached either. */
  log: RequestLog;
  /** Name recorded with each log entry, e.g. 'main' or 'alt'. */
  listener: string;
}

/** The API for one listener, without listen(): the entry point and the tests call it. */
export function createApp({ policy, origins, log, listener }: AppConfig): Express {
  const app = express();
  app.disable('x-powered-by');

  // First, so that preflights and errors are recorded too.
  app.use(recordRequests(log, listener));
  app.use(
    LOG_PATH,
    logRouter(
      log,
      definePolicy({
        origins: [origins.web, origins['web-alt-port'], origins['web-alt-host']],
        methods: ['GET', 'DELETE'],
      }),
    ),
  );
  app.use(labRouter(origins));

  // The main API: what a template user keeps.
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
