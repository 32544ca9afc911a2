import { randomUUID } from 'node:crypto';
import { LAB_COOKIES, type LabCookie, type LabRoute, type Origins } from '@cors-lab/scenarios';
import type { CookieOptions, RequestHandler } from 'express';
import { readCookie } from '@cors-lab/api/cookies';
import { HttpError } from '@cors-lab/api/errors';
import { runIdOf } from '../run-id.js';

/** What a run id may look like when it becomes a cookie value or part of a redirect. */
const SAFE_RUN = /^[A-Za-z0-9._~-]{1,128}$/;
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

/** The handler that answers `route` once its CORS middleware is done. */
export function routeResponse(
  route: LabRoute,
  origins: Origins,
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
    switch (response.kind) {
      case 'echo':
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
        const query = run !== null && SAFE_RUN.test(run) ? `?run=${run}` : '';
        res.redirect(302, `${origins[response.to.target]}${response.to.path}${query}`);
        return;
      }
    }
  };
}
