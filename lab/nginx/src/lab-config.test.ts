import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeOnce, type HttpAnswer } from '@cors-lab/testkit';
import { freePorts } from '@cors-lab/testkit';
import { originsFromEnv, readRunLog } from '@cors-lab/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labHttpConfig } from './lab-config.js';
import { startNginx, type RunningNginx } from './nginx-process.js';

const origins = originsFromEnv({});
const WEB = origins.web;
const ALT = origins['web-alt-port'];
let app: Server;
let nginx: RunningNginx;
let base: string;

beforeAll(async () => {
  // Stands in for the API: a correct app echoing WEB_ORIGIN with Vary, 404 on /missing.
  app = createServer((req, res) => {
    const allowed = req.headers.origin === WEB;
    if (allowed) res.setHeader('Access-Control-Allow-Origin', WEB);
    res.setHeader('Vary', 'Origin');
    res.statusCode = req.url?.split('?')[0] === '/missing' ? 404 : 200;
    res.end('{}');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const upstream = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const [port] = await freePorts(1);
  base = `http://127.0.0.1:${port}`;
  nginx = await startNginx(labHttpConfig(port ?? 0, upstream, origins), `${base}/health`);
});
afterAll(async () => {
  await nginx?.stop();
  await new Promise((resolve) => app?.close(resolve));
});

function get(path: string, origin: string): Promise<HttpAnswer> {
  return probeOnce(`${base}${path}`, 5_000, { headers: { origin } });
}

function allowOrigins(answer: HttpAnswer): string[] {
  return answer.rawHeaders.filter(
    (_, i) =>
      i % 2 === 1 && answer.rawHeaders[i - 1]?.toLowerCase() === 'access-control-allow-origin',
  );
}

describe('the lab nginx', () => {
  it("passes the app's CORS headers through on /pass/", async () => {
    expect(allowOrigins(await get('/pass/data', WEB))).toEqual([WEB]);
  });

  it('answers preflights itself from the policy on /policy/, with the app headers hidden', async () => {
    const preflight = await probeOnce(`${base}/policy/data`, 5_000, {
      method: 'OPTIONS',
      headers: { origin: WEB, 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(204);
    expect(allowOrigins(preflight)).toEqual([WEB]);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(allowOrigins(await get('/policy/missing', WEB))).toEqual([WEB]);
    expect(allowOrigins(await get('/policy/data', ALT))).toEqual([]);
  });

  it('sends two Allow-Origin values when nginx adds one on top of the app on /double/', async () => {
    expect(allowOrigins(await get('/double/data', WEB))).toEqual([WEB, WEB]);
  });

  it('drops add_header without always on a 404 on /no-always/', async () => {
    expect(allowOrigins(await get('/no-always/data', WEB))).toEqual([WEB]);
    const missing = await get('/no-always/missing', WEB);
    expect(missing.status).toBe(404);
    expect(allowOrigins(missing)).toEqual([]);
  });

  it("serves the first origin's Allow-Origin to the second from a cache when the app forgets Vary", async () => {
    const first = await get('/cache/no-vary/x', WEB);
    expect(first.headers['x-cache-status']).toBe('MISS');
    const second = await get('/cache/no-vary/x', ALT);
    expect(second.headers['x-cache-status']).toBe('HIT');
    expect(allowOrigins(second)).toEqual([WEB]);
  });

  it('keeps one cached copy per origin when the app sends Vary: Origin', async () => {
    await get('/cache/vary/x', WEB);
    const second = await get('/cache/vary/x', ALT);
    expect(second.headers['x-cache-status']).toBe('MISS');
    expect(allowOrigins(second)).toEqual([ALT]);
    expect((await get('/cache/vary/x', WEB)).headers['x-cache-status']).toBe('HIT');
  });
});

describe("the lab nginx's request log", () => {
  it('records each request of a run as nginx answered it, both Allow-Origin values on /double/', async () => {
    await get('/double/data?run=log-1', WEB);
    await get('/no-always/missing?run=log-1', WEB);
    const entries = await readRunLog(base, 'log-1');
    expect(
      entries?.map(({ method, path, status, responseHeaders }) => ({
        method,
        path,
        status,
        allowOrigin: responseHeaders['access-control-allow-origin'],
      })),
    ).toEqual([
      { method: 'GET', path: '/double/data', status: 200, allowOrigin: [WEB, WEB] },
      { method: 'GET', path: '/no-always/missing', status: 404, allowOrigin: undefined },
    ]);
  });

  it('lets the page origins read the log, and no one else', async () => {
    expect(allowOrigins(await get('/__log', ALT))).toEqual([ALT]);
    expect(allowOrigins(await get('/__log', 'https://evil.example'))).toEqual([]);
  });
});
