// Redirect chains, bodies and the engines apart. Engine expectations are what Chromium 156,
// Firefox ESR 153 and WebKitGTK 2.50 did in e2e/experiments (the experiment ids are named).
import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import type { BrowserRequest, ObservedResponse, ServerAnswer } from './types.js';

const PAGE = 'http://localhost:3000';
const API = 'http://localhost:8000';
const OTHER = 'http://localhost:8001';

const respond = (headers: ObservedResponse['headers'], status = 200): ObservedResponse => ({
  status,
  headers,
});
const redirect = (status: number, location: string, allow: string | null = PAGE) =>
  respond(
    { Location: location, ...(allow !== null && { 'Access-Control-Allow-Origin': allow }) },
    status,
  );
const allowAll = (origin: string) =>
  respond({
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'PUT, DELETE, PATCH',
    'Access-Control-Allow-Headers': 'authorization, content-type, x-custom',
  });
const shape = (prediction: ReturnType<typeof predict>) =>
  prediction.exchanges.map(
    (exchange) =>
      `${exchange.kind === 'preflight' ? 'OPTIONS' : exchange.method} ${exchange.url} ${exchange.origin ?? '-'}`,
  );

describe('predict: redirect chains', () => {
  it('sends Origin: null after a redirect to another origin, and the next answer must allow it', () => {
    const request: BrowserRequest = { pageOrigin: PAGE, url: `${API}/a` };
    const answer = (allow: string): ServerAnswer => ({
      response: redirect(302, `${OTHER}/b`),
      next: [{ response: respond({ 'Access-Control-Allow-Origin': allow }) }],
    });
    expect(shape(predict(request, answer('*')))).toEqual([
      `GET ${API}/a ${PAGE}`,
      `GET ${OTHER}/b null`,
    ]);
    expect(predict(request, answer('*')).outcome).toBe('allowed');
    expect(predict(request, answer('null')).outcome).toBe('allowed');
    const blocked = predict(request, answer(PAGE));
    expect(blocked).toMatchObject({
      outcome: 'blocked',
      reason: 'allow-origin-mismatch',
      redirects: 1,
    });
    expect(blocked.explanation).toContain('Origin: null');
    expect(blocked.fix).toContain('Avoid the cross-origin redirect');
  });

  it("keeps the origin null back on the page's own origin, and CORS-checks that answer", () => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a` },
      { response: redirect(302, `${PAGE}/back`), next: [{ response: respond({}) }] },
    );
    expect(prediction).toMatchObject({ outcome: 'blocked', reason: 'missing-allow-origin' });
    expect(prediction.exchanges.at(-1)?.origin).toBe('null');
  });

  it('runs the CORS check on the redirect itself', () => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a` },
      { response: redirect(302, `${OTHER}/b`, null), next: [{ response: allowAll('*') }] },
    );
    expect(prediction).toMatchObject({
      outcome: 'blocked',
      reason: 'missing-allow-origin',
      redirects: 0,
    });
    expect(prediction.exchanges).toHaveLength(1);
  });

  it('sends a new preflight before a 307 of a PUT, with Origin: null on another origin', () => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a`, method: 'PUT' },
      {
        preflight: allowAll(PAGE),
        response: redirect(307, `${OTHER}/b`),
        next: [{ preflight: allowAll('null'), response: allowAll('null') }],
      },
    );
    expect(prediction.outcome).toBe('allowed');
    expect(shape(prediction)).toEqual([
      `OPTIONS ${API}/a ${PAGE}`,
      `PUT ${API}/a ${PAGE}`,
      `OPTIONS ${OTHER}/b null`,
      `PUT ${OTHER}/b null`,
    ]);
  });

  it('turns a JSON POST into a GET without Content-Type on a 303, so no second preflight is needed', () => {
    const prediction = predict(
      {
        pageOrigin: PAGE,
        url: `${API}/a`,
        method: 'POST',
        body: { kind: 'string' },
        headers: { 'Content-Type': 'application/json' },
      },
      {
        preflight: allowAll(PAGE),
        response: redirect(303, `${OTHER}/b`),
        next: [{ response: allowAll('*') }],
      },
    );
    expect(shape(prediction)).toEqual([
      `OPTIONS ${API}/a ${PAGE}`,
      `POST ${API}/a ${PAGE}`,
      `GET ${OTHER}/b null`,
    ]);
    expect(prediction.exchanges.at(-1)).toMatchObject({ body: false });
    expect(prediction.exchanges.at(-1)?.contentType).toBeUndefined();
  });

  it('removes Authorization on a cross-origin hop and keeps it on a same-origin one', () => {
    const request: BrowserRequest = {
      pageOrigin: PAGE,
      url: `${API}/a`,
      headers: { Authorization: 'Bearer x' },
    };
    const to = (url: string) =>
      predict(request, {
        preflight: allowAll(PAGE),
        response: redirect(307, url),
        next: [{ preflight: allowAll(PAGE), response: allowAll('*') }],
      });
    expect(to(`${OTHER}/b`).exchanges.at(-1)?.headers).not.toContain('authorization');
    expect(to(`${API}/b`).exchanges.at(-1)?.headers).toContain('authorization');
  });

  it('refuses a preflight answered with a redirect (the trailing-slash case)', () => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/items`, method: 'PUT' },
      { preflight: redirect(301, `${API}/items/`) },
    );
    expect(prediction).toMatchObject({
      outcome: 'blocked',
      reason: 'preflight-status',
      reachesServer: false,
    });
    expect(prediction.fix).toContain('trailing-slash');
  });

  it("gives an opaque-redirect response for redirect: 'manual' and a TypeError for 'error'", () => {
    const answer: ServerAnswer = { response: redirect(302, `${OTHER}/b`) };
    expect(
      predict({ pageOrigin: PAGE, url: `${API}/a`, redirect: 'manual' }, answer),
    ).toMatchObject({
      outcome: 'opaque',
      reason: 'opaque-redirect',
      responseType: 'opaqueredirect',
    });
    expect(predict({ pageOrigin: PAGE, url: `${API}/a`, redirect: 'error' }, answer)).toMatchObject(
      {
        outcome: 'blocked',
        reason: 'redirect-mode-error',
        reachesServer: true,
      },
    );
  });

  it('sends cookies on every hop with credentials: include', () => {
    const credentialed = (origin: string) =>
      respond({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
      });
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a`, credentials: 'include' },
      {
        response: {
          ...redirect(302, `${OTHER}/b`),
          headers: { ...credentialed(PAGE).headers, Location: `${OTHER}/b` },
        },
        next: [{ response: credentialed('null') }],
      },
    );
    expect(prediction.outcome).toBe('allowed');
    expect(prediction.exchanges.map((exchange) => exchange.credentials)).toEqual([true, true]);
  });

  it('stops at the redirect whose next answer was not given and says where it goes', () => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a` },
      { response: redirect(302, '/next') },
    );
    expect(prediction).toMatchObject({ outcome: 'allowed', unfollowedRedirect: `${API}/next` });
  });

  it('refuses answers given for another URL than the redirect leads to, naming both', () => {
    expect(() =>
      predict(
        { pageOrigin: PAGE, url: `${API}/a` },
        {
          response: redirect(302, `${OTHER}/b`),
          next: [{ url: `${OTHER}/c`, response: allowAll('*') }],
        },
      ),
    ).toThrow(/http:\/\/localhost:8001\/c.*http:\/\/localhost:8001\/b/);
  });
});

describe('predict: request bodies', () => {
  it.each([
    [{ kind: 'string' }, 'text/plain;charset=UTF-8', false],
    [{ kind: 'url-search-params' }, 'application/x-www-form-urlencoded;charset=UTF-8', false],
    [{ kind: 'form-data' }, 'multipart/form-data; boundary=----formdata', false],
    [{ kind: 'blob', type: 'application/json' }, 'application/json', true],
    [{ kind: 'blob' }, undefined, false],
    [{ kind: 'array-buffer' }, undefined, false],
  ] as const)('a %j body sends Content-Type %s (preflight: %s)', (body, contentType, preflight) => {
    const prediction = predict(
      { pageOrigin: PAGE, url: `${API}/a`, method: 'POST', body },
      { preflight: allowAll(PAGE), response: allowAll(PAGE) },
    );
    expect(prediction.preflight).toBe(preflight);
    expect(prediction.exchanges.at(-1)?.contentType).toBe(contentType);
  });

  it('refuses a body kind it does not know, naming it', () => {
    expect(() =>
      predict(
        { pageOrigin: PAGE, url: `${API}/a`, method: 'POST', body: { kind: 'json' } as never },
        {},
      ),
    ).toThrow(/"json".*kind one of/);
  });
});

describe('predict: the engines apart (e2e/experiments)', () => {
  const stream: BrowserRequest = {
    pageOrigin: PAGE,
    url: `${API}/a`,
    method: 'POST',
    body: { kind: 'readable-stream' },
    duplex: 'half',
  };
  const streamAnswer: ServerAnswer = { preflight: allowAll(PAGE), response: allowAll(PAGE) };

  it('ReadableStream bodies: Chromium needs HTTP/2, Firefox sends text, WebKit refuses (body-stream-duplex)', () => {
    expect(predict(stream, streamAnswer, { engine: 'chromium' })).toMatchObject({
      reason: 'stream-needs-http2',
      reachesServer: false,
    });
    expect(
      predict(stream, { ...streamAnswer, protocol: 'h2' }, { engine: 'chromium' }).outcome,
    ).toBe('allowed');
    const firefox = predict(stream, streamAnswer, { engine: 'firefox' });
    expect(firefox).toMatchObject({ outcome: 'allowed', preflight: false });
    expect(firefox.exchanges[0]?.contentType).toBe('text/plain;charset=UTF-8');
    expect(predict(stream, streamAnswer, { engine: 'webkit' })).toMatchObject({
      outcome: 'refused',
      reason: 'stream-upload-unsupported',
    });
    expect(predict(stream, streamAnswer).engines?.differ).toEqual([
      'chromium',
      'firefox',
      'webkit',
    ]);
  });

  it('Firefox preflights a non-ASCII Accept value (safelist-6)', () => {
    const request: BrowserRequest = {
      pageOrigin: PAGE,
      url: `${API}/a`,
      headers: { Accept: 'text/\u00e9' },
    };
    const answer: ServerAnswer = { preflight: allowAll(PAGE), response: allowAll(PAGE) };
    expect(predict(request, answer).preflight).toBe(false);
    expect(predict(request, answer, { engine: 'firefox' }).preflight).toBe(true);
    expect(predict(request, answer).engines?.differ).toEqual(['firefox']);
  });

  it('every engine judges a repeated header as one joined value (safelist-2)', () => {
    const request: BrowserRequest = {
      pageOrigin: PAGE,
      url: `${API}/a`,
      headers: [
        ['accept', 'a'.repeat(100)],
        ['accept', 'b'.repeat(100)],
      ],
    };
    const answer: ServerAnswer = { preflight: allowAll(PAGE), response: allowAll(PAGE) };
    expect(predict(request, answer).preflight).toBe(false);
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      expect(predict(request, answer, { engine }).preflight).toBe(true);
    }
    expect(predict(request, answer).engines?.chromium.quirks).toContain('repeated-header-combined');
  });

  it('after a cross-origin 307 Firefox preflights with the page origin (r-307-put-null-preflight)', () => {
    const request: BrowserRequest = { pageOrigin: PAGE, url: `${API}/a`, method: 'PUT' };
    const answer: ServerAnswer = {
      preflight: allowAll(PAGE),
      response: redirect(307, `${OTHER}/b`),
      next: [{ preflight: allowAll('null'), response: allowAll('null') }],
    };
    expect(predict(request, answer, { engine: 'chromium' }).outcome).toBe('allowed');
    expect(predict(request, answer, { engine: 'webkit' }).outcome).toBe('allowed');
    expect(predict(request, answer, { engine: 'firefox' })).toMatchObject({
      outcome: 'blocked',
      reason: 'allow-origin-mismatch',
    });
  });

  it('after a 303 Firefox and WebKit still preflight, WebKit asking for the dropped header (r-303-json-options-404)', () => {
    const request: BrowserRequest = {
      pageOrigin: PAGE,
      url: `${API}/a`,
      method: 'POST',
      body: { kind: 'string' },
      headers: { 'Content-Type': 'application/json' },
    };
    const answer: ServerAnswer = {
      preflight: allowAll(PAGE),
      response: redirect(303, `${OTHER}/b`),
      next: [{ preflight: respond({}, 404), response: allowAll('*') }],
    };
    expect(predict(request, answer, { engine: 'chromium' }).outcome).toBe('allowed');
    expect(predict(request, answer, { engine: 'firefox' }).reason).toBe('missing-allow-origin');
    const webkit = predict(request, answer, { engine: 'webkit' });
    expect(webkit.exchanges.at(-1)).toMatchObject({
      kind: 'preflight',
      accessControlRequestMethod: 'GET',
      accessControlRequestHeaders: 'content-type',
    });
    expect(predict(request, answer).engines?.differ).toEqual(['firefox', 'webkit']);
  });

  it('WebKit turns DELETE into GET on a redirect (r-302-delete-get-only)', () => {
    const answer: ServerAnswer = {
      preflight: allowAll(PAGE),
      response: redirect(302, `${OTHER}/b`),
      next: [
        {
          preflight: respond({
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Methods': 'GET',
          }),
          response: allowAll('*'),
        },
      ],
    };
    const request: BrowserRequest = { pageOrigin: PAGE, url: `${API}/a`, method: 'DELETE' };
    expect(predict(request, answer, { engine: 'chromium' }).reason).toBe('method-not-allowed');
    expect(predict(request, answer, { engine: 'webkit' }).exchanges.at(-1)?.method).toBe('GET');
  });

  it('WebKit fails a second redirect after a same-origin start (r-same-cross-other)', () => {
    const request: BrowserRequest = { pageOrigin: PAGE, url: `${PAGE}/start` };
    const answer: ServerAnswer = {
      response: redirect(302, `${API}/a`, null),
      next: [{ response: redirect(302, `${OTHER}/b`) }, { response: allowAll('*') }],
    };
    expect(predict(request, answer, { engine: 'firefox' }).outcome).toBe('allowed');
    expect(predict(request, answer, { engine: 'webkit' }).reason).toBe(
      'redirect-refused-by-engine',
    );
    expect(
      predict({ ...request, credentials: 'include' }, answer, { engine: 'webkit' }).reason,
    ).not.toBe('redirect-refused-by-engine');
  });

  it('Chromium refuses a same-origin redirect to a URL with user:password@ (r-userinfo-same)', () => {
    const request: BrowserRequest = { pageOrigin: PAGE, url: `${PAGE}/a` };
    const answer: ServerAnswer = {
      response: redirect(302, 'http://u:p@localhost:3000/b', null),
      next: [{ response: respond({}) }],
    };
    expect(predict(request, answer).outcome).toBe('allowed');
    expect(predict(request, answer, { engine: 'chromium' }).reason).toBe('redirect-userinfo');
  });

  it('refuses an engine it does not know, naming the value', () => {
    expect(() =>
      predict({ pageOrigin: PAGE, url: `${API}/a` }, {}, { engine: 'safari' as never }),
    ).toThrow(/"safari".*'chromium', 'firefox', 'webkit'/);
  });
});
