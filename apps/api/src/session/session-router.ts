import { Router, type CookieOptions } from 'express';
import { readCookie } from './cookies.js';
import { HttpError } from '../errors.js';
import type { SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'cors_lab_session';
const COOKIE_OPTIONS: CookieOptions = { httpOnly: true, sameSite: 'lax', path: '/' };
const MAX_NAME = 64;

/**
 * `/api/session`: POST `{ "name": "ada" }` logs in (HttpOnly, SameSite=Lax cookie), GET `/me` says
 * who the cookie belongs to, DELETE logs out. No passwords: it shows the cookie flow, not auth.
 */
export function sessionRouter(store: SessionStore): Router {
  const router = Router();
  router.post('/', (req, res) => {
    const body: unknown = req.body;
    const name =
      typeof body === 'object' && body !== null ? (body as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
      throw new HttpError(
        400,
        `"name" must be a non-empty string of at most ${MAX_NAME} characters; send JSON like {"name": "ada"}.`,
      );
    }
    res
      .cookie(SESSION_COOKIE, store.create(name), COOKIE_OPTIONS)
      .status(201)
      .json({ authenticated: true, name });
  });
  router.get('/me', (req, res) => {
    const name = store.nameOf(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (name === undefined) throw new HttpError(401, 'Not logged in: POST /api/session first.');
    res.json({ authenticated: true, name });
  });
  router.delete('/', (req, res) => {
    store.delete(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS).status(204).end();
  });
  return router;
}
