// How long a browser reuses a successful preflight (Access-Control-Max-Age).
import type { ResponseHeaderList } from './response-headers.js';

/** Browser engines whose preflight-cache ceiling is known. */
export type BrowserEngine = 'chromium' | 'firefox' | 'webkit';

/** Each engine's ceiling in seconds: Chromium 2 h, Firefox 24 h, WebKit 10 min. */
export const PREFLIGHT_CACHE_LIMIT_SECONDS: Readonly<Record<BrowserEngine, number>> = {
  chromium: 7200,
  firefox: 86400,
  webkit: 600,
};

/** What the Fetch Standard uses when the header is absent. */
export const DEFAULT_PREFLIGHT_CACHE_SECONDS = 5;

/**
 * Seconds the preflight result is reused: 5 when the header is absent, 0 for `0`, a negative
 * value, anything that is not plain digits, or the header sent twice; capped by `engine`.
 */
export function preflightCacheSeconds(headers: ResponseHeaderList, engine?: BrowserEngine): number {
  const values = headers.get('access-control-max-age');
  if (values === undefined) return DEFAULT_PREFLIGHT_CACHE_SECONDS;
  const [value] = values;
  if (values.length !== 1 || value === undefined || !/^\d+$/.test(value)) return 0;
  const seconds = Number(value);
  return engine === undefined ? seconds : Math.min(seconds, PREFLIGHT_CACHE_LIMIT_SECONDS[engine]);
}
