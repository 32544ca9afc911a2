// Request methods as fetch() treats them (Fetch Standard §2.2.1 Methods).

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

/** CONNECT, TRACE and TRACK in any case: fetch() throws before sending anything. */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(method.toUpperCase());
}

/**
 * Uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT; any other method (`patch`) is sent,
 * and compared against Access-Control-Allow-Methods, exactly as written.
 */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/** GET, HEAD and POST (already normalized): no preflight needed for the method. */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}
