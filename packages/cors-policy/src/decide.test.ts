import { describe, expect, expectTypeOf, it } from 'vitest';
import { decide } from './decide.js';
import { definePolicy } from './define-policy.js';
import type { CorsRequest, Decision } from './types.js';

const APP = 'https://app.example.com';

const listPolicy = definePolicy({
  origins: [APP, 'http://localhost:3000', 'https://*.preview.example.com'],
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
});

const wildcardPolicy = definePolicy({
  origins: '*',
  allowedHeaders: '*',
  exposedHeaders: ['X-Request-Id'],
});

const get = (origin: CorsRequest['origin']): CorsRequest => ({ method: 'GET', origin });
const preflight = (
  origin: CorsRequest['origin'],
  method: CorsRequest['accessControlRequestMethod'],
  headers?: CorsRequest['accessControlRequestHeaders'],
): CorsRequest => ({
  method: 'OPTIONS',
  origin,
  accessControlRequestMethod: method,
  accessControlRequestHeaders: headers,
});

describe('decide: kinds', () => {
  it('calls a request without Origin not-cors and sets no CORS headers for a list policy', () => {
    expect(decide(listPolicy, { method: 'GET', origin: undefined })).toEqual({
      kind: 'not-cors',
      allowed: true,
      reason: 'no-origin',
      headers: {},
      vary: 'Origin',
      status: undefined,
    });
  });

  it('calls OPTIONS with Origin and Access-Control-Request-Method a preflight', () => {
    expect(decide(listPolicy, preflight(APP, 'PUT')).kind).toBe('preflight');
  });

  it('recognizes OPTIONS case-insensitively', () => {
    expect(decide(listPolicy, { ...preflight(APP, 'PUT'), method: 'options' }).kind).toBe(
      'preflight',
    );
  });

  it('calls OPTIONS without Access-Control-Request-Method an actual request', () => {
    expect(decide(listPolicy, { method: 'OPTIONS', origin: APP }).kind).toBe('actual');
  });

  it('calls OPTIONS with Access-Control-Request-Method but no Origin not-cors', () => {
    expect(decide(listPolicy, preflight(undefined, 'PUT')).kind).toBe('not-cors');
  });
});

describe('decide: allowed origins', () => {
  it('echoes an allow-listed origin with credentials and exposed headers on an actual request', () => {
    expect(decide(listPolicy, get(APP))).toEqual({
      kind: 'actual',
      allowed: true,
      reason: 'origin-allowed',
      headers: {
        'Access-Control-Allow-Origin': APP,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'X-Request-Id',
      },
      vary: 'Origin',
      status: undefined,
    });
  });

  it('answers an allowed preflight with methods, headers, max-age and the preflight status', () => {
    expect(decide(listPolicy, preflight(APP, 'PUT', 'authorization,content-type'))).toEqual({
      kind: 'preflight',
      allowed: true,
      reason: 'origin-allowed',
      headers: {
        'Access-Control-Allow-Origin': APP,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE',
        'Access-Control-Allow-Headers': 'Content-Type,Authorization',
        'Access-Control-Max-Age': '600',
      },
      vary: 'Origin',
      status: 204,
    });
  });

  it('echoes an origin matching a subdomain pattern', () => {
    const decision = decide(listPolicy, get('https://pr-42.preview.example.com'));
    expect(decision.allowed).toBe(true);
    expect(decision.headers['Access-Control-Allow-Origin']).toBe(
      'https://pr-42.preview.example.com',
    );
  });

  it('answers * for any origin under a wildcard policy, with no Vary', () => {
    expect(decide(wildcardPolicy, get('https://anyone.example'))).toEqual({
      kind: 'actual',
      allowed: true,
      reason: 'origin-wildcard',
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': 'X-Request-Id',
      },
      vary: undefined,
      status: undefined,
    });
  });

  it('sends * on requests without Origin under a wildcard policy, so a cached copy still serves CORS', () => {
    const decision = decide(wildcardPolicy, { method: 'GET', origin: undefined });
    expect(decision.kind).toBe('not-cors');
    expect(decision.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(decision.vary).toBeUndefined();
  });

  it('answers a wildcard preflight with the wildcard of allowed headers', () => {
    const decision = decide(
      wildcardPolicy,
      preflight('https://anyone.example', 'DELETE', 'x-anything'),
    );
    expect(decision).toMatchObject({ allowed: true, reason: 'origin-wildcard', status: 204 });
    expect(decision.headers).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
      'Access-Control-Allow-Headers': '*',
    });
  });

  it('echoes any well-formed origin under reflect-any, without credentials', () => {
    const policy = definePolicy({ origins: 'reflect-any' });
    expect(decide(policy, get('https://random.example')).headers).toEqual({
      'Access-Control-Allow-Origin': 'https://random.example',
    });
    expect(decide(policy, get('https://random.example/')).reason).toBe('origin-malformed');
  });

  it('allows null only when allowNullOrigin is set', () => {
    const opted = definePolicy({ origins: [APP], allowNullOrigin: true });
    expect(decide(opted, get('null')).headers['Access-Control-Allow-Origin']).toBe('null');
    expect(decide(listPolicy, get('null'))).toMatchObject({
      allowed: false,
      reason: 'null-origin-not-allowed',
      headers: {},
      vary: 'Origin',
    });
  });
});

describe('decide: predicates', () => {
  it('returns a Decision, not a Promise, for a synchronous predicate', () => {
    const policy = definePolicy({ origins: (origin) => origin.endsWith('.trusted.example') });
    const decision = decide(policy, get('https://a.trusted.example'));
    expectTypeOf(decision).toEqualTypeOf<Decision>();
    expect(decision).not.toBeInstanceOf(Promise);
    expect(decision.allowed).toBe(true);
  });

  it('returns a Promise for an async predicate', async () => {
    const policy = definePolicy({ origins: async (origin) => origin === APP, credentials: true });
    const pending = decide(policy, get(APP));
    expectTypeOf(pending).toEqualTypeOf<Decision | Promise<Decision>>();
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending).headers['Access-Control-Allow-Origin']).toBe(APP);
    expect((await decide(policy, get('https://other.example'))).reason).toBe('origin-not-allowed');
  });

  it('grants only on exactly true, not on a truthy value', () => {
    const policy = definePolicy({
      origins: (() => 'yes') as unknown as (origin: string) => boolean,
    });
    expect(decide(policy, get(APP)).allowed).toBe(false);
  });

  it('never shows the predicate a malformed origin or null', () => {
    const seen: string[] = [];
    const policy = definePolicy({
      origins: (origin) => {
        seen.push(origin);
        return true;
      },
    });
    decide(policy, get('https://evil.example/'));
    decide(policy, get('null'));
    decide(policy, get('https://a.example\r\nX: y'));
    expect(seen).toEqual([]);
  });
});

describe('decide: rejections', () => {
  it.each([
    ['an unknown origin', 'https://evil.example', 'origin-not-allowed'],
    [
      'the allowed origin as a prefix',
      'https://app.example.com.attacker.net',
      'origin-not-allowed',
    ],
    [
      'the allowed origin with a suffix glued on',
      'https://attackerapp.example.com',
      'origin-not-allowed',
    ],
    ['the dot replaced by another letter', 'https://appxexample.com', 'origin-not-allowed'],
    ['an underscore after the host', 'https://app.example.com_.attacker.net', 'origin-not-allowed'],
    ['a backtick after the host', 'https://app.example.com`.attacker.net', 'origin-malformed'],
    [
      'a percent-encoded backtick after the host',
      'https://app.example.com%60.attacker.net',
      'origin-malformed',
    ],
    ['a subdomain of an exact origin', 'https://evil.app.example.com', 'origin-not-allowed'],
    ['http instead of https', 'http://app.example.com', 'origin-not-allowed'],
    ['another port', 'https://app.example.com:8443', 'origin-not-allowed'],
    ['the pattern domain itself', 'https://preview.example.com', 'origin-not-allowed'],
    [
      'the pattern domain as a prefix',
      'https://a.preview.example.com.evil.net',
      'origin-not-allowed',
    ],
    [
      'the pattern domain glued to a label',
      'https://evilpreview.example.com',
      'origin-not-allowed',
    ],
    ['an uppercase origin', 'https://APP.example.com', 'origin-malformed'],
    ['a trailing slash', `${APP}/`, 'origin-malformed'],
    ['userinfo', 'https://user@app.example.com', 'origin-malformed'],
    ['the explicit default port', 'https://app.example.com:443', 'origin-malformed'],
    ['two origins joined by a comma', `${APP}, https://evil.example`, 'origin-malformed'],
    ['a CR/LF injection', `${APP}\r\nSet-Cookie: x=1`, 'origin-malformed'],
    ['an empty Origin', '', 'origin-malformed'],
    ['a 64 KiB Origin', `https://${'a'.repeat(64 * 1024)}.example.com`, 'origin-malformed'],
  ])('rejects %s without any CORS header', (_title, origin, reason) => {
    for (const request of [get(origin), preflight(origin, 'PUT')]) {
      const decision = decide(listPolicy, request);
      expect(decision.allowed).toBe(false);
      expect(decision.reason).toBe(reason);
      expect(decision.headers).toEqual({});
      expect(decision.vary).toBe('Origin');
    }
  });

  it('still answers a rejected preflight with the preflight status so the browser fails the CORS check', () => {
    expect(decide(listPolicy, preflight('https://evil.example', 'PUT'))).toEqual({
      kind: 'preflight',
      allowed: false,
      reason: 'origin-not-allowed',
      headers: {},
      vary: 'Origin',
      status: 204,
    });
  });

  it('treats an array of Origin values as malformed, even with a single allowed entry', () => {
    expect(decide(listPolicy, get([APP])).reason).toBe('origin-malformed');
    expect(decide(listPolicy, get([APP, 'https://evil.example'])).headers).toEqual({});
  });

  it('never throws on values of the wrong type from a loose adapter', () => {
    const loose = { method: 42, origin: { toString: () => APP } } as unknown as CorsRequest;
    expect(decide(listPolicy, loose).reason).toBe('origin-malformed');
  });
});

describe('decide: requested method and headers', () => {
  it('reports method-not-allowed but still advertises the configured methods', () => {
    const decision = decide(listPolicy, preflight(APP, 'PROPFIND'));
    expect(decision).toMatchObject({
      kind: 'preflight',
      allowed: false,
      reason: 'method-not-allowed',
      status: 204,
    });
    expect(decision.headers['Access-Control-Allow-Origin']).toBe(APP);
    expect(decision.headers['Access-Control-Allow-Methods']).toBe('GET,POST,PUT,PATCH,DELETE');
  });

  it('compares methods case-sensitively, as browsers do: patch is not PATCH', () => {
    expect(decide(listPolicy, preflight(APP, 'patch')).reason).toBe('method-not-allowed');
    expect(decide(listPolicy, preflight(APP, 'delete')).reason).toBe('method-not-allowed');
    expect(decide(listPolicy, preflight(APP, 'PATCH')).reason).toBe('origin-allowed');
  });

  it('always allows the safelisted GET, HEAD and POST', () => {
    const policy = definePolicy({ origins: [APP], methods: ['PUT'] });
    expect(decide(policy, preflight(APP, 'HEAD')).allowed).toBe(true);
    expect(decide(policy, preflight(APP, 'DELETE')).allowed).toBe(false);
  });

  it('reports header-not-allowed for a header outside the list, with headers still advertised', () => {
    const decision = decide(listPolicy, preflight(APP, 'PUT', 'content-type,x-secret'));
    expect(decision).toMatchObject({ allowed: false, reason: 'header-not-allowed' });
    expect(decision.headers['Access-Control-Allow-Headers']).toBe('Content-Type,Authorization');
  });

  it('compares header names case-insensitively and tolerates spaces after commas', () => {
    expect(decide(listPolicy, preflight(APP, 'PUT', 'Content-Type , AUTHORIZATION')).allowed).toBe(
      true,
    );
  });

  it.each([
    ['an empty name between commas', 'content-type,,authorization'],
    ['a name with a space inside', 'content type'],
    ['a CR/LF injection', 'content-type\r\nx-evil: 1'],
    ['a 64 KiB list of unknown names', 'x-a,'.repeat(16 * 1024)],
    ['an array of values', ['content-type']],
  ])('refuses requested headers with %s', (_title, headers) => {
    expect(decide(listPolicy, preflight(APP, 'PUT', headers)).reason).toBe('header-not-allowed');
  });

  it('accepts a 64 KiB list of allowed names without throwing', () => {
    const long = Array.from({ length: 4096 }, () => 'content-type').join(',');
    expect(long.length).toBeGreaterThan(48 * 1024);
    expect(decide(listPolicy, preflight(APP, 'PUT', long)).allowed).toBe(true);
  });

  it.each([
    ['an empty method', ''],
    ['an array', ['PUT']],
    ['a 64 KiB method', 'P'.repeat(64 * 1024)],
    ['a method with CR/LF', 'PUT\r\n'],
  ])('refuses a requested method that is %s', (_title, method) => {
    expect(decide(listPolicy, preflight(APP, method)).reason).toBe('method-not-allowed');
  });
});

describe('decide: allocation', () => {
  it('returns the same precomputed Decision for every actual request from an allow-listed origin', () => {
    expect(decide(listPolicy, get(APP))).toBe(decide(listPolicy, get(APP)));
  });

  it('returns frozen precomputed decisions so an adapter cannot corrupt the next request', () => {
    const decision = decide(listPolicy, get(APP));
    expect(Object.isFrozen(decision)).toBe(true);
    expect(Object.isFrozen(decision.headers)).toBe(true);
    expect(Object.isFrozen(decide(listPolicy, get('https://evil.example')))).toBe(true);
  });
});
