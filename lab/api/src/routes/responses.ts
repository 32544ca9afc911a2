import { randomUUID } from 'node:crypto';
import type { LabCookie, LabRoute, Origins } from '@cors-lab/scenarios';
import type { CookieOptions, RequestHandler } from 'express';
import { readCookie } from '@cors-lab/api/cookies';
import { HttpError } from '@cors-lab/api/errors';
import { runIdOf } from '../run-id.js';

/** What a run id may look like when it becomes a cookie value or part of a redirect. */
const SAFE_RUN = /^[A-Za-z0-9._~-]{1,128}$/;
/** Echoed X-Request-Id values must look like an id; anything else is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._~-]{1,64}$/;

const COOKIE_OPTIONS: Readonly<Record<LabCookie, CookieOptions>> = {
  lab_sid: { httpOnly: true, sameSite: 'lax', path: '/lab' },
  lab_secure_sid: { httpOnly: true, secure: true, sameSite: 'none', path: '/lab' },
};

/** The handler that answers `route` once its CORS middleware is done. */
export function routeResponse(route: LabRoute, origins: Origins): RequestHandler {
  const cookie = route.cookie ?? 'lab_sid';
  return (req, res, next) => {
    // A preflight that the CORS layer did not end gets an empty answer without CORS headers.
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    const run = runIdOf(req);
    const { response } = route;
    switch (response.kind) {
      case 'echo': {
        const sent = readCookie(req.headers.cookie, cookie);
        const requestId = req.headers['x-request-id'];
        res.set(
          'X-Request-Id',
          typeof requestId === 'string' && SAFE_REQUEST_ID.test(requestId)
            ? requestId
            : randomUUID(),
        );
        if (route.responseHeaders) res.set(route.responseHeaders);
        res.json({
          ok: true,
          route: route.id,
          method: req.method,
          run,
          cookieSent: sent !== undefined,
          cookieMatchesRun: sent !== undefined && sent === run,
        });
        return;
      }
      case 'login':
        if (run === null || !SAFE_RUN.test(run)) {
          next(
            new HttpError(
              400,
              `Query parameter "run" must match ${SAFE_RUN}: it becomes the cookie value.`,
            ),
          );
          return;
        }
        res.cookie(cookie, run, COOKIE_OPTIONS[cookie]).json({ ok: true, route: route.id, run });
        return;
      case 'fail':
        next(new HttpError(response.status, 'The lab route failed on purpose.'));
        return;
      case 'redirect': {
        const query = run !== null && SAFE_RUN.test(run) ? `?run=${run}` : '';
        res.redirect(302, `${origins[response.to.target]}${response.to.path}${query}`);
        return;
      }
    }
  };
}
