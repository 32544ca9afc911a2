import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { koaCors } from './koa.js';

const APP = 'https://app.example.com';
let server: Server;
let base = '';

beforeAll(async () => {
  const app = new Koa();
  app.silent = true;
  app.use(koaCors(definePolicy({ origins: [APP], credentials: true, preflightStatus: 200 })));
  app.use(async (ctx) => {
    if (ctx.path === '/boom') ctx.throw(503, 'down');
    ctx.set('Vary', 'Accept-Encoding');
    ctx.body = { ok: true };
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = request(`${base}${path}`, { method, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject).end();
    },
  );
}

describe('koaCors (Koa 3)', () => {
  it('answers a preflight itself with the configured status and an empty body', async () => {
    const res = await send('OPTIONS', '/items', {
      origin: APP,
      'access-control-request-method': 'PUT',
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers.vary).toBe('Origin');
  });

  it('keeps Vary: Origin when a later middleware sets Vary', async () => {
    const res = await send('GET', '/items', { origin: APP });
    expect(res.headers.vary).toBe('Accept-Encoding, Origin');
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it("keeps the CORS headers on a thrown error, which Koa's error handler would clear", async () => {
    const res = await send('GET', '/boom', { origin: APP });
    expect(res.status).toBe(503);
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers.vary).toBe('Origin');
  });

  it('sends no CORS header to a refused origin', async () => {
    const res = await send('GET', '/items', { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding, Origin');
  });
});
