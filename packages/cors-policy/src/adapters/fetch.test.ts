import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { applyCors, corsRequestFromFetch, preflight, withCors } from './fetch.js';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';
const URL_ = 'https://api.example.com/data';

const policy = definePolicy({
  origins: [APP, 'https://*.preview.example.com'],
  credentials: true,
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
});

function get(origin?: string, path = URL_): Request {
  return new Request(path, { headers: origin === undefined ? {} : { Origin: origin } });
}

function preflightRequest(origin: string, method: string, headers?: string): Request {
  return new Request(URL_, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      ...(headers === undefined ? {} : { 'Access-Control-Request-Headers': headers }),
    },
  });
}

function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith('access-control-')),
  );
}

describe('withCors', () => {
  const handler = vi.fn((request: Request) => {
    if (new URL(request.url).pathname === '/missing') {
      return Response.json({ error: 'not found' }, { status: 404 });
    }
    if (new URL(request.url).pathname === '/boom') throw new Error('handler failed');
    return Response.json({ ok: true }, { headers: { 'X-Request-Id': 'r-1' } });
  });
  const wrapped = withCors(policy, handler, {
    onError: (error) => Response.json({ error: (error as Error).message }, { status: 500 }),
  });

  it('adds CORS headers and Vary to the handler response for an allowed origin', async () => {
    const response = await wrapped(get(APP));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers a preflight itself with 204 and no body, without calling the handler', async () => {
    handler.mockClear();
    const response = await wrapped(
      preflightRequest('https://a.preview.example.com', 'PUT', 'content-type'),
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': 'https://a.preview.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'Content-Type,Authorization',
      'access-control-max-age': '600',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers a preflight from a rejected origin with the status, Vary and no CORS headers', async () => {
    const response = await wrapped(preflightRequest(EVIL, 'PUT'));
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({});
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('keeps CORS headers on a 404 from the handler', async () => {
    const response = await wrapped(get(APP, 'https://api.example.com/missing'));
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('turns a thrown error into a 500 that still carries CORS headers', async () => {
    const response = await wrapped(get(APP, 'https://api.example.com/boom'));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'handler failed' });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('answers a thrown error with a JSON 500 by default and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = withCors(policy, (): Response => {
      throw new Error('database down');
    });
    const response = await failing(get(APP));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Internal Server Error' });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(logged).toHaveBeenCalledWith(new Error('database down'));
    logged.mockRestore();
  });

  it('passes extra arguments through to the handler (Hono env, Deno info)', async () => {
    const withEnv = withCors(policy, (_request: Request, env: { name: string }) =>
      Response.json({ name: env.name }),
    );
    const response = await withEnv(get(APP), { name: 'prod' });
    expect(await response.json()).toEqual({ name: 'prod' });
  });

  it('waits for an async predicate', async () => {
    const asyncPolicy = definePolicy({ origins: async (origin) => origin === APP });
    const wrappedAsync = withCors(asyncPolicy, () => new Response('ok'));
    expect((await wrappedAsync(get(APP))).headers.get('access-control-allow-origin')).toBe(APP);
    expect((await wrappedAsync(get(EVIL))).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never echoes a malformed or doubled Origin', async () => {
    const reflect = withCors(definePolicy({ origins: 'reflect-any' }), () => new Response('ok'));
    const doubled = new Headers();
    doubled.append('Origin', APP);
    doubled.append('Origin', EVIL);
    for (const request of [
      get(`${APP}/`),
      get(`https://${'a'.repeat(64 * 1024)}.com`),
      new Request(URL_, { headers: doubled }),
    ]) {
      const response = await reflect(request);
      expect(corsHeaders(response)).toEqual({});
    }
  });
});

describe('preflight', () => {
  it('returns undefined for a request that is not a preflight', () => {
    expect(preflight(policy, get(APP))).toBeUndefined();
    expect(
      preflight(policy, new Request(URL_, { method: 'OPTIONS', headers: { Origin: APP } })),
    ).toBeUndefined();
  });

  it('returns the preflight answer synchronously for a synchronous policy', () => {
    const response = preflight(policy, preflightRequest(APP, 'DELETE'));
    expect(response).toBeInstanceOf(Response);
    expect(response?.status).toBe(204);
    expect(response?.headers.get('content-length')).toBe('0');
    expect(response?.headers.get('access-control-allow-origin')).toBe(APP);
  });
});

describe('applyCors', () => {
  let server: Server;
  let baseUrl = '';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('Vary', 'Accept-Encoding');
      res.end('upstream body');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sets headers in place on a response with mutable headers', () => {
    const original = new Response('body', { headers: { Vary: 'Accept' } });
    const result = applyCors(policy, get(APP), original);
    expect(result).toBe(original);
    expect(result.headers.get('access-control-allow-origin')).toBe(APP);
    expect(result.headers.get('vary')).toBe('Accept, Origin');
  });

  it('copies a response from fetch(), whose headers are immutable, keeping body, status and Vary', async () => {
    const upstream = await fetch(baseUrl);
    expect(() => upstream.headers.set('x-test', '1')).toThrow(TypeError);
    const result = applyCors(policy, get(APP), upstream);
    expect(result).not.toBe(upstream);
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(APP);
    expect(result.headers.get('vary')).toBe('Accept-Encoding, Origin');
    expect(await result.text()).toBe('upstream body');
  });

  it('copies a redirect, whose headers are immutable', () => {
    const result = applyCors(
      policy,
      get(APP),
      Response.redirect('https://app.example.com/next', 302),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get('location')).toBe('https://app.example.com/next');
    expect(result.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('adds only Vary for a rejected origin', () => {
    const result = applyCors(policy, get(EVIL), new Response('body'));
    expect(corsHeaders(result)).toEqual({});
    expect(result.headers.get('vary')).toBe('Origin');
  });

  it('returns a network error response unchanged', () => {
    const error = Response.error();
    expect(applyCors(policy, get(APP), error)).toBe(error);
  });
});

describe('corsRequestFromFetch', () => {
  it('reads method, Origin and the preflight headers from a standard Request', () => {
    expect(corsRequestFromFetch(preflightRequest(APP, 'PUT', 'content-type'))).toEqual({
      method: 'OPTIONS',
      origin: APP,
      accessControlRequestMethod: 'PUT',
      accessControlRequestHeaders: 'content-type',
    });
    expect(corsRequestFromFetch(get()).origin).toBeUndefined();
  });
});
