import { describe, expect, it } from 'vitest';
import { definePolicy } from './define-policy.js';
import { CorsPolicyError } from './errors.js';
import type { PolicyOptions } from './types.js';

function refusal(options: unknown): CorsPolicyError {
  try {
    definePolicy(options as PolicyOptions);
  } catch (error) {
    if (error instanceof CorsPolicyError) return error;
    throw error;
  }
  throw new Error(`definePolicy accepted ${String(options)}`);
}

const ok = ['https://app.example.com'];

describe('definePolicy refuses unsafe or invalid policies', () => {
  it.each([
    // [title, options, code, text the message must name, text of the fix]
    [
      'credentials with a wildcard origin',
      { origins: '*', credentials: true },
      'credentials-wildcard-origin',
      '"*"',
      'list the origins',
    ],
    [
      'credentials with reflect-any',
      { origins: 'reflect-any', credentials: true },
      'credentials-reflect-any',
      '"reflect-any"',
      'list the origins',
    ],
    [
      'credentials with a wildcard of allowed headers',
      { origins: ok, credentials: true, allowedHeaders: '*' },
      'credentials-wildcard-headers',
      'allowedHeaders "*"',
      'Authorization',
    ],
    [
      'credentials with a wildcard of exposed headers',
      { origins: ok, credentials: true, exposedHeaders: '*' },
      'credentials-wildcard-headers',
      'exposedHeaders "*"',
      'X-Request-Id',
    ],
    [
      'credentials with the null origin',
      { origins: ok, credentials: true, allowNullOrigin: true },
      'credentials-null-origin',
      'allowNullOrigin true',
      'drop allowNullOrigin',
    ],
    [
      'an origin with a path',
      { origins: ['https://app.example.com/api'] },
      'origin-path',
      '"https://app.example.com/api"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with a query',
      { origins: ['https://app.example.com?a=1'] },
      'origin-query',
      '"https://app.example.com?a=1"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with a fragment',
      { origins: ['https://app.example.com#x'] },
      'origin-fragment',
      '"https://app.example.com#x"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with a trailing slash',
      { origins: ['http://localhost:3000/'] },
      'origin-trailing-slash',
      '"http://localhost:3000/"',
      'write "http://localhost:3000"',
    ],
    [
      'an origin with userinfo',
      { origins: ['https://admin:pw@app.example.com'] },
      'origin-userinfo',
      '"https://admin:pw@app.example.com"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with a non-http scheme',
      { origins: ['chrome-extension://abcdef'] },
      'origin-scheme',
      '"chrome-extension://abcdef"',
      'http:// or https://',
    ],
    [
      'an origin without a scheme',
      { origins: ['app.example.com'] },
      'origin-scheme',
      '"app.example.com"',
      '"https://app.example.com"',
    ],
    [
      'an origin with the https default port',
      { origins: ['https://app.example.com:443'] },
      'origin-default-port',
      '"https://app.example.com:443"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with the http default port',
      { origins: ['http://localhost:80'] },
      'origin-default-port',
      '"http://localhost:80"',
      'write "http://localhost"',
    ],
    [
      'an origin with an invalid port',
      { origins: ['http://localhost:99999'] },
      'origin-port',
      '"http://localhost:99999"',
      'Network tab',
    ],
    [
      'an origin with an uppercase host',
      { origins: ['https://App.Example.com'] },
      'origin-uppercase',
      '"https://App.Example.com"',
      'write "https://app.example.com"',
    ],
    [
      'an origin with whitespace',
      { origins: [' https://app.example.com'] },
      'origin-whitespace',
      '" https://app.example.com"',
      'write "https://app.example.com"',
    ],
    ['an empty origin entry', { origins: [''] }, 'origin-empty', '""', 'remove the empty entry'],
    [
      'the string null in the list',
      { origins: ['null'] },
      'origin-null',
      '"null"',
      'allowNullOrigin: true',
    ],
    [
      'a wildcard inside the list',
      { origins: ['*'] },
      'origin-wildcard-in-list',
      '"*"',
      "origins: '*'",
    ],
    [
      'a RegExp in the list',
      { origins: [/example\.com$/] },
      'origin-regexp',
      '/example\\.com$/',
      'predicate',
    ],
    [
      'a RegExp as the origins',
      { origins: /example\.com$/ },
      'origin-regexp',
      '/example\\.com$/',
      'predicate',
    ],
    ['a number in the list', { origins: [3000] }, 'origin-not-string', '3000', 'Network tab'],
    [
      'a single origin string',
      { origins: 'https://app.example.com' },
      'origins-invalid',
      '"https://app.example.com"',
      'origins: ["https://app.example.com"]',
    ],
    ['an empty origins list', { origins: [] }, 'origins-empty', '[]', 'list the origins'],
    ['missing origins', {}, 'origins-invalid', 'undefined', 'origins: ["https://app.example.com"]'],
    [
      'a wildcard in the middle of a pattern',
      { origins: ['https://a.*.example.com'] },
      'pattern-invalid',
      '"https://a.*.example.com"',
      'first label',
    ],
    [
      'a wildcard glued to the domain',
      { origins: ['https://*example.com'] },
      'pattern-invalid',
      '"https://*example.com"',
      'first label',
    ],
    [
      'a wildcard over a top-level domain',
      { origins: ['https://*.com'] },
      'pattern-too-broad',
      '"https://*.com"',
      '"https://*.example.com"',
    ],
    [
      'a wildcard host',
      { origins: ['https://*'] },
      'pattern-too-broad',
      '"https://*"',
      "origins: '*'",
    ],
    [
      'a method with a space',
      { origins: ok, methods: ['GET POST'] },
      'method-invalid',
      '"GET POST"',
      'one method per entry',
    ],
    [
      'a comma-joined method list',
      { origins: ok, methods: 'GET,POST' },
      'method-invalid',
      '"GET,POST"',
      "methods: ['GET'",
    ],
    [
      'the forbidden method CONNECT',
      { origins: ok, methods: ['GET', 'CONNECT'] },
      'method-forbidden',
      '"CONNECT"',
      'remove "CONNECT"',
    ],
    [
      'the forbidden method trace in lowercase',
      { origins: ok, methods: ['trace'] },
      'method-forbidden',
      '"trace"',
      'remove "trace"',
    ],
    [
      'the forbidden method TRACK',
      { origins: ok, methods: ['TRACK'] },
      'method-forbidden',
      '"TRACK"',
      'remove "TRACK"',
    ],
    [
      'a wildcard method',
      { origins: ok, methods: ['*'] },
      'method-wildcard',
      '"*"',
      'list the methods',
    ],
    [
      'a header name with a colon',
      { origins: ok, allowedHeaders: ['X-Token:'] },
      'header-invalid',
      '"X-Token:"',
      'one header name per entry',
    ],
    [
      'a header name with a space',
      { origins: ok, exposedHeaders: ['X Request'] },
      'header-invalid',
      '"X Request"',
      'one header name per entry',
    ],
    [
      'a comma-joined header string',
      { origins: ok, allowedHeaders: 'Content-Type, X-Id' },
      'header-invalid',
      '"Content-Type, X-Id"',
      '["Content-Type", "X-Id"]',
    ],
    [
      'a wildcard inside the header list',
      { origins: ok, allowedHeaders: ['*'] },
      'header-wildcard-in-list',
      '"*"',
      "allowedHeaders: '*'",
    ],
    ['a negative max-age', { origins: ok, maxAge: -1 }, 'max-age-invalid', '-1', 'maxAge: 600'],
    ['a fractional max-age', { origins: ok, maxAge: 1.5 }, 'max-age-invalid', '1.5', 'maxAge: 600'],
    [
      'an infinite max-age',
      { origins: ok, maxAge: Infinity },
      'max-age-invalid',
      'Infinity',
      'maxAge: 600',
    ],
    ['a max-age string', { origins: ok, maxAge: '600' }, 'max-age-invalid', '"600"', 'maxAge: 600'],
    [
      'a preflight status of 304',
      { origins: ok, preflightStatus: 304 },
      'preflight-status-invalid',
      '304',
      'preflightStatus: 200',
    ],
    [
      'a preflight status of 199',
      { origins: ok, preflightStatus: 199 },
      'preflight-status-invalid',
      '199',
      'preflightStatus: 200',
    ],
    [
      'a credentials string',
      { origins: ok, credentials: 'true' },
      'boolean-invalid',
      '"true"',
      'credentials: true',
    ],
    [
      'the cors package option name origin',
      { origin: ok },
      'option-unknown',
      '"origin"',
      'rename "origin" to "origins"',
    ],
    [
      'an unknown option',
      { origins: ok, preflightContinue: true },
      'option-unknown',
      '"preflightContinue"',
      'remove "preflightContinue"',
    ],
    [
      'something other than an object',
      ['https://app.example.com'],
      'options-not-object',
      '["https://app.example.com"]',
      'definePolicy({ origins',
    ],
  ])('refuses %s', (_title, options, code, named, fix) => {
    const error = refusal(options);
    expect(error.code).toBe(code);
    expect(error.message).toContain(named);
    expect(error.message).toContain('Expected ');
    expect(error.fix).toContain(fix);
    expect(error.message).toContain(`Fix: ${error.fix}`);
  });

  it('reports the position of the bad entry in the origins list', () => {
    const error = refusal({ origins: ['https://a.example.com', 'https://b.example.com/'] });
    expect(error.message.startsWith('origins[1] "https://b.example.com/"')).toBe(true);
    expect(error.value).toBe('https://b.example.com/');
  });

  it('refuses a synchronous predicate that accepts any origin while credentials is on', () => {
    const error = refusal({ origins: () => true, credentials: true });
    expect(error.code).toBe('credentials-reflect-predicate');
    expect(error.message).toMatch(/"https:\/\/[a-z0-9]+\.invalid"/);
    expect(error.fix).toContain('list of trusted origins');
  });

  it('refuses a blocklist predicate, which trusts every origin it has not heard of', () => {
    const blocked = new Set(['https://evil.example']);
    const error = refusal({ origins: (origin: string) => !blocked.has(origin), credentials: true });
    expect(error.code).toBe('credentials-reflect-predicate');
  });

  it('accepts a reflect-any predicate without credentials, where it cannot leak cookies', () => {
    expect(definePolicy({ origins: () => true }).originMode).toBe('predicate');
  });

  it('accepts a predicate that throws on the probes and does not call it again', () => {
    let calls = 0;
    const policy = definePolicy({
      origins: (origin: string) => {
        calls++;
        if (origin.endsWith('.invalid')) throw new Error('unexpected origin');
        return false;
      },
      credentials: true,
    });
    expect(policy.originMode).toBe('predicate');
    expect(calls).toBe(1);
  });

  it('cannot probe an async predicate and accepts it (documented limit)', async () => {
    const policy = definePolicy({ origins: async () => true, credentials: true });
    expect(policy.originMode).toBe('predicate');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it.each([
    ['https://*.co.uk', '"co.uk", a public suffix (anyone can register a domain there)'],
    ['https://*.github.io', '"github.io", a public suffix (a hosting provider gives'],
    ['https://*.vercel.app', '"vercel.app", a public suffix (a hosting provider gives'],
    ['https://*.foo.ck', '"foo.ck", a public suffix'],
    ['https://*.amazonaws.com', 'the public suffix "'],
  ])('refuses the pattern %s over a public suffix, naming it', (pattern, named) => {
    expect(() => definePolicy({ origins: [pattern], credentials: true })).toThrowError(
      expect.objectContaining({
        code: 'pattern-public-suffix',
        message: expect.stringContaining(named),
      }),
    );
  });

  it('tells how to opt in by name, and accepts the pattern once named', () => {
    expect(() => definePolicy({ origins: ['https://*.vercel.app'] })).toThrowError(
      'dangerouslyAllowPublicSuffixPatterns: ["https://*.vercel.app"]',
    );
    const policy = definePolicy({
      origins: ['https://*.vercel.app'],
      dangerouslyAllowPublicSuffixPatterns: ['https://*.vercel.app'],
    });
    expect(policy.originPatterns.map((pattern) => pattern.source)).toEqual([
      'https://*.vercel.app',
    ]);
  });

  it('accepts a pattern under an exception rule, which is no public suffix (!www.ck)', () => {
    expect(definePolicy({ origins: ['https://*.www.ck'] }).originPatterns).toHaveLength(1);
  });

  it('refuses an opt-in that names no pattern of origins', () => {
    expect(() =>
      definePolicy({
        origins: ['https://*.vercel.app'],
        dangerouslyAllowPublicSuffixPatterns: ['*.vercel.app'],
      }),
    ).toThrowError(expect.objectContaining({ code: 'public-suffix-allowance-invalid' }));
  });

  it('tells to split a comma-joined string into one entry per origin', () => {
    expect(() => definePolicy({ origins: ['https://a.com,https://b.com'] })).toThrowError(
      expect.objectContaining({
        code: 'origin-comma-list',
        fix: 'split it into one entry per origin: ["https://a.com","https://b.com"]',
      }),
    );
    expect(() => definePolicy({ origins: ['https://a.com, https://*.b.com'] })).toThrowError(
      'split it into one entry per origin: ["https://a.com","https://*.b.com"]',
    );
  });

  it("tells to list exact origins or drop credentials for ['*'] with credentials, not to use '*'", () => {
    let error: unknown;
    try {
      definePolicy({ origins: ['*'], credentials: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'origin-wildcard-in-list',
      fix: expect.stringContaining('list the exact origins that may send cookies'),
    });
    expect((error as CorsPolicyError).fix).toContain('drop credentials');
    expect((error as CorsPolicyError).fix).not.toMatch(/origins: '\*'/);
  });

  it.each(['/re/', '/^https:\\/\\/app\\.example\\.com$/i', '^https://app\\.example\\.com$'])(
    'explains that the RegExp-looking string %s is refused, without a made-up origin',
    (value) => {
      let error: unknown;
      try {
        definePolicy({ origins: [value] });
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'origin-regexp' });
      expect((error as CorsPolicyError).message).toContain('RegExps are refused');
      expect((error as CorsPolicyError).fix).toContain('"https://*.example.com"');
      expect((error as CorsPolicyError).fix).toContain('predicate');
      expect((error as CorsPolicyError).message).not.toContain('https:///');
    },
  );

  it('gives the punycode form browsers send for an internationalized origin', () => {
    expect(() => definePolicy({ origins: ['https://bücher.example'] })).toThrowError(
      expect.objectContaining({
        code: 'origin-idn',
        fix: 'write "https://xn--bcher-kva.example", the host new URL() gives and the browser sends',
      }),
    );
    expect(definePolicy({ origins: ['https://xn--bcher-kva.example'] }).exactOrigins).toContain(
      'https://xn--bcher-kva.example',
    );
  });

  it('accepts credentials with an explicit list of origins and headers', () => {
    const policy = definePolicy({
      origins: ['https://app.example.com', 'https://*.preview.example.com'],
      credentials: true,
      allowedHeaders: ['Content-Type', 'Authorization'],
      exposedHeaders: ['X-Request-Id'],
    });
    expect(policy.credentials).toBe(true);
  });
});

describe('definePolicy normalizes once', () => {
  it('puts exact origins in a Set and pre-splits patterns', () => {
    const policy = definePolicy({
      origins: [
        'https://app.example.com',
        'https://*.preview.example.com:8443',
        'https://app.example.com',
      ],
    });
    expect(policy.originMode).toBe('list');
    expect(policy.exactOrigins).toBeInstanceOf(Set);
    expect([...policy.exactOrigins]).toEqual(['https://app.example.com']);
    expect(policy.originPatterns).toEqual([
      {
        source: 'https://*.preview.example.com:8443',
        scheme: 'https',
        suffix: '.preview.example.com',
        port: '8443',
        head: 'https://',
        tail: '.preview.example.com:8443',
      },
    ]);
  });

  it('uses the documented defaults', () => {
    const policy = definePolicy({ origins: ['https://app.example.com'] });
    expect(policy.methods).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(policy.allowedHeaders).toEqual(['Content-Type']);
    expect(policy.exposedHeaders).toEqual([]);
    expect(policy.credentials).toBe(false);
    expect(policy.allowNullOrigin).toBe(false);
    expect(policy.maxAge).toBeUndefined();
    expect(policy.preflightStatus).toBe(204);
  });

  it('uppercases only the methods the Fetch Standard normalizes, so patch stays patch', () => {
    const policy = definePolicy({
      origins: ok,
      methods: ['get', 'Post', 'delete', 'patch', 'PROPFIND', 'options', 'put', 'head'],
    });
    expect(policy.methods).toEqual([
      'GET',
      'POST',
      'DELETE',
      'patch',
      'PROPFIND',
      'OPTIONS',
      'PUT',
      'HEAD',
    ]);
  });

  it('drops duplicate header names regardless of case, keeping the first spelling', () => {
    const policy = definePolicy({
      origins: ok,
      allowedHeaders: ['Content-Type', 'content-type', 'X-Id'],
    });
    expect(policy.allowedHeaders).toEqual(['Content-Type', 'X-Id']);
    expect([...(policy.headerSet ?? [])]).toEqual(['content-type', 'x-id']);
  });

  it('joins header lists with "," exactly as the cors package does', () => {
    const policy = definePolicy({
      origins: '*',
      methods: ['GET', 'PUT'],
      allowedHeaders: ['Content-Type', 'X-Id'],
      exposedHeaders: ['X-Request-Id', 'X-Total'],
      maxAge: 600,
    });
    expect(policy.precomputed.preflightHeaders).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET,PUT',
      'Access-Control-Allow-Headers': 'Content-Type,X-Id',
      'Access-Control-Max-Age': '600',
    });
    expect(policy.precomputed.actualHeaders).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'X-Request-Id,X-Total',
    });
  });

  it('returns a frozen policy', () => {
    const policy = definePolicy({ origins: ok });
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.methods)).toBe(true);
  });

  it('accepts a max-age of 0, which tells browsers not to cache', () => {
    expect(definePolicy({ origins: ok, maxAge: 0 }).precomputed.preflightHeaders).toMatchObject({
      'Access-Control-Max-Age': '0',
    });
  });
});
