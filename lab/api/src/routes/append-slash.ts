import { corsRequestOf, decide, type Policy } from '@cors-lab/cors-policy';
import type { RequestHandler } from 'express';
import { runQuery } from './run-query.js';

/**
 * What Flask's `strict_slashes` or Django's `APPEND_SLASH` do in front of a route: a path without
 * its trailing slash gets 301 to the slashed path, a preflight too, before any handler runs. The
 * route's CORS headers go on the 301 (flask-cors adds them to every answer), so what fails is the
 * redirect itself, not a missing header.
 */
export function appendSlash(policy: Policy<true> | undefined): RequestHandler {
  return (req, res, next) => {
    if (req.path.endsWith('/')) {
      next();
      return;
    }
    if (policy) {
      const decision = decide(policy, corsRequestOf(req));
      res.set(decision.headers);
      if (decision.vary !== undefined) res.vary(decision.vary);
    }
    res.redirect(301, `${req.path}/${runQuery(req)}`);
  };
}
