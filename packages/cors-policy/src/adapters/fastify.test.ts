import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { livePolicy } from '../live-policy.js';
import { corsPlugin } from './fastify.js';

const APP = 'https://app.example.com';
const policy = definePolicy({ origins: [APP], credentials: true, maxAge: 600 });
let app: FastifyInstance | undefined;

async function server(source = corsPlugin(policy)): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(source);
  // An auth hook registered after the plugin, as the README says: preflights never reach it.
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.authorization !== 'Bearer ok')
      await reply.code(401).send({ error: 'auth' });
  });
  app.get('/items', async (_request, reply) => reply.header('Vary', 'Accept-Encoding').send([1]));
  app.get('/boom', async () => {
    throw new Error('failed');
  });
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('corsPlugin (Fastify 5)', () => {
  it('answers a preflight in onRequest, before an auth hook and without an OPTIONS route', async () => {
    const res = await (
      await server()
    ).inject({
      method: 'OPTIONS',
      url: '/items',
      headers: { origin: APP, 'access-control-request-method': 'PUT' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toBe('Origin');
  });

  it('keeps Vary: Origin when the route sets Vary after it', async () => {
    const res = await (
      await server()
    ).inject({
      url: '/items',
      headers: { origin: APP, authorization: 'Bearer ok' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.vary).toBe('Accept-Encoding, Origin');
    expect(res.headers['access-control-allow-origin']).toBe(APP);
  });

  it('keeps the CORS headers on a 401 from auth, a 404 and a 500', async () => {
    const instance = await server();
    for (const [url, status, authorization] of [
      ['/items', 401, 'none'],
      ['/missing', 404, 'Bearer ok'],
      ['/boom', 500, 'Bearer ok'],
    ] as const) {
      const res = await instance.inject({ url, headers: { origin: APP, authorization } });
      expect(res.statusCode).toBe(status);
      expect(res.headers['access-control-allow-origin']).toBe(APP);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it('sends no CORS header to a refused origin, but Vary: Origin', async () => {
    const res = await (
      await server()
    ).inject({
      method: 'OPTIONS',
      url: '/items',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
    });
    expect(res.statusCode).toBe(204);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual(
      [],
    );
    expect(res.headers.vary).toBe('Origin');
  });

  it('reads a live policy once per request', async () => {
    const live = livePolicy({ origins: [APP] });
    const instance = await server(corsPlugin(live));
    const ask = () =>
      instance.inject({
        url: '/items',
        headers: { origin: 'https://b.example', authorization: 'Bearer ok' },
      });
    expect((await ask()).headers['access-control-allow-origin']).toBeUndefined();
    live.update({ origins: [APP, 'https://b.example'] });
    expect((await ask()).headers['access-control-allow-origin']).toBe('https://b.example');
  });
});
