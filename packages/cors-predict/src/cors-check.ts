// The response-side checks of the Fetch Standard: the CORS check (§4.10) run on every
// cross-origin response, and the extra checks on a preflight answer (§4.9).
import {
  describeHeader,
  extractTokenList,
  getHeader,
  type ResponseHeaderList,
} from './response-headers.js';
import { isCorsSafelistedMethod } from './method.js';

/** Why a response fails the CORS check, with the value the server sent. */
export type CorsCheckFinding =
  | { readonly reason: 'missing-allow-origin' }
  | { readonly reason: 'multiple-allow-origin'; readonly value: string }
  | { readonly reason: 'allow-origin-mismatch'; readonly value: string }
  | { readonly reason: 'wildcard-with-credentials' }
  | { readonly reason: 'missing-allow-credentials' }
  | { readonly reason: 'invalid-allow-credentials'; readonly value: string };

/** Why a preflight answer fails, beyond the CORS check. */
export type PreflightFinding =
  | CorsCheckFinding
  | { readonly reason: 'preflight-status'; readonly status: number }
  | { readonly reason: 'malformed-allow-methods'; readonly value: string }
  | { readonly reason: 'malformed-allow-headers'; readonly value: string }
  | {
      readonly reason: 'method-not-allowed';
      readonly method: string;
      /** Access-Control-Allow-Methods as sent, `undefined` when absent. */
      readonly allowed: string | undefined;
      /** `*` was sent but does not count because credentials are included. */
      readonly wildcardIgnored: boolean;
    }
  | {
      readonly reason: 'header-not-allowed';
      readonly names: readonly string[];
      readonly allowed: string | undefined;
      readonly wildcardIgnored: boolean;
    };

export interface CorsCheckInput {
  /** The request's serialized origin, as sent in the Origin header. */
  readonly origin: string;
  /** Credentials mode `include`. */
  readonly credentialed: boolean;
}

const ALLOW_ORIGIN = 'access-control-allow-origin';
const ALLOW_CREDENTIALS = 'access-control-allow-credentials';
const ALLOW_METHODS = 'access-control-allow-methods';
const ALLOW_HEADERS = 'access-control-allow-headers';

/**
 * The CORS check: Access-Control-Allow-Origin must be `*` (only without credentials) or the
 * request's origin byte for byte; with credentials, Access-Control-Allow-Credentials must be `true`.
 */
export function corsCheck(
  headers: ResponseHeaderList,
  input: CorsCheckInput,
): CorsCheckFinding | undefined {
  const allowOrigin = getHeader(headers, ALLOW_ORIGIN);
  if (allowOrigin === undefined) return { reason: 'missing-allow-origin' };
  if (allowOrigin === '*' && !input.credentialed) return undefined;
  if ((headers.get(ALLOW_ORIGIN)?.length ?? 0) > 1 || allowOrigin.includes(',')) {
    return { reason: 'multiple-allow-origin', value: describeHeader(headers, ALLOW_ORIGIN) };
  }
  if (allowOrigin === '*') return { reason: 'wildcard-with-credentials' };
  if (allowOrigin !== input.origin) return { reason: 'allow-origin-mismatch', value: allowOrigin };
  if (!input.credentialed) return undefined;
  const allowCredentials = getHeader(headers, ALLOW_CREDENTIALS);
  if (allowCredentials === undefined) return { reason: 'missing-allow-credentials' };
  if (allowCredentials !== 'true') {
    return {
      reason: 'invalid-allow-credentials',
      value: describeHeader(headers, ALLOW_CREDENTIALS),
    };
  }
  return undefined;
}

export interface PreflightInput extends CorsCheckInput {
  /** The normalized method the actual request will use (Access-Control-Request-Method). */
  readonly method: string;
  /** Sorted lowercase names asked for in Access-Control-Request-Headers. */
  readonly unsafeHeaderNames: readonly string[];
}

export interface PreflightVerdict {
  readonly finding: PreflightFinding | undefined;
  /** The status was not 2xx as well, when the finding is about the CORS check. */
  readonly statusAlsoFails: boolean;
  /** Authorization passed only through `*`, which the Fetch Standard does not allow (whatwg/fetch#1919). */
  readonly authorizationByWildcard: boolean;
}

/**
 * Judges the answer to the OPTIONS preflight: the CORS check, an ok (2xx) status, parsable
 * Allow-Methods and Allow-Headers, then the method and every unsafe header name allowed.
 */
export function checkPreflight(
  status: number,
  headers: ResponseHeaderList,
  input: PreflightInput,
): PreflightVerdict {
  const statusOk = status >= 200 && status <= 299;
  const verdict = (finding: PreflightFinding | undefined, authorizationByWildcard = false) => ({
    finding,
    statusAlsoFails: finding !== undefined && finding.reason !== 'preflight-status' && !statusOk,
    authorizationByWildcard,
  });

  const corsFinding = corsCheck(headers, input);
  if (corsFinding) return verdict(corsFinding);
  if (!statusOk) return verdict({ reason: 'preflight-status', status });

  const methods = extractTokenList(headers, ALLOW_METHODS);
  if (methods === 'failure') {
    return verdict({
      reason: 'malformed-allow-methods',
      value: describeHeader(headers, ALLOW_METHODS),
    });
  }
  const headerNames = extractTokenList(headers, ALLOW_HEADERS);
  if (headerNames === 'failure') {
    return verdict({
      reason: 'malformed-allow-headers',
      value: describeHeader(headers, ALLOW_HEADERS),
    });
  }

  const allowedMethods = methods ?? [];
  const methodWildcard = allowedMethods.includes('*');
  const methodAllowed =
    allowedMethods.includes(input.method) ||
    isCorsSafelistedMethod(input.method) ||
    (methodWildcard && !input.credentialed);
  if (!methodAllowed) {
    return verdict({
      reason: 'method-not-allowed',
      method: input.method,
      allowed: getHeader(headers, ALLOW_METHODS),
      wildcardIgnored: methodWildcard && input.credentialed,
    });
  }

  const listed = new Set((headerNames ?? []).map((name) => name.toLowerCase()));
  const headerWildcard = listed.has('*');
  // Engines still let `*` cover Authorization although the standard says it must be listed.
  const coveredByWildcard = headerWildcard && !input.credentialed;
  const missing = input.unsafeHeaderNames.filter((name) => !listed.has(name) && !coveredByWildcard);
  if (missing.length > 0) {
    return verdict({
      reason: 'header-not-allowed',
      names: missing,
      allowed: getHeader(headers, ALLOW_HEADERS),
      wildcardIgnored: headerWildcard && input.credentialed,
    });
  }
  const authorizationByWildcard =
    coveredByWildcard &&
    input.unsafeHeaderNames.includes('authorization') &&
    !listed.has('authorization');
  return verdict(undefined, authorizationByWildcard);
}
