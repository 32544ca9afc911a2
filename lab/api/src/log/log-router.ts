import { corsMiddleware, type Policy } from '@cors-lab/cors-policy';
import { Router } from 'express';
import { HttpError } from '@cors-lab/api/errors';
import type { RequestLog } from './request-log.js';

/**
 * `GET /__log?run=ID`: the entries of one run, oldest first, as `{ run, entries }`.
 * `DELETE /__log?run=ID`: forgets them. Both readable by the lab's page origins (`policy`).
 */
export function logRouter(log: RequestLog, policy: Policy): Router {
  const router = Router();
  router.use(corsMiddleware(policy));
  router.get('/', (req, res) => {
    const run = requireRun(req.query.run);
    res.set('Cache-Control', 'no-store').json({ run, entries: log.forRun(run) });
  });
  router.delete('/', (req, res) => {
    const run = requireRun(req.query.run);
    res.json({ run, removed: log.clearRun(run) });
  });
  return router;
}

function requireRun(value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new HttpError(
      400,
      `Query parameter "run" is ${JSON.stringify(value ?? null)}: expected one run id, e.g. /__log?run=abc123.`,
    );
  }
  return value;
}
