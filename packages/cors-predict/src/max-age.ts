// How long a browser reuses a successful preflight (Access-Control-Max-Age).
import type { ResponseHeaderList } from './response-headers.js';
import type { EngineRules } from './engine-rules.js';

/**
 * Seconds the preflight result is reused, parsed as `rules` parse it (5 when the header is absent),
 * capped at the engine's ceiling.
 */
export function preflightCacheSeconds(headers: ResponseHeaderList, rules: EngineRules): number {
  const seconds = rules.maxAge(headers.get('access-control-max-age'));
  return rules.cacheCeiling === undefined ? seconds : Math.min(seconds, rules.cacheCeiling);
}
