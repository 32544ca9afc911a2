import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS } from './origins.js';
import { loggedPathname, requestHeaders, requestUrl } from './request.js';

describe('requestUrl', () => {
  it('puts the encoded run id in place of {run} on the target origin', () => {
    const url = requestUrl(
      { target: 'api', path: '/lab/exact?run={run}' },
      DEFAULT_ORIGINS,
      'web',
      'a b&c',
    );
    expect(url).toBe('http://localhost:8000/lab/exact?run=a%20b%26c');
  });
});

describe('requestHeaders', () => {
  it('adds Content-Type: application/json for a JSON body', () => {
    expect(requestHeaders({ target: 'api', path: '/', body: { type: 'json', value: {} } })).toEqual(
      { 'Content-Type': 'application/json' },
    );
  });

  it("keeps the scenario's own Content-Type whatever its case", () => {
    expect(
      requestHeaders({
        target: 'api',
        path: '/',
        headers: { 'content-type': 'text/plain' },
        body: { type: 'json', value: {} },
      }),
    ).toEqual({ 'content-type': 'text/plain' });
  });
});

describe('loggedPathname', () => {
  it('strips the query and the dev proxy prefix', () => {
    expect(loggedPathname({ target: 'same-page-origin', path: '/proxy/lab/none?run={run}' })).toBe(
      '/lab/none',
    );
    expect(loggedPathname({ target: 'api', path: '/proxy/lab/none?run={run}' })).toBe(
      '/proxy/lab/none',
    );
  });
});
