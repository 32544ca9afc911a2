// Where Chromium, Firefox and WebKit part from the Fetch Standard, each measured with the engine
// experiments (e2e/experiments) and described in docs/engine-differences.md.
import type { BrowserEngine } from './types.js';

export type QuirkId =
  | 'repeated-header-combined'
  | 'max-age-signed-integer'
  | 'max-age-digits-only'
  | 'non-ascii-value-unsafe'
  | 'preflight-origin-after-redirect'
  | 'preflight-kept-after-redirect'
  | 'preflight-names-kept-after-redirect'
  | 'delete-redirect-becomes-get'
  | 'second-redirect-after-same-origin-start'
  | 'userinfo-redirect-refused'
  | 'stream-needs-http2'
  | 'stream-sent-as-text'
  | 'stream-upload-unsupported'
  | 'loopback-http-is-mixed-content';

/** How one engine does each thing the engines disagree on; `undefined` engine: the Fetch Standard. */
export interface EngineRules {
  readonly engine: BrowserEngine | undefined;
  /** Seconds a preflight is cached for the Access-Control-Max-Age values sent, before the ceiling. */
  readonly maxAge: (values: readonly string[] | undefined) => number;
  /** The engine's preflight-cache ceiling in seconds; none for the standard. */
  readonly cacheCeiling: number | undefined;
  /**
   * A name set twice (Headers.append) is judged as one value joined by ", " (every engine), or
   * each value on its own, as the standard's header list keeps them.
   */
  readonly combineRepeatedHeaders: boolean;
  /** Whether a byte of 0x80 or above makes an Accept or Content-Type value need a preflight. */
  readonly nonAsciiValueUnsafe: boolean;
  /**
   * After a redirect: `when-needed` preflights only if the redirected request needs it (standard);
   * `original-needed` also when the original request needed one (Firefox, asking for the current
   * names); `original-names` the same but asking for the original request's names (WebKit).
   */
  readonly preflightAfterRedirect: 'when-needed' | 'original-needed' | 'original-names';
  /** The Origin a preflight carries after a cross-origin redirect: `request` (null, standard) or `page` (Firefox). */
  readonly preflightOriginAfterRedirect: 'request' | 'page';
  /** WebKitGTK turns DELETE into GET when following any redirect. */
  readonly deleteRedirectBecomesGet: boolean;
  /**
   * WebKit: a request that starts on the page's own origin with credentials 'same-origin', goes
   * to another origin, and is redirected again fails.
   */
  readonly secondRedirectAfterSameOriginStartFails: boolean;
  /** Chromium refuses any Location with user:password@, even where the standard follows it. */
  readonly userinfoRedirectAlwaysFails: boolean;
  /**
   * ReadableStream bodies: `standard` (duplex required, forces a preflight, not re-sent on a
   * redirect), `http2-only` (as standard, and the upload fails over HTTP/1.1: Chromium),
   * `as-text` (sent as the string "[object ReadableStream]": Firefox), `unsupported` (WebKit).
   */
  readonly streams: 'standard' | 'http2-only' | 'as-text' | 'unsupported';
  /** WebKit: plain http to a loopback host from an https page is mixed content (the standard trusts loopback). */
  readonly loopbackHttpIsMixedContent: boolean;
}

/** Each engine's ceiling in seconds: Chromium 2 h, Firefox 24 h, WebKit 10 min. */
export const PREFLIGHT_CACHE_LIMIT_SECONDS: Readonly<Record<BrowserEngine, number>> = {
  chromium: 7200,
  firefox: 86400,
  webkit: 600,
};

/** What the Fetch Standard uses when Access-Control-Max-Age is absent or does not parse. */
export const DEFAULT_PREFLIGHT_CACHE_SECONDS = 5;

const INT64_MAX = 2n ** 63n - 1n;

/**
 * The Fetch Standard: one delta-seconds value, else the 5 s default. A negative integer means no
 * caching, as web-platform-tests (cors/preflight-cache.htm) and every engine have it.
 */
function standardMaxAge(values: readonly string[] | undefined): number {
  if (values === undefined) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  const value = values.join(', ');
  if (/^\d+$/.test(value)) return Number(value);
  if (/^-\d+$/.test(value)) return 0;
  return DEFAULT_PREFLIGHT_CACHE_SECONDS;
}

/** Chromium and WebKit: a signed 64-bit integer (`+60` is 60), else the default; duplicates are joined and fail. */
function signedIntegerMaxAge(values: readonly string[] | undefined): number {
  if (values === undefined) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  const value = values.join(', ');
  if (!/^[+-]?\d+$/.test(value)) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  const parsed = BigInt(value);
  if (parsed > INT64_MAX || parsed < -INT64_MAX - 1n) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  return parsed <= 0n ? 0 : Number(parsed);
}

/** Firefox: digits only (anything else, `-1` and `+60` included, is not cached); empty is the default. */
function digitsOnlyMaxAge(values: readonly string[] | undefined): number {
  const value = values?.join(', ') ?? '';
  if (value === '') return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  if (!/^\d+$/.test(value)) return 0;
  // Firefox saturates at its ceiling while reading digits, so no value overflows.
  return Math.min(Number(value), PREFLIGHT_CACHE_LIMIT_SECONDS.firefox);
}

export const STANDARD_RULES: EngineRules = {
  engine: undefined,
  maxAge: standardMaxAge,
  cacheCeiling: undefined,
  combineRepeatedHeaders: false,
  nonAsciiValueUnsafe: false,
  preflightAfterRedirect: 'when-needed',
  preflightOriginAfterRedirect: 'request',
  deleteRedirectBecomesGet: false,
  secondRedirectAfterSameOriginStartFails: false,
  userinfoRedirectAlwaysFails: false,
  streams: 'standard',
  loopbackHttpIsMixedContent: false,
};

export const ENGINE_RULES: Readonly<Record<BrowserEngine, EngineRules>> = {
  chromium: {
    ...STANDARD_RULES,
    engine: 'chromium',
    combineRepeatedHeaders: true,
    maxAge: signedIntegerMaxAge,
    cacheCeiling: PREFLIGHT_CACHE_LIMIT_SECONDS.chromium,
    userinfoRedirectAlwaysFails: true,
    streams: 'http2-only',
  },
  firefox: {
    ...STANDARD_RULES,
    engine: 'firefox',
    combineRepeatedHeaders: true,
    maxAge: digitsOnlyMaxAge,
    cacheCeiling: PREFLIGHT_CACHE_LIMIT_SECONDS.firefox,
    nonAsciiValueUnsafe: true,
    preflightAfterRedirect: 'original-needed',
    preflightOriginAfterRedirect: 'page',
    streams: 'as-text',
  },
  webkit: {
    ...STANDARD_RULES,
    engine: 'webkit',
    combineRepeatedHeaders: true,
    maxAge: signedIntegerMaxAge,
    cacheCeiling: PREFLIGHT_CACHE_LIMIT_SECONDS.webkit,
    preflightAfterRedirect: 'original-names',
    deleteRedirectBecomesGet: true,
    secondRedirectAfterSameOriginStartFails: true,
    streams: 'unsupported',
    loopbackHttpIsMixedContent: true,
  },
};

export const ENGINES: readonly BrowserEngine[] = ['chromium', 'firefox', 'webkit'];

/** The rules for `engine`, or the Fetch Standard's. */
export function rulesFor(engine: BrowserEngine | undefined): EngineRules {
  if (engine === undefined) return STANDARD_RULES;
  const rules = ENGINE_RULES[engine] as EngineRules | undefined;
  if (!rules) {
    throw new TypeError(
      `predict(): options.engine ${JSON.stringify(engine)} is not an engine predict() knows. ` +
        `Expected one of ${ENGINES.map((name) => `'${name}'`).join(', ')}, or no engine for the ` +
        'Fetch Standard with the engines that disagree listed in prediction.engines.',
    );
  }
  return rules;
}
