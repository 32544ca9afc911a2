import type { IncomingMessage } from 'node:http';
import { runIdOf } from '../run-id.js';

/** What a run id may look like when it becomes a cookie value or part of a redirect. */
export const SAFE_RUN = /^[A-Za-z0-9._~-]{1,128}$/;

/** `?run=<id>` to carry the run id along a redirect, or nothing when the id is absent or unsafe. */
export function runQuery(req: Pick<IncomingMessage, 'url'>): string {
  const run = runIdOf(req);
  return run !== null && SAFE_RUN.test(run) ? `?run=${run}` : '';
}
