import { corsMiddleware, type Policy } from '@cors-lab/cors-policy';
import { parseLogSelection, type LogSelection } from '@cors-lab/scenarios';
import { Router, type Request } from 'express';
import { HttpError } from '@cors-lab/api/errors';
import type { RequestLog } from './request-log.js';

/**
 * `GET /__log?run=ID`: the entries of one run, oldest first, as `{ run, entries }`;
 * `GET /__log?runPrefix=P`: of every run whose id starts with P, as `{ runPrefix, entries }` (a
 * /matrix page reads its whole catalogue at once). `DELETE` with either forgets them. Both
 * readable by the lab's page origins (`policy`).
 */
export function logRouter(log: RequestLog, policy: Policy): Router {
  const router = Router();
  router.use(corsMiddleware(policy));
  router.get('/', (req, res) => {
    const selection = requireSelection(req);
    res.set('Cache-Control', 'no-store').json({ ...selection, entries: log.select(selection) });
  });
  router.delete('/', (req, res) => {
    const selection = requireSelection(req);
    res.json({ ...selection, removed: log.clear(selection) });
  });
  return router;
}

function requireSelection(req: Request): LogSelection {
  const query = req.originalUrl.indexOf('?');
  const parsed = parseLogSelection(
    new URLSearchParams(query === -1 ? '' : req.originalUrl.slice(query + 1)),
  );
  if ('error' in parsed) throw new HttpError(400, parsed.error);
  return parsed.selection;
}
