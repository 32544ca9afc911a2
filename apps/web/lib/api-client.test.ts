// The page's client against the real API (the template's own Express app on a free port).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '@cors-lab/api/app';
import { readConfig } from '@cors-lab/api/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiClient } from './api-client';

const PAGE = 'http://localhost:3000';
let server: Server;
let apiOrigin = '';
let cookie = '';

/** fetch as a browser on PAGE would send it: with the Origin header and the cookie jar of one site. */
const browserLikeFetch: typeof fetch = async (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('Origin', PAGE);
  if (cookie) headers.set('Cookie', cookie);
  const response = await fetch(input, { ...init, headers });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0]!;
  expect(response.headers.get('access-control-allow-origin')).toBe(PAGE);
  expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  return response;
};

beforeAll(async () => {
  server = createApp(readConfig({ WEB_ORIGIN: PAGE })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  apiOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('apiClient against the real API', () => {
  const api = () => apiClient(apiOrigin, browserLikeFetch);

  it('adds, lists, edits and deletes notes', async () => {
    const note = await api().addNote('Buy milk');
    expect(note).toMatchObject({ text: 'Buy milk', done: false });
    expect((await api().setDone(note.id, true)).done).toBe(true);
    expect((await api().listNotes()).map((n) => n.text)).toContain('Buy milk');
    await api().deleteNote(note.id);
    expect((await api().listNotes()).find((n) => n.id === note.id)).toBeUndefined();
  });

  it('logs in with a cookie, knows who is logged in, and logs out', async () => {
    expect(await api().whoAmI()).toEqual({ authenticated: false });
    expect(await api().logIn('ada')).toEqual({ authenticated: true, name: 'ada' });
    expect(await api().whoAmI()).toEqual({ authenticated: true, name: 'ada' });
    await api().logOut();
    cookie = '';
    expect(await api().whoAmI()).toEqual({ authenticated: false });
  });

  it('passes on the API’s own error text', async () => {
    await expect(api().addNote('')).rejects.toThrow(/"text" must be a non-empty string/);
  });

  it('says the API gave no answer when nothing listens, without claiming why', async () => {
    const failing = apiClient('http://127.0.0.1:9', fetch).listNotes();
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    await expect(failing).rejects.toThrow(/not running, or its CORS policy does not allow/);
  });
});
