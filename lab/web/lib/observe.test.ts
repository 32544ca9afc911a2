// Real requests to a real server: Node's fetch does not enforce CORS, so only the outcomes that do
// not depend on a CORS check are tested here; the e2e suite covers the rest in real browsers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observe } from './observe';

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/text') {
      res.writeHead(503, { 'Content-Type': 'text/plain', 'X-Lab-Total': '42' }).end('busy');
      return;
    }
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ method: req.method }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('observe', () => {
  it('reads status, JSON body and header names of a response the page may read', async () => {
    const observed = await observe({ url: `${origin}/json`, init: { method: 'PUT' } });
    expect(observed).toMatchObject({ outcome: 'allowed', status: 200, body: { method: 'PUT' } });
    expect(observed.readableHeaders).toContain('content-type');
  });

  it('keeps a body that is not JSON as text', async () => {
    const observed = await observe({ url: `${origin}/text`, init: {} });
    expect(observed).toMatchObject({ outcome: 'allowed', status: 503, body: 'busy' });
  });

  it('calls a forbidden method refused: the Request constructor throws before anything is sent', async () => {
    let sent = false;
    const observed = await observe(
      { url: `${origin}/json`, init: { method: 'CONNECT' } },
      async (request) => {
        sent = true;
        return fetch(request);
      },
    );
    expect(observed.outcome).toBe('refused');
    expect(observed.error?.name).toBe('TypeError');
    expect(sent).toBe(false);
  });

  it('calls a request that no server answers blocked, with the TypeError fetch() gave', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const observed = await observe({ url: `http://127.0.0.1:${port}/`, init: {} });
    expect(observed).toMatchObject({ outcome: 'blocked', error: { name: 'TypeError' } });
  });

  it('calls an opaque response opaque, with status 0 and no readable header', async () => {
    const opaque = Response.error();
    Object.defineProperty(opaque, 'type', { value: 'opaque' });
    const observed = await observe({ url: `${origin}/json`, init: {} }, async () => opaque);
    expect(observed).toMatchObject({ outcome: 'opaque', status: 0, readableHeaders: [] });
  });

  it("calls redirect: 'manual''s opaque-redirect response opaque too", async () => {
    const opaqueRedirect = Response.error();
    Object.defineProperty(opaqueRedirect, 'type', { value: 'opaqueredirect' });
    const observed = await observe(
      { url: `${origin}/json`, init: { redirect: 'manual' } },
      async () => opaqueRedirect,
    );
    expect(observed).toMatchObject({ outcome: 'opaque', status: 0, readableHeaders: [] });
  });

  it('gives up on a request that never settles, with a TimeoutError instead of stalling', async () => {
    const observed = await observe({ url: `${origin}/hang`, init: {} }, undefined, 200);
    expect(observed).toMatchObject({ outcome: 'blocked', error: { name: 'TimeoutError' } });
  });
});
