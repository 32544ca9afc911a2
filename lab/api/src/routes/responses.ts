import { randomUUID } from 'node:crypto';
import {
  LAB_COOKIES,
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

/** The catalogue's cookie attributes as Express writes them, always `HttpOnly; Path=/lab`. */
function cookieOptions(cookie: LabCookie): CookieOptions {
  const { sameSite, secure, partitioned } = LAB_COOKIES[cookie];
  return {
    httpOnly: true,
    path: '/lab',
    ...(sameSite ? { sameSite: sameSite.toLowerCase() as 'strict' | 'lax' | 'none' } : {}),
    ...(secure ? { secure: true } : {}),
    ...(partitioned ? { partitioned: true } : {}),
  };
}

const BEARER = /^Bearer (\S+)$/;

/**
 * The handler that answers `route` once its CORS middleware is done, on the listener named
 * `listener` (`main` or `alt`: an `upgrade` route redirects from the first to the second).
 */
export function routeResponse(
  route: LabRoute,
  origins: Origins,
  listener: string,
  thirdPartyApiKey: string,
): RequestHandler {
  const cookie = route.cookie ?? 'lab_sid';
  return (req, res, next) => {
    // A preflight that the CORS layer did not end gets an empty answer without CORS headers.
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    const run = runIdOf(req);
    const { response } = route;
    if (response.kind === 'upgrade' && listener === 'main') {
      res.redirect(301, `${origins['api-alt-port']}${req.path}${runQuery(req)}`);
      return;
    }
    switch (response.kind) {
      case 'echo':
      case 'append-slash':
      case 'upgrade':
      case 'token-echo': {
        const sent = readCookie(req.headers.cookie, cookie);
        const requestId = req.headers['x-request-id'];
        res.set(
          'X-Request-Id',
          typeof requestId === 'string' && SAFE_REQUEST_ID.test(requestId)
            ? requestId
            : randomUUID(),
        );
        if (route.responseHeaders) res.set(route.responseHeaders);
        const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
        res.json({
          ok: true,
          route: route.id,
          method: req.method,
          run,
          cookieSent: sent !== undefined,
          cookieMatchesRun: sent !== undefined && sent === run,
          ...(response.kind === 'token-echo'
            ? {
                tokenSent: token !== undefined,
                tokenMatchesRun: token !== undefined && token === run,
              }
            : {}),
        });
        return;
      }
      case 'login':
      case 'token-login':
        if (run === null || !SAFE_RUN.test(run)) {
          next(
            new HttpError(
              400,
              `Query parameter "run" must match ${SAFE_RUN}: it becomes the ${response.kind === 'login' ? 'cookie value' : 'token'}.`,
            ),
          );
          return;
        }
        if (response.kind === 'token-login') {
          // The run id stands for a signed token: the page keeps it and sends it back itself.
          res.json({ ok: true, route: route.id, run, token: run });
          return;
        }
        res.cookie(cookie, run, cookieOptions(cookie)).json({ ok: true, route: route.id, run });
        return;
      case 'fail':
        next(new HttpError(response.status, 'The lab route failed on purpose.'));
        return;
      case 'third-party':
        if (req.headers['x-api-key'] !== thirdPartyApiKey) {
          next(new HttpError(401, 'Send the API key in X-Api-Key.'));
          return;
        }
        res.json({ ok: true, route: route.id, run, forecast: 'sunny' });
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
