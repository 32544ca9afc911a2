import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runProbes } from './probe-run.js';
import type { ProbeTarget } from './targets.js';

const ALLOWED = 'https://app.example.com';
let server: Server | undefined;

/** A real HTTP server whose CORS check is `isAllowed`, answering preflights and GETs. */
async function serve(isAllowed: (origin: string) => boolean): Promise<string> {
  server = createServer((req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin !== undefined && isAllowed(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.statusCode = req.method === 'OPTIONS' ? 204 : 200;
    res.end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function target(baseUrl: string): ProbeTarget {
  return {
    label: 'test server',
    baseUrl,
    path: '/data',
    method: 'GET',
    preflightMethod: 'PUT',
    allowed: [ALLOWED],
  };
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('runProbes', () => {
  it('finds the reflection of a server that trusts any origin ending in its host', async () => {
    const baseUrl = await serve((origin) => origin.endsWith('app.example.com'));
    const result = await runProbes([target(baseUrl)], { cookie: 'sid=1', concurrency: 4 });
    expect(result.tallies.suffix.failed).toBeGreaterThan(0);
    expect(result.findings[0]?.verdict).toBe('reflected');
  });

  it('reports nothing against a server that allows the exact origin only', async () => {
    const baseUrl = await serve((origin) => origin === ALLOWED);
    const result = await runProbes([target(baseUrl)], { cookie: 'sid=1', concurrency: 4 });
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.tallies['special-chars'].refused).toBe(result.tallies['special-chars'].sent);
  });
});
