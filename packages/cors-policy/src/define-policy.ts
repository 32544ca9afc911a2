import { CorsPolicyError, describeValue, type CorsPolicyErrorCode } from './errors.js';
import { checkConfiguredOrigin, parseOriginPattern } from './origin.js';
import type {
  Decision,
  DecisionKind,
  OriginPattern,
  OriginPredicate,
  Policy,
  PolicyOptions,
  PrecomputedAnswers,
  RejectionReason,
} from './types.js';

/** Options whose origin rule can never return a Promise: decide() then answers synchronously. */
export type SyncPolicyOptions = PolicyOptions & {
  origins: '*' | 'reflect-any' | readonly string[] | ((origin: string) => boolean);
};

const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const DEFAULT_ALLOWED_HEADERS = ['Content-Type'] as const;
/** The Fetch Standard uppercases only these when normalizing a method; `patch` stays `patch`. */
const FETCH_NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const SAFELISTED_METHODS = ['GET', 'HEAD', 'POST'] as const;
/** RFC 9110 token: what a method and a header name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PROBES = 3;

const KNOWN_OPTIONS: Record<string, string | undefined> = {
  origins: undefined,
  allowNullOrigin: undefined,
  methods: undefined,
  allowedHeaders: undefined,
  exposedHeaders: undefined,
  credentials: undefined,
  maxAge: undefined,
  preflightStatus: undefined,
  dangerouslyAllowPublicSuffixPatterns: undefined,
  onDecision: undefined,
};
/** Names people bring from the `cors` package or elsewhere, and what they are called here. */
const RENAMED_OPTIONS: Record<string, string> = {
  origin: 'origins',
  allowedOrigins: 'origins',
  headers: 'allowedHeaders',
  allowHeaders: 'allowedHeaders',
  exposeHeaders: 'exposedHeaders',
  allowMethods: 'methods',
  optionsSuccessStatus: 'preflightStatus',
};

/**
 * Validates and normalizes a CORS policy once. Throws a CorsPolicyError naming the bad value, what
 * is expected and how to fix it, for every unsafe or invalid setting.
 *
 * With `credentials: true` and a synchronous predicate, the predicate is called with three random
 * `https://<random>.invalid` origins: one that accepts them all reflects any origin and is refused.
 *
 * A subdomain pattern over a public suffix (`https://*.co.uk`, `https://*.github.io`,
 * `https://*.vercel.app`, per the Public Suffix List shipped in src/public-suffix) is refused
 * unless named in `dangerouslyAllowPublicSuffixPatterns`.
 *
 * What cannot be detected here, and stays the author's responsibility: an async predicate (it
 * cannot be judged synchronously), or one that trusts too much without trusting everything (e.g.
 * any origin ending in `.com`).
 */
export function definePolicy(options: SyncPolicyOptions): Policy<true>;
export function definePolicy(options: PolicyOptions): Policy;
export function definePolicy(options: PolicyOptions): Policy {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new CorsPolicyError('options-not-object', {
      where: 'definePolicy()',
      value: options,
      problem: 'received something other than an options object',
      expected: 'an object such as { origins: ["https://app.example.com"] }',
      fix: 'call definePolicy({ origins: [...] })',
    });
  }
  checkOptionNames(options);
  const credentials = checkBoolean(options.credentials, 'credentials');
  const allowNullOrigin = checkBoolean(options.allowNullOrigin, 'allowNullOrigin');
  const origins = checkOrigins(
    options.origins,
    credentials,
    checkPublicSuffixAllowance(options.dangerouslyAllowPublicSuffixPatterns, options.origins),
  );
  if (credentials && allowNullOrigin) {
    throw new CorsPolicyError('credentials-null-origin', {
      where: 'allowNullOrigin',
      value: true,
      problem:
        'trusts the "null" origin with credentials, but any site can send "null" from a sandboxed iframe and read your users\' data',
      expected: 'allowNullOrigin: false whenever credentials is true',
      fix: 'drop allowNullOrigin, or drop credentials for this policy',
    });
  }
  const methods = checkMethods(options.methods ?? DEFAULT_METHODS);
  const allowedHeaders = checkHeaderList(
    options.allowedHeaders ?? DEFAULT_ALLOWED_HEADERS,
    'allowedHeaders',
    credentials,
  );
  const exposedHeaders = checkHeaderList(
    options.exposedHeaders ?? [],
    'exposedHeaders',
    credentials,
  );
  const maxAge = checkMaxAge(options.maxAge);
  const preflightStatus = checkPreflightStatus(options.preflightStatus);
  const onDecision = checkOnDecision(options.onDecision);

  const policyWithoutAnswers = {
    ...origins,
    allowNullOrigin,
    methods,
    allowedHeaders,
    exposedHeaders,
    credentials,
    maxAge,
    preflightStatus,
    onDecision,
    methodSet: new Set([...methods, ...SAFELISTED_METHODS]),
    headerSet:
      allowedHeaders === '*'
        ? undefined
        : new Set(allowedHeaders.map((name) => name.toLowerCase())),
  };
  return Object.freeze({
    ...policyWithoutAnswers,
    precomputed: precomputeAnswers(policyWithoutAnswers),
  });
}

function checkOptionNames(options: object): void {
  for (const name of Object.keys(options)) {
    if (name in KNOWN_OPTIONS) continue;
    const renamed = RENAMED_OPTIONS[name];
    throw new CorsPolicyError('option-unknown', {
      where: 'definePolicy()',
      value: name,
      problem: 'is not an option',
      expected: `one of ${Object.keys(KNOWN_OPTIONS).join(', ')}`,
      fix:
        renamed === undefined
          ? `remove "${name}"`
          : `rename "${name}" to "${renamed}" (this package's name for it)`,
    });
  }
  if (!('origins' in options)) {
    throw new CorsPolicyError('origins-invalid', {
      where: 'origins',
      value: undefined,
      problem: 'is missing',
      expected: 'the origins allowed to read responses',
      fix: 'add origins: ["https://app.example.com"] (or \'*\' for a public API without credentials)',
    });
  }
}

function checkBoolean(value: unknown, where: string): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw new CorsPolicyError('boolean-invalid', {
    where,
    value,
    problem: 'is not a boolean',
    expected: 'true or false',
    fix: `write ${where}: true or ${where}: false`,
  });
}

type OriginFields = Pick<Policy, 'originMode' | 'exactOrigins' | 'originPatterns' | 'predicate'>;

/** The patterns named in dangerouslyAllowPublicSuffixPatterns, each checked to be one of `origins`. */
function checkPublicSuffixAllowance(allowance: unknown, origins: unknown): ReadonlySet<string> {
  if (allowance === undefined) return new Set();
  const fail = (value: unknown, problem: string, fix: string): never => {
    throw new CorsPolicyError('public-suffix-allowance-invalid', {
      where: 'dangerouslyAllowPublicSuffixPatterns',
      value,
      problem,
      expected: 'a list of subdomain patterns copied exactly from origins',
      fix,
    });
  };
  if (!Array.isArray(allowance)) {
    return fail(
      allowance,
      'is not a list',
      'write dangerouslyAllowPublicSuffixPatterns: ["https://*.my-platform.app"]',
    );
  }
  const listed = Array.isArray(origins) ? origins : [];
  for (const entry of allowance) {
    if (typeof entry !== 'string' || !listed.includes(entry) || !entry.includes('*')) {
      fail(
        entry,
        'is not one of the subdomain patterns in origins',
        'copy the pattern exactly as written in origins, or remove it from dangerouslyAllowPublicSuffixPatterns',
      );
    }
  }
  return new Set(allowance as string[]);
}

function checkOnDecision(onDecision: unknown): Policy['onDecision'] {
  if (onDecision === undefined || typeof onDecision === 'function') {
    return onDecision as Policy['onDecision'];
  }
  throw new CorsPolicyError('on-decision-invalid', {
    where: 'onDecision',
    value: onDecision,
    problem: 'is not a function',
    expected: 'a function that receives each decision report',
    fix: 'write onDecision: (report) => logger.info(report.message), or leave it out',
  });
}

function checkOrigins(
  origins: unknown,
  credentials: boolean,
  publicSuffixAllowed: ReadonlySet<string>,
): OriginFields {
  const none = { exactOrigins: new Set<string>(), originPatterns: [], predicate: undefined };
  if (origins === '*') {
    if (credentials) {
      throw new CorsPolicyError('credentials-wildcard-origin', {
        where: 'origins',
        value: origins,
        problem:
          'allows any origin while credentials is true; browsers reject "Access-Control-Allow-Origin: *" on credentialed requests',
        expected: 'a list of exact origins or subdomain patterns when credentials is true',
        fix: 'list the origins that may send cookies, e.g. origins: ["https://app.example.com"], or set credentials: false for a public API',
      });
    }
    return { originMode: '*', ...none };
  }
  if (origins === 'reflect-any') {
    if (credentials) {
      throw new CorsPolicyError('credentials-reflect-any', {
        where: 'origins',
        value: origins,
        problem:
          "echoes any origin while credentials is true, so every website can read your users' data with their cookies",
        expected: 'a list of exact origins or subdomain patterns when credentials is true',
        fix: 'list the origins that may send cookies, e.g. origins: ["https://app.example.com"]',
      });
    }
    return { originMode: 'reflect-any', ...none };
  }
  if (origins instanceof RegExp) {
    throw new CorsPolicyError('origin-regexp', {
      where: 'origins',
      value: origins,
      problem:
        'is a RegExp: one missing anchor or unescaped dot lets "allowed.com.attacker.net" or "wwwXallowed.com" in',
      expected: 'exact origins, subdomain patterns such as "https://*.example.com", or a predicate',
      fix: 'list exact origins, use a subdomain pattern, or pass a predicate function `origins: (origin) => ...`',
    });
  }
  if (typeof origins === 'function') {
    const predicate = origins as OriginPredicate;
    const probe = credentials ? randomOriginAccepted(predicate) : undefined;
    if (probe !== undefined) {
      throw new CorsPolicyError('credentials-reflect-predicate', {
        where: 'origins',
        value: predicate,
        problem: `returned true for ${PROBES} random origins such as ${JSON.stringify(probe)} while credentials is true: it reflects any origin`,
        expected: 'a predicate that returns true only for origins you trust',
        fix: 'compare against a list of trusted origins (exact or "https://*.example.com" patterns) instead of allowing by default',
      });
    }
    return { originMode: 'predicate', exactOrigins: new Set(), originPatterns: [], predicate };
  }
  if (typeof origins === 'string') {
    throw new CorsPolicyError('origins-invalid', {
      where: 'origins',
      value: origins,
      problem: 'is a single string',
      expected: "'*', 'reflect-any', a list of origins, or a predicate",
      fix: `wrap it in a list: origins: [${JSON.stringify(origins)}]`,
    });
  }
  if (!Array.isArray(origins)) {
    throw new CorsPolicyError('origins-invalid', {
      where: 'origins',
      value: origins,
      problem: "is neither a list, a predicate, '*' nor 'reflect-any'",
      expected: "'*', 'reflect-any', a list of origins, or a predicate",
      fix: 'pass origins: ["https://app.example.com"]',
    });
  }
  if (origins.length === 0) {
    throw new CorsPolicyError('origins-empty', {
      where: 'origins',
      value: origins,
      problem: 'is an empty list, which allows nobody',
      expected: 'at least one origin',
      fix: 'list the origins of the pages that call this API, or do not install CORS at all if none should',
    });
  }
  const exactOrigins = new Set<string>();
  const originPatterns: OriginPattern[] = [];
  origins.forEach((entry: unknown, index) => {
    const where = `origins[${index}]`;
    if (entry === '*' && credentials) {
      throw new CorsPolicyError('origin-wildcard-in-list', {
        where,
        value: entry,
        problem:
          'is a wildcard while credentials is true; browsers refuse "Access-Control-Allow-Origin: *" on credentialed requests, and origins: \'*\' is refused with credentials too',
        expected: 'exact origins or subdomain patterns when credentials is true',
        fix: 'list the exact origins that may send cookies, e.g. origins: ["https://app.example.com"], or drop credentials for a public API',
      });
    }
    if (typeof entry === 'string' && entry.includes('*') && entry !== '*') {
      if (!/\s/.test(entry)) {
        originPatterns.push(parseOriginPattern(entry, where, publicSuffixAllowed.has(entry)));
        return;
      }
    }
    exactOrigins.add(checkConfiguredOrigin(entry, where));
  });
  return { originMode: 'list', exactOrigins, originPatterns, predicate: undefined };
}

/** A random `.invalid` origin when a synchronous predicate accepted every one it was shown. */
function randomOriginAccepted(predicate: OriginPredicate): string | undefined {
  let probe = '';
  for (let i = 0; i < PROBES; i++) {
    probe = `https://${Math.random().toString(36).slice(2, 12) || 'probe'}.invalid`;
    let result: unknown;
    try {
      result = predicate(probe);
    } catch {
      return undefined;
    }
    if (result instanceof Promise) {
      // An async predicate cannot be judged synchronously; silence its outcome, it was only a probe.
      result.catch(() => undefined);
      return undefined;
    }
    if (result !== true) return undefined;
  }
  return probe;
}

function checkMethods(methods: unknown): readonly string[] {
  if (!Array.isArray(methods)) {
    throw new CorsPolicyError('method-invalid', {
      where: 'methods',
      value: methods,
      problem: 'is not a list',
      expected: 'a list of method names',
      fix: "write methods: ['GET', 'POST', 'PUT', 'DELETE']",
    });
  }
  const normalized = new Set<string>();
  methods.forEach((method: unknown, index) => {
    const where = `methods[${index}]`;
    if (method === '*') {
      throw new CorsPolicyError('method-wildcard', {
        where,
        value: method,
        problem:
          'is a wildcard, which browsers ignore with credentials and which hides what the API accepts',
        expected: 'method names',
        fix: "list the methods, e.g. ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']",
      });
    }
    if (typeof method !== 'string' || !TOKEN.test(method)) {
      throw new CorsPolicyError('method-invalid', {
        where,
        value: method,
        problem: 'is not a valid method name',
        expected: "an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~, no spaces or commas)",
        fix: 'list one method per entry, e.g. ["GET", "POST"]',
      });
    }
    const upper = method.toUpperCase();
    if (FORBIDDEN_METHODS.has(upper)) {
      throw new CorsPolicyError('method-forbidden', {
        where,
        value: method,
        problem: 'is a forbidden method: fetch() refuses to send it, so allowing it does nothing',
        expected: 'a method other than CONNECT, TRACE or TRACK',
        fix: `remove ${JSON.stringify(method)}`,
      });
    }
    normalized.add(FETCH_NORMALIZED_METHODS.has(upper) ? upper : method);
  });
  return Object.freeze([...normalized]);
}

function checkHeaderList(
  list: unknown,
  where: 'allowedHeaders' | 'exposedHeaders',
  credentials: boolean,
): readonly string[] | '*' {
  if (list === '*') {
    if (credentials) {
      throw new CorsPolicyError('credentials-wildcard-headers', {
        where,
        value: list,
        problem:
          'is a wildcard while credentials is true; browsers then read "*" as a header literally named "*"',
        expected: 'a list of header names when credentials is true',
        fix:
          where === 'allowedHeaders'
            ? "list the request headers the pages send, e.g. ['Content-Type', 'Authorization']"
            : "list the response headers the pages read, e.g. ['X-Request-Id']",
      });
    }
    return '*';
  }
  const fail = (code: CorsPolicyErrorCode, value: unknown, problem: string, fix: string): never => {
    throw new CorsPolicyError(code, {
      where,
      value,
      problem,
      expected: "a list of header names (RFC 9110 tokens) or '*'",
      fix,
    });
  };
  if (!Array.isArray(list)) {
    return fail(
      'header-invalid',
      list,
      "is neither a list nor '*'",
      typeof list === 'string'
        ? `write a list: ${describeValue(list.split(',').map((name) => name.trim()))}`
        : "write a list such as ['Content-Type']",
    );
  }
  const seen = new Set<string>();
  const names: string[] = [];
  list.forEach((name: unknown, index) => {
    if (name === '*') {
      return fail(
        'header-wildcard-in-list',
        name,
        `is a wildcard inside the list (at ${where}[${index}])`,
        `pass ${where}: '*' (the string, not a list) without credentials, or list the names`,
      );
    }
    if (typeof name !== 'string' || !TOKEN.test(name)) {
      return fail(
        'header-invalid',
        name,
        `is not a valid header name (at ${where}[${index}])`,
        'list one header name per entry, without spaces, colons or commas, e.g. ["Content-Type", "X-Request-Id"]',
      );
    }
    const lower = name.toLowerCase();
    if (!seen.has(lower)) {
      seen.add(lower);
      names.push(name);
    }
  });
  return Object.freeze(names);
}

function checkMaxAge(maxAge: unknown): number | undefined {
  if (maxAge === undefined) return undefined;
  if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0) {
    throw new CorsPolicyError('max-age-invalid', {
      where: 'maxAge',
      value: maxAge,
      problem: 'is not a whole number of seconds of at least 0',
      expected: 'an integer >= 0 (browsers cap it: Chromium 7200, Firefox 86400, WebKit 600)',
      fix: 'write maxAge: 600 to cache preflights for ten minutes, or leave it out for the 5 s default',
    });
  }
  return maxAge;
}

function checkPreflightStatus(status: unknown): number {
  if (status === undefined) return 204;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 299) {
    throw new CorsPolicyError('preflight-status-invalid', {
      where: 'preflightStatus',
      value: status,
      problem: 'is not a 2xx status; browsers fail any preflight answered otherwise',
      expected: 'an integer from 200 to 299',
      fix: 'leave it out for 204, or write preflightStatus: 200 for clients that mishandle 204',
    });
  }
  return status;
}

type PolicyWithoutAnswers = Omit<Policy, 'precomputed' | '__sync'>;

function precomputeAnswers(policy: PolicyWithoutAnswers): PrecomputedAnswers {
  const shared: Record<string, string> = {};
  if (policy.credentials) shared['Access-Control-Allow-Credentials'] = 'true';
  const actualHeaders: Record<string, string> = { ...shared };
  const exposed = joinHeaderList(policy.exposedHeaders);
  if (exposed !== '') actualHeaders['Access-Control-Expose-Headers'] = exposed;
  const preflightHeaders: Record<string, string> = { ...shared };
  if (policy.methods.length > 0) {
    preflightHeaders['Access-Control-Allow-Methods'] = policy.methods.join(',');
  }
  const allowed = joinHeaderList(policy.allowedHeaders);
  if (allowed !== '') preflightHeaders['Access-Control-Allow-Headers'] = allowed;
  if (policy.maxAge !== undefined) {
    preflightHeaders['Access-Control-Max-Age'] = String(policy.maxAge);
  }

  const vary = policy.originMode === '*' ? undefined : 'Origin';
  const empty = Object.freeze({});
  const rejectedFor = (kind: 'preflight' | 'actual'): Record<RejectionReason, Decision> => {
    const status = kind === 'preflight' ? policy.preflightStatus : undefined;
    const reject = (reason: RejectionReason): Decision =>
      Object.freeze({ kind, allowed: false, reason, headers: empty, vary, status });
    return Object.freeze({
      'origin-not-allowed': reject('origin-not-allowed'),
      'origin-malformed': reject('origin-malformed'),
      'null-origin-not-allowed': reject('null-origin-not-allowed'),
    });
  };

  if (policy.originMode === '*') {
    const actual = Object.freeze({ 'Access-Control-Allow-Origin': '*', ...actualHeaders });
    return {
      byOrigin: new Map(),
      actualHeaders: actual,
      preflightHeaders: Object.freeze({ 'Access-Control-Allow-Origin': '*', ...preflightHeaders }),
      // A cache may store this answer for a later cross-origin request, so it carries `*` too.
      notCors: frozenDecision('not-cors', 'no-origin', actual, undefined),
      anyOriginActual: frozenDecision('actual', 'origin-wildcard', actual, undefined),
      rejected: { preflight: rejectedFor('preflight'), actual: rejectedFor('actual') },
    };
  }

  const byOrigin = new Map<
    string,
    { actual: Decision; preflightHeaders: Readonly<Record<string, string>> }
  >();
  const allowedOrigins = policy.allowNullOrigin
    ? [...policy.exactOrigins, 'null']
    : policy.exactOrigins;
  for (const origin of allowedOrigins) {
    byOrigin.set(origin, {
      actual: frozenDecision(
        'actual',
        'origin-allowed',
        Object.freeze({ 'Access-Control-Allow-Origin': origin, ...actualHeaders }),
        vary,
      ),
      preflightHeaders: Object.freeze({
        'Access-Control-Allow-Origin': origin,
        ...preflightHeaders,
      }),
    });
  }
  return {
    byOrigin,
    actualHeaders: Object.freeze(actualHeaders),
    preflightHeaders: Object.freeze(preflightHeaders),
    notCors: frozenDecision('not-cors', 'no-origin', empty, vary),
    anyOriginActual: undefined,
    rejected: { preflight: rejectedFor('preflight'), actual: rejectedFor('actual') },
  };
}

function frozenDecision(
  kind: DecisionKind,
  reason: Decision['reason'],
  headers: Readonly<Record<string, string>>,
  vary: string | undefined,
): Decision {
  return Object.freeze({ kind, allowed: true, reason, headers, vary, status: undefined });
}

/** Joined with ',' exactly as the `cors` package joins arrays, so both emit byte-identical headers. */
function joinHeaderList(list: readonly string[] | '*'): string {
  return list === '*' ? '*' : list.join(',');
}
