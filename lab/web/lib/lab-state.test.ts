import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAB_STATE,
  REDIRECTING_ROUTES,
  labRequest,
  labStateToParams,
  parseLabState,
  remoteRequest,
} from './lab-state';

describe('lab state in the URL', () => {
  it('reads the defaults from an empty query and reports no problem', () => {
    expect(parseLabState(new URLSearchParams())).toEqual({
      state: DEFAULT_LAB_STATE,
      problems: [],
    });
  });

  it('writes only what differs from the defaults, and reads it back unchanged', () => {
    const state = {
      ...DEFAULT_LAB_STATE,
      target: 'proxy' as const,
      method: 'PUT',
      headers: 'X-Request-Id: 7',
      credentials: 'include' as const,
    };
    const params = labStateToParams(state);
    expect([...params.keys()].sort()).toEqual(['credentials', 'headers', 'method', 'target']);
    expect(parseLabState(params).state).toEqual(state);
  });

  it('keeps a redirecting target, the redirect mode and a typed Blob body in the URL', () => {
    const params = new URLSearchParams(
      'path=%2Flab%2Fredirect%2F307-to-null&method=PUT&redirect=manual&body=blob&blobType=application%2Fjson&payload=%7B%7D',
    );
    const { state, problems } = parseLabState(params);
    expect(problems).toEqual([]);
    expect(state).toEqual({
      ...DEFAULT_LAB_STATE,
      path: '/lab/redirect/307-to-null',
      method: 'PUT',
      redirect: 'manual',
      body: 'blob',
      blobType: 'application/json',
      payload: '{}',
    });
    expect(parseLabState(labStateToParams(state)).state).toEqual(state);
  });

  it('refuses an unknown redirect mode, naming the allowed ones', () => {
    const { state, problems } = parseLabState(new URLSearchParams('redirect=follow-twice'));
    expect(state.redirect).toBe('follow');
    expect(problems).toEqual([
      'redirect="follow-twice" is not one of follow, manual, error; using follow.',
    ]);
  });

  it('falls back to the default for an unknown value and says which value and what is allowed', () => {
    const { state, problems } = parseLabState(new URLSearchParams('mode=navigate&path=lab/none'));
    expect(state.mode).toBe('cors');
    expect(state.path).toBe('/lab/none');
    expect(problems).toEqual([
      'path="lab/none" must start with "/"; using /lab/none.',
      'mode="navigate" is not one of cors, no-cors, same-origin; using cors.',
    ]);
  });
});

describe('labRequest', () => {
  it('tags the request with the run id placeholder, after any query the path already has', () => {
    expect(labRequest({ ...DEFAULT_LAB_STATE, path: '/lab/exact' }).path).toBe(
      '/lab/exact?run={run}',
    );
    expect(labRequest({ ...DEFAULT_LAB_STATE, path: '/lab/exact?x=1' }).path).toBe(
      '/lab/exact?x=1&run={run}',
    );
  });

  it('sends the dev proxy target to the page its own origin under /proxy', () => {
    const request = labRequest({ ...DEFAULT_LAB_STATE, target: 'proxy', path: '/lab/none' });
    expect(request).toMatchObject({
      target: 'same-page-origin',
      path: '/proxy/lab/none?run={run}',
    });
  });

  it('parses header lines and name=value form fields', () => {
    const request = labRequest({
      ...DEFAULT_LAB_STATE,
      method: 'POST',
      headers: 'X-Request-Id: 42\n\nAuthorization: Bearer a:b',
      body: 'urlencoded',
      payload: 'note=hi\nempty',
    });
    expect(request.headers).toEqual({ 'X-Request-Id': '42', Authorization: 'Bearer a:b' });
    expect(request.body).toEqual({ type: 'urlencoded', value: { note: 'hi', empty: '' } });
  });

  it('builds a Blob body with its type, or none, and passes a redirect mode other than follow', () => {
    const typed = labRequest({
      ...DEFAULT_LAB_STATE,
      method: 'POST',
      body: 'blob',
      blobType: 'application/json',
      payload: '{"a":1}',
      redirect: 'error',
    });
    expect(typed.body).toEqual({ type: 'blob', value: '{"a":1}', contentType: 'application/json' });
    expect(typed.redirect).toBe('error');
    const untyped = labRequest({
      ...DEFAULT_LAB_STATE,
      method: 'POST',
      body: 'blob',
      payload: 'x',
    });
    expect(untyped.body).toEqual({ type: 'blob', value: 'x' });
    expect('redirect' in untyped).toBe(false);
  });

  it('offers every redirecting route of the API, and only those', () => {
    const paths = REDIRECTING_ROUTES.map((route) => route.path);
    expect(paths).toContain('/lab/redirect/slash');
    expect(paths).toContain('/lab/redirect/upgrade');
    expect(paths).toContain('/lab/redirect/to-wildcard');
    expect(paths).not.toContain('/lab/wildcard');
  });

  it('refuses a header line without a name, quoting the line', () => {
    expect(() => labRequest({ ...DEFAULT_LAB_STATE, headers: ': nameless' })).toThrow(
      'Header line 1 ": nameless" has no name: write one header per line as "Name: value".',
    );
  });

  it('refuses a JSON body that does not parse and shows what JSON looks like', () => {
    expect(() => labRequest({ ...DEFAULT_LAB_STATE, body: 'json', payload: '{text:' })).toThrow(
      /^The JSON body does not parse \(.+\); write JSON such as \{"text": "hello"\}\.$/,
    );
  });
});

describe('the remote target ("your server")', () => {
  it('keeps the URL in the link and builds the fetch() and the replay from one form', () => {
    const state = {
      ...DEFAULT_LAB_STATE,
      target: 'remote' as const,
      url: 'http://localhost:9000/api/items?x=1',
      method: 'PUT',
      headers: 'X-Trace: 7',
      body: 'json' as const,
      payload: '{"a":1}',
      credentials: 'include' as const,
    };
    const params = labStateToParams(state);
    expect(parseLabState(params).state).toEqual(state);
    const { call, replay } = remoteRequest(state);
    expect(call.url).toBe(state.url);
    expect(call.init).toMatchObject({ method: 'PUT', credentials: 'include', body: '{"a":1}' });
    expect(replay).toEqual({
      url: state.url,
      method: 'PUT',
      headers: [
        ['X-Trace', '7'],
        ['Content-Type', 'application/json'],
      ],
      credentials: 'include',
      mode: 'cors',
      body: { kind: 'string', text: '{"a":1}' },
    });
  });

  it('falls back to the default URL, with a note, when the link holds no http(s) URL', () => {
    const { state, problems } = parseLabState(new URLSearchParams('target=remote&url=file:///etc'));
    expect(state.url).toBe(DEFAULT_LAB_STATE.url);
    expect(problems[0]).toContain('"file:///etc"');
  });
});
