import { definePolicy, withCors } from '@cors-lab/cors-policy';
import { describe, expect, it } from 'vitest';
import { echo } from './echo';
import { PROXY_HEADERS, handOver, logged } from './logged';
import { entriesForRun } from './request-log-store';

const policy = definePolicy({
  origins: ['http://localhost:3001'],
  exposedHeaders: ['X-Request-Id'],
});

describe('logged route handlers', () => {
  it('records a preflight the Fetch adapter answered, with the headers it sent', async () => {
    const handle = logged(withCors(policy, echo('test')));
    await handle(
      new Request('http://localhost:3000/api/x?run=logged-1', {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:3001', 'Access-Control-Request-Method': 'PUT' },
      }),
    );
    const [entry] = entriesForRun('logged-1');
    expect(entry).toMatchObject({ method: 'OPTIONS', path: '/api/x', status: 204 });
    expect(entry?.requestHeaders['access-control-request-method']).toBe('PUT');
    expect(entry?.responseHeaders['access-control-allow-origin']).toBe('http://localhost:3001');
  });

  it('records the echo answer of an actual request and keeps runs apart', async () => {
    const handle = logged(withCors(policy, echo('test')));
    const response = await handle(
      new Request('http://localhost:3000/api/x?run=logged-2', {
        headers: { Origin: 'http://127.0.0.1:3000', 'X-Request-Id': 'abc' },
      }),
    );
    expect(await response.json()).toEqual({
      ok: true,
      route: 'test',
      method: 'GET',
      run: 'logged-2',
    });
    const entries = entriesForRun('logged-2');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.responseHeaders['x-request-id']).toBe('abc');
    expect(entries[0]?.responseHeaders['access-control-allow-origin']).toBeUndefined();
  });

  it('adds the headers proxy.ts handed over to the logged response, not to the logged request', async () => {
    const handedOver = handOver(
      new Headers([['access-control-allow-origin', 'http://localhost:3001']]),
    );
    await logged(echo('edge'))(
      new Request('http://localhost:3000/edge/echo?run=logged-3', {
        headers: {
          Origin: 'http://localhost:3001',
          [PROXY_HEADERS]: handedOver,
          // Next copies what proxy.ts set into the route's request as well.
          'Access-Control-Allow-Origin': 'http://localhost:3001',
        },
      }),
    );
    const [entry] = entriesForRun('logged-3');
    expect(entry?.responseHeaders['access-control-allow-origin']).toBe('http://localhost:3001');
    expect(Object.keys(entry?.requestHeaders ?? {})).toEqual(['origin']);
  });

  it('ignores a hand-over header a client forged, and never fails on a malformed one', async () => {
    const forged = JSON.stringify([['access-control-allow-origin', 'https://attacker.net']]);
    for (const [run, value] of [
      ['logged-4', forged],
      ['logged-5', '{'],
      ['logged-6', `not-the-token ${forged}`],
    ] as const) {
      const response = await logged(withCors(policy, echo('test')))(
        new Request(`http://localhost:3000/api/x?run=${run}`, {
          headers: { Origin: 'https://attacker.net', [PROXY_HEADERS]: value },
        }),
      );
      expect(response.status).toBe(200);
      const [entry] = entriesForRun(run);
      expect(entry?.responseHeaders['access-control-allow-origin']).toBeUndefined();
      expect(entry?.requestHeaders[PROXY_HEADERS]).toBeUndefined();
    }
  });
});
