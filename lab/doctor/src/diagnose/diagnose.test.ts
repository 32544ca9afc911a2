// The doctor against plain node:http servers whose headers each test sets by hand. Expected
// outcomes come from the Fetch Standard (and, where engines differ, the measured engine rules).
import { afterEach, describe, expect, it } from 'vitest';
import {
  startScriptedServer,
  type Script,
  type ScriptedServer,
} from '../testing/scripted-server.js';
import { diagnose } from './diagnose.js';
import { ENGINES, type DoctorOutcome } from './types.js';

const PAGE = 'http://localhost:3000';
const servers: ScriptedServer[] = [];

async function serve(script: Script): Promise<ScriptedServer> {
  const server = await startScriptedServer(script);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function outcomes(diagnosis: Awaited<ReturnType<typeof diagnose>>): Record<string, DoctorOutcome> {
  return Object.fromEntries(ENGINES.map((engine) => [engine, diagnosis.engines[engine].outcome]));
}

const all = (outcome: DoctorOutcome) => ({ chromium: outcome, firefox: outcome, webkit: outcome });

describe('simple requests', () => {
  it('allows an exact Allow-Origin and exposes only the safelisted and listed headers', async () => {
    const api = await serve(() => ({
      status: 200,
      headers: {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Expose-Headers': 'X-Total',
        'X-Total': '3',
        'X-Secret': 'no',
        'Content-Type': 'application/json',
      },
      body: '[]',
    }));
    const diagnosis = await diagnose({ url: `${api.origin}/items`, origin: PAGE });
    expect(outcomes(diagnosis)).toEqual(all('allowed'));
    expect(diagnosis.engines.chromium.readableHeaders).toEqual(['content-type', 'x-total']);
    expect(diagnosis.exchanges).toHaveLength(1);
    expect(api.received[0]?.headers.origin).toBe(PAGE);
  });

  it('blocks a missing Allow-Origin although the request reached the server', async () => {
    const api = await serve(() => ({ status: 200, body: 'ok' }));
    const diagnosis = await diagnose({ url: `${api.origin}/`, origin: PAGE });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.firefox.reason).toBe('missing-allow-origin');
    expect(diagnosis.engines.chromium.consoleMessage).toContain(
      "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(diagnosis.engines.firefox.consoleMessage).toContain(
      '(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.',
    );
    expect(diagnosis.engines.webkit.consoleMessage).toContain(
      `Origin ${PAGE} is not allowed by Access-Control-Allow-Origin. Status code: 200`,
    );
    expect(api.received).toHaveLength(1);
  });

  it('blocks two Allow-Origin headers, as a proxy and an app each adding one produce', async () => {
    const api = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': [PAGE, PAGE] },
    }));
    const diagnosis = await diagnose({ url: `${api.origin}/`, origin: PAGE });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.chromium.reason).toBe('multiple-allow-origin');
    expect(diagnosis.engines.chromium.fix).toContain('keep exactly one');
  });

  it("blocks * with credentials: 'include'", async () => {
    const api = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
    }));
    const diagnosis = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      credentials: 'include',
    });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.webkit.reason).toBe('wildcard-with-credentials');
  });
});

describe('preflights', () => {
  const allowPut: Script = ({ method }) =>
    method === 'OPTIONS'
      ? {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'Content-Type, X-Trace',
          },
        }
      : { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } };

  it('sends OPTIONS first with the method and the lowercased, sorted header names', async () => {
    const api = await serve(allowPut);
    const diagnosis = await diagnose({
      url: `${api.origin}/notes/1`,
      origin: PAGE,
      method: 'put',
      headers: [
        ['X-Trace', 'abc'],
        ['Content-Type', 'application/json'],
      ],
      body: { kind: 'string', text: '{"a":1}' },
    });
    expect(outcomes(diagnosis)).toEqual(all('allowed'));
    const [preflight, actual] = api.received;
    expect(preflight?.method).toBe('OPTIONS');
    expect(preflight?.headers['access-control-request-method']).toBe('PUT');
    expect(preflight?.headers['access-control-request-headers']).toBe('content-type,x-trace');
    expect(actual?.method).toBe('PUT');
    expect(actual?.headers['content-type']).toBe('application/json');
    expect(actual?.body).toBe('{"a":1}');
    expect(api.received).toHaveLength(2);
  });

  it('stops at a preflight answered 401: the actual request never reaches the server', async () => {
    const api = await serve(() => ({
      status: 401,
      headers: { 'Access-Control-Allow-Origin': PAGE },
    }));
    const diagnosis = await diagnose({ url: `${api.origin}/`, origin: PAGE, method: 'DELETE' });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.chromium.reason).toBe('preflight-status');
    expect(diagnosis.engines.chromium.consoleMessage).toContain('It does not have HTTP ok status.');
    expect(api.received.map((request) => request.method)).toEqual(['OPTIONS']);
  });

  it('fails a preflight answered with a redirect, in every engine', async () => {
    const api = await serve(({ path }) => ({
      status: 301,
      headers: { Location: `${path}/`, 'Access-Control-Allow-Origin': PAGE },
    }));
    const diagnosis = await diagnose({
      url: `${api.origin}/api`,
      origin: PAGE,
      headers: [['Authorization', 'Bearer x']],
    });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.firefox.reason).toBe('preflight-redirect');
    expect(api.received).toHaveLength(1);
  });

  it('names the header the preflight answer left out', async () => {
    const api = await serve(allowPut);
    const diagnosis = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      method: 'PUT',
      headers: [['X-Other', '1']],
    });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.chromium.reason).toBe('header-not-allowed');
    expect(diagnosis.engines.chromium.consoleMessage).toContain(
      'Request header field x-other is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
  });

  it('reuses a cached preflight on a repeat, and sends it again when Max-Age is 0', async () => {
    const cached = await serve(({ method }) =>
      method === 'OPTIONS'
        ? {
            status: 204,
            headers: {
              'Access-Control-Allow-Origin': PAGE,
              'Access-Control-Allow-Methods': 'PUT',
              'Access-Control-Max-Age': '60',
            },
          }
        : { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } },
    );
    const diagnosis = await diagnose(
      { url: `${cached.origin}/`, origin: PAGE, method: 'PUT' },
      { repeat: 2 },
    );
    expect(cached.received.map((request) => request.method)).toEqual(['OPTIONS', 'PUT', 'PUT']);
    expect(diagnosis.engines.webkit.preflightReused).toEqual([false, true]);

    const uncached = await serve(({ method }) =>
      method === 'OPTIONS'
        ? {
            status: 204,
            headers: {
              'Access-Control-Allow-Origin': PAGE,
              'Access-Control-Allow-Methods': 'PUT',
              'Access-Control-Max-Age': '0',
            },
          }
        : { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } },
    );
    await diagnose({ url: `${uncached.origin}/`, origin: PAGE, method: 'PUT' }, { repeat: 2 });
    expect(uncached.received.map((request) => request.method)).toEqual([
      'OPTIONS',
      'PUT',
      'OPTIONS',
      'PUT',
    ]);
  });
});

describe('redirects, followed as the Fetch Standard does', () => {
  async function redirecting(status: number, to: ScriptedServer): Promise<ScriptedServer> {
    return serve(() => ({
      status,
      headers: { Location: `${to.origin}/final`, 'Access-Control-Allow-Origin': PAGE },
    }));
  }

  it('sends Origin: null after a cross-origin hop, so * passes and the page origin does not', async () => {
    const wildcard = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*' },
    }));
    const exact = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': PAGE },
    }));
    const toWildcard = await diagnose({
      url: `${(await redirecting(302, wildcard)).origin}/`,
      origin: PAGE,
    });
    expect(outcomes(toWildcard)).toEqual(all('allowed'));
    expect(wildcard.received[0]?.headers.origin).toBe('null');
    const toExact = await diagnose({
      url: `${(await redirecting(302, exact)).origin}/`,
      origin: PAGE,
    });
    expect(outcomes(toExact)).toEqual(all('blocked'));
    expect(toExact.engines.chromium.reason).toBe('allow-origin-mismatch');
    expect(toExact.engines.chromium.consoleMessage).toContain('(redirected from ');
    expect(toExact.exchanges.map((exchange) => exchange.origin)).toEqual([PAGE, 'null']);
  });

  it("gives an opaque redirect with redirect: 'manual' and a TypeError with 'error'", async () => {
    const final = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*' },
    }));
    const start = await redirecting(302, final);
    const manual = await diagnose({ url: `${start.origin}/`, origin: PAGE, redirect: 'manual' });
    expect(outcomes(manual)).toEqual(all('opaqueredirect'));
    expect(manual.engines.chromium.status).toBe(0);
    const error = await diagnose({ url: `${start.origin}/`, origin: PAGE, redirect: 'error' });
    expect(outcomes(error)).toEqual(all('blocked'));
    expect(error.engines.firefox.reason).toBe('redirect-mode-error');
    expect(final.received).toHaveLength(0);
  });

  it('fails a redirect whose own answer does not pass the CORS check', async () => {
    const final = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*' },
    }));
    const start = await serve(() => ({ status: 302, headers: { Location: `${final.origin}/` } }));
    const diagnosis = await diagnose({ url: `${start.origin}/`, origin: PAGE });
    expect(outcomes(diagnosis)).toEqual(all('blocked'));
    expect(diagnosis.engines.chromium.reason).toBe('missing-allow-origin');
    expect(final.received).toHaveLength(0);
  });

  it('turns a POST into a GET without its body on a 303', async () => {
    const final = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*' },
    }));
    const start = await redirecting(303, final);
    await diagnose({
      url: `${start.origin}/`,
      origin: PAGE,
      method: 'POST',
      body: { kind: 'string', text: 'hello' },
    });
    expect(start.received[0]?.body).toBe('hello');
    expect(final.received[0]?.method).toBe('GET');
    expect(final.received[0]?.body).toBe('');
    expect(final.received[0]?.headers['content-type']).toBeUndefined();
  });

  it('preflights the next hop of a 307 again, with the origin each engine uses there', async () => {
    const reflect: Script = ({ headers }) => ({
      status: headers['access-control-request-method'] ? 204 : 200,
      headers: {
        'Access-Control-Allow-Origin': String(headers.origin),
        'Access-Control-Allow-Methods': 'PUT',
      },
    });
    const final = await serve(reflect);
    const start = await serve(({ method }) =>
      method === 'OPTIONS'
        ? reflect({
            method,
            path: '/',
            headers: { origin: PAGE, 'access-control-request-method': 'PUT' },
            body: '',
          })
        : {
            status: 307,
            headers: { Location: `${final.origin}/`, 'Access-Control-Allow-Origin': PAGE },
          },
    );
    const diagnosis = await diagnose({ url: `${start.origin}/`, origin: PAGE, method: 'PUT' });
    expect(outcomes(diagnosis)).toEqual(all('allowed'));
    const preflightOrigins = final.received
      .filter((request) => request.method === 'OPTIONS')
      .map((request) => request.headers.origin);
    // Chromium and WebKit send null (the standard); Firefox sends the page's origin.
    expect(new Set(preflightOrigins)).toEqual(new Set(['null', PAGE]));
    const firefoxPreflight = diagnosis.exchanges.find(
      (exchange) => exchange.hop === 1 && exchange.kind === 'preflight' && exchange.origin === PAGE,
    );
    expect(firefoxPreflight?.engines).toEqual(['firefox']);
  });
});

describe('modes and bodies', () => {
  it('no-cors: an opaque response for a POST that still ran, a refusal for a PUT', async () => {
    const api = await serve(() => ({ status: 200 }));
    const post = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      method: 'POST',
      mode: 'no-cors',
    });
    expect(outcomes(post)).toEqual(all('opaque'));
    expect(api.received).toHaveLength(1);
    const put = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      method: 'PUT',
      mode: 'no-cors',
    });
    expect(outcomes(put)).toEqual(all('refused'));
    expect(put.exchanges).toEqual([]);
    expect(api.received).toHaveLength(1);
  });

  it('a Blob typed application/json needs a preflight; FormData goes simple with its boundary', async () => {
    const api = await serve(() => ({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': PAGE },
    }));
    const blob = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      method: 'POST',
      body: { kind: 'blob', text: '{}', blobType: 'application/json' },
    });
    expect(outcomes(blob)).toEqual(all('blocked'));
    expect(api.received[0]?.headers['access-control-request-headers']).toBe('content-type');
    api.received.length = 0;
    const form = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      method: 'POST',
      body: { kind: 'formdata', text: 'a=1' },
    });
    expect(outcomes(form)).toEqual(all('allowed'));
    const [sent] = api.received;
    expect(sent?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).toContain('name="a"');
  });

  it('refuses a GET with a body before sending anything', async () => {
    const api = await serve(() => ({ status: 200 }));
    const diagnosis = await diagnose({
      url: `${api.origin}/`,
      origin: PAGE,
      body: { kind: 'string', text: 'x' },
    });
    expect(outcomes(diagnosis)).toEqual(all('refused'));
    expect(api.received).toHaveLength(0);
  });
});

describe('the fix in the server’s own terms', () => {
  it.each([
    ['Express', { 'X-Powered-By': 'Express' }, 'cors', 'app.use(cors({'],
    [
      'nginx',
      { Server: 'nginx/1.22.1' },
      'nginx',
      `add_header Access-Control-Allow-Origin "${PAGE}" always;`,
    ],
    ['Flask', { Server: 'Werkzeug/2.2.2 Python/3.11.2' }, 'flask', `CORS(app, origins=["${PAGE}"]`],
    ['Next.js', { 'X-Powered-By': 'Next.js' }, 'next', 'export function OPTIONS()'],
  ])('guesses %s from the answer', async (_, headers, stack, snippet) => {
    const api = await serve(() => ({ status: 200, headers }));
    const diagnosis = await diagnose({ url: `${api.origin}/`, origin: PAGE, method: 'PATCH' });
    expect(diagnosis.stack.stack).toBe(stack);
    expect(diagnosis.engines.chromium.fix).toContain(snippet);
  });

  it('writes definePolicy options when asked with --stack cors-policy', async () => {
    const api = await serve(() => ({ status: 200 }));
    const diagnosis = await diagnose(
      { url: `${api.origin}/`, origin: PAGE, credentials: 'include' },
      { stack: 'cors-policy' },
    );
    expect(diagnosis.engines.webkit.fix).toContain(`origins: ['${PAGE}'],`);
    expect(diagnosis.engines.webkit.fix).toContain('credentials: true,');
  });
});
