import { MAX_ORIGIN_LENGTH, isSerializedOrigin, matchesPattern } from './origin.js';
import { reportDecision } from './report.js';
import type { CorsRequest, Decision, DecisionReason, HeaderValue, Policy } from './types.js';

const TAB = 9;
const SPACE = 32;
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

/**
 * What to answer a request: its kind, whether the origin may read the response, the
 * Access-Control-* headers to set, the Vary token to append and, for a preflight, the status.
 * Never throws on malformed input and never echoes anything but a valid serialized origin.
 * Returns a Promise only when the policy's predicate returned one. With `onDecision` set, hands it
 * every decision before returning it.
 */
export function decide(policy: Policy<true>, request: CorsRequest): Decision;
export function decide(policy: Policy, request: CorsRequest): Decision | Promise<Decision>;
export function decide(policy: Policy, request: CorsRequest): Decision | Promise<Decision> {
  const decision = decideUnreported(policy, request);
  if (policy.onDecision === undefined) return decision;
  return decision instanceof Promise
    ? decision.then((settled) => reportDecision(policy, request, settled))
    : reportDecision(policy, request, decision);
}

function decideUnreported(policy: Policy, request: CorsRequest): Decision | Promise<Decision> {
  const { precomputed } = policy;
  const origin = request.origin;
  if (origin === undefined || origin === null) return precomputed.notCors;
  const preflight =
    isOptions(request.method) &&
    request.accessControlRequestMethod !== undefined &&
    request.accessControlRequestMethod !== null;

  if (policy.originMode === '*') {
    return preflight
      ? preflightDecision(policy, request, precomputed.preflightHeaders, 'origin-wildcard')
      : (precomputed.anyOriginActual as Decision);
  }

  // A listed origin first: the common request needs nothing else (Map.get takes any value).
  const known = precomputed.byOrigin.get(origin as string);
  if (known !== undefined) {
    return preflight
      ? preflightDecision(policy, request, known.preflightHeaders, 'origin-allowed')
      : known.actual;
  }
  const rejected = precomputed.rejected[preflight ? 'preflight' : 'actual'];
  if (typeof origin !== 'string' || origin.length > MAX_ORIGIN_LENGTH) {
    return rejected['origin-malformed'];
  }
  if (origin === 'null') return rejected['null-origin-not-allowed'];
  if (!isSerializedOrigin(origin)) return rejected['origin-malformed'];

  if (policy.originMode === 'list') {
    for (const pattern of policy.originPatterns) {
      if (matchesPattern(origin, pattern))
        return allowedDecision(policy, request, origin, preflight);
    }
    return rejected['origin-not-allowed'];
  }
  if (policy.originMode === 'reflect-any' || policy.predicate === undefined) {
    return allowedDecision(policy, request, origin, preflight);
  }
  const verdict = policy.predicate(origin);
  if (verdict instanceof Promise) {
    return verdict.then((accepted) =>
      accepted === true
        ? allowedDecision(policy, request, origin, preflight)
        : rejected['origin-not-allowed'],
    );
  }
  return verdict === true
    ? allowedDecision(policy, request, origin, preflight)
    : rejected['origin-not-allowed'];
}

function isOptions(method: unknown): boolean {
  return (
    method === 'OPTIONS' ||
    (typeof method === 'string' && method.length === 7 && method.toUpperCase() === 'OPTIONS')
  );
}

/** For origins decided per request (patterns, predicate, reflect-any): the echo is built here. */
function allowedDecision(
  policy: Policy,
  request: CorsRequest,
  origin: string,
  preflight: boolean,
): Decision {
  const { precomputed } = policy;
  if (preflight) {
    return preflightDecision(
      policy,
      request,
      { 'Access-Control-Allow-Origin': origin, ...precomputed.preflightHeaders },
      'origin-allowed',
    );
  }
  return {
    kind: 'actual',
    allowed: true,
    reason: 'origin-allowed',
    headers: { 'Access-Control-Allow-Origin': origin, ...precomputed.actualHeaders },
    vary: 'Origin',
    status: undefined,
  };
}

/** The configured lists are advertised whatever was asked; the reason says what the browser will refuse. */
function preflightDecision(
  policy: Policy,
  request: CorsRequest,
  headers: Readonly<Record<string, string>>,
  originReason: 'origin-allowed' | 'origin-wildcard',
): Decision {
  const reason = checkRequested(policy, request) ?? originReason;
  return {
    kind: 'preflight',
    allowed: reason === originReason,
    reason,
    headers,
    vary: policy.originMode === '*' ? undefined : 'Origin',
    status: policy.preflightStatus,
  };
}

function checkRequested(policy: Policy, request: CorsRequest): DecisionReason | undefined {
  const method = request.accessControlRequestMethod;
  if (typeof method !== 'string' || !policy.methodSet.has(method)) return 'method-not-allowed';
  return requestedHeadersAllowed(policy.headerSet, request.accessControlRequestHeaders)
    ? undefined
    : 'header-not-allowed';
}

/** Walks the comma-separated names without splitting the whole value, stopping at the first refusal. */
function requestedHeadersAllowed(
  allowed: ReadonlySet<string> | undefined,
  value: HeaderValue | null,
): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  let start = 0;
  const length = value.length;
  if (isBlank(value, 0, length)) return true;
  while (start <= length) {
    let end = value.indexOf(',', start);
    if (end < 0) end = length;
    let first = start;
    let last = end;
    while (first < last && isOws(value.charCodeAt(first))) first++;
    while (last > first && isOws(value.charCodeAt(last - 1))) last--;
    const name = value.slice(first, last).toLowerCase();
    if (!HEADER_TOKEN.test(name)) return false;
    if (allowed !== undefined && !allowed.has(name)) return false;
    start = end + 1;
  }
  return true;
}

function isBlank(value: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isOws(value.charCodeAt(i))) return false;
  return true;
}

function isOws(code: number): boolean {
  return code === SPACE || code === TAB;
}
