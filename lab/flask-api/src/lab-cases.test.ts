import { probeOnce, type HttpAnswer } from '@cors-lab/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlask, type RunningFlask } from './flask-process.js';

const WEB = 'http://localhost:3000';
const EVIL = 'https://evil.example';
let flask: RunningFlask;

beforeAll(async () => {
  flask = await startFlask('flask_api', [], { FLASK_PORT: '0', WEB_ORIGIN: WEB });
});
afterAll(() => flask?.stop());

function get(path: string, origin: string): Promise<HttpAnswer> {
  return probeOnce(`${flask.url}${path}`, 5_000, { headers: { origin } });
}

function preflight(path: string, origin: string): Promise<HttpAnswer> {
  return probeOnce(`${flask.url}${path}`, 5_000, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
  });
}

/** Every Access-Control-Allow-Origin value as sent, repeated headers kept apart. */
function allowOrigins(answer: HttpAnswer): string[] {
  const values: string[] = [];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    if (answer.rawHeaders[i]?.toLowerCase() === 'access-control-allow-origin') {
      values.push(answer.rawHeaders[i + 1] ?? '');
    }
  }
  return values;
}

describe('the lab Flask API', () => {
  it("the seed's CORS(app, origins=...) echoes WEB_ORIGIN and nobody else", async () => {
    expect(allowOrigins(await get('/seed/origins/data', WEB))).toEqual([WEB]);
    expect(allowOrigins(await get('/seed/origins/data', EVIL))).toEqual([]);
  });

  it('supports_credentials=True adds Allow-Credentials for the allowed origin', async () => {
    const answer = await get('/seed/credentials/data', WEB);
    expect(allowOrigins(answer)).toEqual([WEB]);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
  });

  it("the seed's after_request sends the fixed origin to everyone, preflights included", async () => {
    expect(allowOrigins(await get('/seed/after-request/data', EVIL))).toEqual([WEB]);
    const answer = await preflight('/seed/after-request/data', WEB);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-headers']).toBe('Content-Type, Authorization');
  });

  it('flask_cors at its defaults echoes any origin, and with supports_credentials hands it cookies', async () => {
    expect(allowOrigins(await get('/mistake/default/data', EVIL))).toEqual([EVIL]);
    const answer = await get('/mistake/default-credentials/data', EVIL);
    expect(allowOrigins(answer)).toEqual([EVIL]);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
  });

  it('headers.add on top of flask_cors sends Allow-Origin twice', async () => {
    expect(allowOrigins(await get('/mistake/double/data', WEB))).toEqual([WEB, WEB]);
  });

  it('headers set in the view are missing from the preflight Flask answers by itself', async () => {
    expect(allowOrigins(await get('/mistake/in-view/data', WEB))).toEqual([WEB]);
    const answer = await preflight('/mistake/in-view/data', WEB);
    expect(answer.status).toBe(200);
    expect(answer.headers.allow).toContain('PUT');
    expect(allowOrigins(answer)).toEqual([]);
  });
});

describe("the Flask API's request log", () => {
  it('records each request of a run with the headers exactly as sent, a doubled one as a list', async () => {
    await get('/mistake/double/data?run=log-1', WEB);
    await preflight('/mistake/in-view/data?run=log-1', WEB);
    const answer = await probeOnce(`${flask.url}/__log?run=log-1`, 5_000, {
      headers: { origin: WEB },
    });
    expect(answer.headers['access-control-allow-origin']).toBe(WEB);
    const { run, entries } = JSON.parse(answer.body) as {
      run: string;
      entries: { method: string; path: string; status: number; responseHeaders: object }[];
    };
    expect(run).toBe('log-1');
    expect(entries.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/mistake/double/data', status: 200 },
      { method: 'OPTIONS', path: '/mistake/in-view/data', status: 200 },
    ]);
    expect(entries[0]?.responseHeaders).toMatchObject({
      'access-control-allow-origin': [WEB, WEB],
    });
    expect(entries[1]?.responseHeaders).not.toHaveProperty('access-control-allow-origin');
  });

  it('lets no other origin read the log', async () => {
    const answer = await probeOnce(`${flask.url}/__log?run=log-1`, 5_000, {
      headers: { origin: EVIL },
    });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
