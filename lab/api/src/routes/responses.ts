import { randomUUID } from 'node:crypto';
import {
  PAGE_ORIGIN_ROLES,
  type LabCookie,
  type LabRoute,
  type Origins,
} from '@cors-lab/scenarios';
import type { CookieOptions, RequestHandler } from 'express';
import { readCookie } from '@cors-lab/api/cookies';
import { HttpError } from '@cors-lab/api/errors';
import { runIdOf } from '../run-id.js';
import { SAFE_RUN, runQuery } from './run-query.js';
/** Echoed X-Request-Id values must look like an id; anything else is replaced. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._~-]{1,64}$/;

const COOKIE_OPTIONS: Readonly<Record<LabCookie, CookieOptions>> = {
  lab_sid: { httpOnly: true, sameSite: 'lax', path: '/lab' },
  lab_secure_sid: { httpOnly: true, secure: true, sameSite: 'none', path: '/lab' },
};

/**
 * The handler that answers `route` once its CORS middleware is done, on the listener named
 * `listener` (`main` or `alt`: an `upgrade` route redirects from the first to the second).
 */
export function routeResponse(route: LabRoute, origins: Origins, listener: string): RequestHandler {
  const cookie = route.cookie ?? 'lab_sid';
  const echo: RequestHandler = (req, res) => {
    const run = runIdOf(req);
    const sent = readCookie(req.headers.cookie, cookie);
    const requestId = req.headers['x-request-id'];
    res.set(
      'X-Request-Id',
      typeof requestId === 'string' && SAFE_REQUEST_ID.test(requestId) ? requestId : randomUUID(),
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
  };
  return (req, res, next) => {
    // A preflight that the CORS layer did not end gets an empty answer without CORS headers.
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    const run = runIdOf(req);
    const { response } = route;
    switch (response.kind) {
      case 'echo':
      case 'append-slash':
        echo(req, res, next);
        return;
      case 'upgrade':
        if (listener === 'main') {
          res.redirect(301, `${origins['api-alt-port']}${req.path}${runQuery(req)}`);
        } else {
          echo(req, res, next);
        }
        return;
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
        const { target, path } = response.to;
        const origin =
          target === 'page' ? pageOrigin(req.headers.origin, origins) : origins[target];
        if (origin === undefined) {
          next(
            new HttpError(
              400,
              `This route redirects back to the page that called it, but Origin ${JSON.stringify(req.headers.origin ?? null)} is none of the lab's pages (${PAGE_ORIGIN_ROLES.map((role) => origins[role]).join(', ')}); call it from one of them.`,
            ),
          );
          return;
        }
        res.redirect(response.status ?? 302, `${origin}${path}${runQuery(req)}`);
        return;
      }
    }
  };
}

/** The page origin named by the request's Origin header, when it is one of the lab's pages. */
function pageOrigin(origin: string | undefined, origins: Origins): string | undefined {
  return PAGE_ORIGIN_ROLES.map((role) => origins[role]).find((candidate) => candidate === origin);
}
