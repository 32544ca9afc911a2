import { DEFAULT_ORIGINS, type RequestBody } from '@cors-lab/scenarios';
import { describe, expect, it } from 'vitest';
import { browserRequest, fetchCall } from './fetch-call';

describe('fetchCall', () => {
  it('puts the run id into the path and the target origin in front of it', () => {
    const call = fetchCall(
      { target: 'api', path: '/lab/exact?run={run}' },
      DEFAULT_ORIGINS,
      'web',
      'r 1',
    );
    expect(call.url).toBe('http://localhost:8000/lab/exact?run=r%201');
    expect(call.init.method).toBe('GET');
  });

  it('sends the dev proxy path to the page its own origin', () => {
    const call = fetchCall(
      { target: 'same-page-origin', path: '/proxy/lab/none?run={run}' },
      DEFAULT_ORIGINS,
      'web-alt-host',
      'r',
    );
    expect(call.url).toBe('http://127.0.0.1:3000/proxy/lab/none?run=r');
  });

  it('encodes a JSON body and labels it application/json', () => {
    const { init } = fetchCall(
      { target: 'api', path: '/x', method: 'PUT', body: { type: 'json', value: { text: 'hi' } } },
      DEFAULT_ORIGINS,
      'web',
      'r',
    );
    expect(init.body).toBe('{"text":"hi"}');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('encodes form bodies as URLSearchParams and FormData so fetch() labels them itself', () => {
    const urlencoded = fetchCall(
      {
        target: 'api',
        path: '/x',
        method: 'POST',
        body: { type: 'urlencoded', value: { a: '1' } },
      },
      DEFAULT_ORIGINS,
      'web',
      'r',
    ).init.body;
    const form = fetchCall(
      { target: 'api', path: '/x', method: 'POST', body: { type: 'form-data', value: { b: '2' } } },
      DEFAULT_ORIGINS,
      'web',
      'r',
    ).init.body;
    expect(urlencoded).toBeInstanceOf(URLSearchParams);
    expect(String(urlencoded)).toBe('a=1');
    expect(form).toBeInstanceOf(FormData);
    expect((form as FormData).get('b')).toBe('2');
  });

  it('sends a Blob body with its type, which fetch() then sends as the Content-Type', async () => {
    const { init } = fetchCall(
      {
        target: 'api',
        path: '/x',
        method: 'POST',
        body: { type: 'blob', value: '{"a":1}', contentType: 'application/json' },
      },
      DEFAULT_ORIGINS,
      'web',
      'r',
    );
    expect(init.body).toBeInstanceOf(Blob);
    expect((init.body as Blob).type).toBe('application/json');
    expect(await (init.body as Blob).text()).toBe('{"a":1}');
  });

  it('passes the redirect mode only when the scenario sets one', () => {
    const manual = fetchCall(
      { target: 'api', path: '/x', redirect: 'manual' },
      DEFAULT_ORIGINS,
      'web',
      'r',
    ).init;
    expect(manual.redirect).toBe('manual');
    expect(
      'redirect' in fetchCall({ target: 'api', path: '/x' }, DEFAULT_ORIGINS, 'web', 'r').init,
    ).toBe(false);
  });

  it('passes credentials and mode only when the scenario sets them, as fetch() defaults otherwise', () => {
    const plain = fetchCall({ target: 'api', path: '/x' }, DEFAULT_ORIGINS, 'web', 'r').init;
    const set = fetchCall(
      { target: 'api', path: '/x', credentials: 'include', mode: 'no-cors' },
      DEFAULT_ORIGINS,
      'web',
      'r',
    ).init;
    expect('credentials' in plain || 'mode' in plain).toBe(false);
    expect(set).toMatchObject({ credentials: 'include', mode: 'no-cors' });
  });
});

describe('browserRequest', () => {
  it("hands predict() the body's kind, so it derives the Content-Type fetch() adds itself", () => {
    const request = browserRequest(
      { target: 'api', path: '/x', method: 'POST', body: { type: 'text', value: 'hello' } },
      DEFAULT_ORIGINS,
      'web-alt-port',
      'r',
    );
    expect(request).toEqual({
      pageOrigin: 'http://localhost:3001',
      url: 'http://localhost:8000/x',
      method: 'POST',
      headers: {},
      credentials: 'same-origin',
      mode: 'cors',
      redirect: 'follow',
      body: { kind: 'string' },
    });
  });

  it('maps each catalogue body to the kind fetch() sees, a Blob with its type', () => {
    const kind = (body: RequestBody) =>
      browserRequest(
        { target: 'api', path: '/x', method: 'POST', body },
        DEFAULT_ORIGINS,
        'web',
        'r',
      ).body;
    expect(kind({ type: 'json', value: 1 })).toEqual({ kind: 'string' });
    expect(kind({ type: 'urlencoded', value: {} })).toEqual({ kind: 'url-search-params' });
    expect(kind({ type: 'form-data', value: {} })).toEqual({ kind: 'form-data' });
    expect(kind({ type: 'blob', value: '{}', contentType: 'application/json' })).toEqual({
      kind: 'blob',
      type: 'application/json',
    });
    expect(kind({ type: 'blob', value: '{}' })).toEqual({ kind: 'blob', type: '' });
  });

  it('keeps a Content-Type the author wrote, whatever its case, and the redirect mode', () => {
    const request = browserRequest(
      {
        target: 'api',
        path: '/x',
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: { type: 'text', value: '<a/>' },
        redirect: 'manual',
      },
      DEFAULT_ORIGINS,
      'web',
      'r',
    );
    expect(request.headers).toEqual({ 'content-type': 'application/xml' });
    expect(request.redirect).toBe('manual');
  });
});
