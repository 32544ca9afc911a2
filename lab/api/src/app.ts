import { createApp as createTemplateApp } from '@cors-lab/api/app';
import { errorHandler } from '@cors-lab/api/errors';
import { definePolicy, type Policy } from '@cors-lab/cors-policy';
import type { Origins } from '@cors-lab/scenarios';
import express, { type Express } from 'express';
import { logRouter } from './log/log-router.js';
import { LOG_PATH, recordRequests } from './log/record-requests.js';
import type { RequestLog } from './log/request-log.js';
import { DEFAULT_THIRD_PARTY_API_KEY } from './config.js';
import { labRouter } from './routes/lab-router.js';

export interface LabAppOptions {
  /** The template API's policy on this listener (health, notes, session and their errors). */
  policy: Policy;
  /** Where the lab's pages and servers live (lab routes, redirects, who may read the log). */
  origins: Origins;
  /** Shared by every listener, so one page can read what reached either. */
  log: RequestLog;
  /** Name recorded with each log entry, e.g. 'main' or 'alt'. */
  listener: string;
  /** The key the stand-in third-party route wants in `X-Api-Key` (default `lab-demo-key`). */
  thirdPartyApiKey?: string;
}

/**
 * The template's API wrapped by the lab: the request recorder first (so preflights and errors are
 * recorded too), then the log and the catalogue's routes, then the template app unchanged.
 */
export function createLabApp({
  policy,
  origins,
  log,
  listener,
  thirdPartyApiKey = DEFAULT_THIRD_PARTY_API_KEY,
}: LabAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(recordRequests(log, listener));
  app.use(
    LOG_PATH,
    logRouter(
      log,
      definePolicy({
        origins: [
          origins.web,
          origins['web-alt-port'],
          origins['web-alt-host'],
          origins['web-tls'],
          origins['web-public'],
        ],
        methods: ['GET', 'DELETE'],
      }),
    ),
  );
  app.use(labRouter(origins, listener, thirdPartyApiKey));
  app.use(createTemplateApp({ policy }));
  // Errors thrown by the lab's own routes; the template answers the rest, unknown paths included.
  app.use(errorHandler);
  return app;
}
