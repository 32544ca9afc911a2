import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ORIGINS } from '@cors-lab/scenarios';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { RequestLog } from './log/request-log.js';
import { createLabApp } from './app.js';
import { rawExchange, rawHeaderValues, type RawAnswer } from '@cors-lab/testkit';

const WEB = 'http://localhost:3000';
const KIB_64 = 64 * 1024;

const log = new RequestLog();
const app = createLabApp({
  policy: readConfig({}).policy,
  origins: DEFAULT_ORIGINS,
  log,
  listener: 'main',
});
/** Node's default 16 KiB header limit, as in production. */
let defaultServer: Server;
/** A 1 MiB header limit, so 64 KiB values reach the CORS code instead of Node's parser. */
let roomyServer: Server;

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  defaultServer = await listen(createServer(app));
  roomyServer = await listen(createServer({ maxHeaderSize: 1024 * 1024 }, app));
});

afterAll(async () => {
  await Promise.all(
    [defaultServer, roomyServer].map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

const header = rawHeaderValues;

/** `head` (request line and header lines) byte for byte, then the whole answer, body included. */
function rawRequest(port: number, head: string): Promise<RawAnswer> {
  return rawExchange(
    port,
    Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'),
    5000,
    true,
  );
}

async function stillServes(): Promise<void> {
  const res = await request(defaultServer).get('/health').set('Origin', WEB);
  expect(res.status).toBe(200);
  expect(res.headers['access-control-allow-origin']).toBe(WEB);
}

describe('hostile input', () => {
  it('answers a 64 KiB Origin with 431 under Node’s default header limit, and keeps serving', async () => {
    const res = await request(defaultServer)
      .get('/api/notes')
      .set('Origin', `${WEB}${'a'.repeat(KIB_64)}`);
    expect(res.status).toBe(431);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    await stillServes();
  });

  it('grants nothing to a 64 KiB Origin that reaches the policy, and logs it cut to 1 KiB', async () => {
    const origin = `http://${'a'.repeat(KIB_64)}.localhost:3000`;
    const res = await request(roomyServer).get('/api/notes?run=huge-origin').set('Origin', origin);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const [entry] = log.forRun('huge-origin');
    expect(entry?.truncated).toBe(true);
    expect(String(entry?.requestHeaders.origin).length).toBeLessThan(1100);
  });

  it('never reflects a 64 KiB Access-Control-Request-Headers', async () => {
    const requested = Array.from({ length: KIB_64 / 8 }, (_, i) => `x-h${i}`).join(',');
    const res = await request(roomyServer)
      .options('/api/notes')
      .set('Origin', WEB)
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', requested);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['access-control-allow-headers'] ?? '').not.toContain('x-h1');
    expect(JSON.stringify(res.headers).length).toBeLessThan(2048);
    await stillServes();
  });

  it('rejects a bare CR inside the Origin value before any header can be injected', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `GET /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}\rSet-Cookie: injected=1`,
    );
    expect(answer.status).toBe(400);
    expect(header(answer, 'set-cookie')).toEqual([]);
    expect(header(answer, 'access-control-allow-origin')).toEqual([]);
    await stillServes();
  });

  it('rejects an obsolete folded Origin line', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `GET /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}\r\n X-Injected: 1`,
    );
    expect(answer.status).toBe(400);
    expect(header(answer, 'access-control-allow-origin')).toEqual([]);
  });

  it('treats a percent-encoded CR/LF in Origin as a foreign origin and echoes nothing', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `GET /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}%0d%0aSet-Cookie:%20injected=1`,
    );
    expect(answer.status).toBe(200);
    expect(header(answer, 'access-control-allow-origin')).toEqual([]);
    expect(header(answer, 'set-cookie')).toEqual([]);
  });

  it('keeps an encoded CR/LF in the run id out of the redirect Location', async () => {
    const res = await request(defaultServer)
      .get('/lab/redirect/to-exact?run=a%0d%0aSet-Cookie:%20injected=1')
      .set('Origin', WEB);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('http://localhost:8001/lab/exact');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('grants nothing to two Origin headers, even two allowed ones', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `GET /api/notes?run=two-origins HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}\r\nOrigin: ${WEB}`,
    );
    expect(answer.status).toBe(200);
    expect(header(answer, 'access-control-allow-origin')).toEqual([]);
    expect(log.forRun('two-origins')[0]?.requestHeaders.origin).toEqual([WEB, WEB]);
  });

  it('grants nothing to Origin: null on the main API and on an exact-origin lab route', async () => {
    for (const path of ['/api/notes', '/lab/exact']) {
      const res = await request(defaultServer).get(path).set('Origin', 'null');
      expect(res.headers['access-control-allow-origin'], path).toBeUndefined();
    }
    const preflight = await request(defaultServer)
      .options('/api/notes')
      .set('Origin', 'null')
      .set('Access-Control-Request-Method', 'PUT');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a lowercase method with 400 from the HTTP parser, and keeps serving', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `get /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}`,
    );
    expect(answer.status).toBe(400);
    await stillServes();
  });

  it('answers an unknown method with 400 from the HTTP parser', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `FROB /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}`,
    );
    expect(answer.status).toBe(400);
    expect(header(answer, 'access-control-allow-origin')).toEqual([]);
  });

  it('answers a method Node knows but the API does not serve with a JSON 404 that keeps CORS', async () => {
    const answer = await rawRequest(
      portOf(defaultServer),
      `PROPFIND /api/notes HTTP/1.1\r\nHost: localhost\r\nOrigin: ${WEB}`,
    );
    expect(answer.status).toBe(404);
    expect(header(answer, 'access-control-allow-origin')).toEqual([WEB]);
    expect(answer.body).toContain('"status":404');
  });

  it('never advertises a requested method outside the policy, in any case', async () => {
    for (const method of ['patch', 'FROB', 'TRACE', 'PUTX']) {
      const res = await request(defaultServer)
        .options('/lab/methods/read-only')
        .set('Origin', WEB)
        .set('Access-Control-Request-Method', method);
      expect(res.headers['access-control-allow-methods'] ?? '', method).not.toContain(method);
    }
  });
});
