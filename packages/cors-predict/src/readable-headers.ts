// Which response headers the page can read: the filtered response of the Fetch Standard (§2.2.6).
import { extractTokenList, type ResponseHeaderList } from './response-headers.js';

/** Readable from any CORS response without being exposed. */
const SAFELISTED_RESPONSE_HEADER_NAMES = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

/** Never readable by a page, whatever the server exposes. */
const FORBIDDEN_RESPONSE_HEADER_NAMES = new Set(['set-cookie', 'set-cookie2']);

/** Same-origin responses: every header but Set-Cookie and Set-Cookie2. Sorted, lowercased. */
export function basicReadableHeaders(headers: ResponseHeaderList): string[] {
  return [...headers.keys()].filter((name) => !FORBIDDEN_RESPONSE_HEADER_NAMES.has(name)).sort();
}

/**
 * CORS responses: the safelisted headers plus those named in Access-Control-Expose-Headers; `*`
 * exposes all of them only without credentials (with credentials it names a header called `*`).
 * An unparsable Expose-Headers (`"bb-8"`, `bb-8, no no`) exposes nothing.
 */
export function corsReadableHeaders(headers: ResponseHeaderList, credentialed: boolean): string[] {
  const exposed = extractTokenList(headers, 'access-control-expose-headers');
  const exposedNames = new Set(
    Array.isArray(exposed) ? exposed.map((name) => name.toLowerCase()) : [],
  );
  const exposeAll = exposedNames.has('*') && !credentialed;
  return [...headers.keys()]
    .filter(
      (name) =>
        !FORBIDDEN_RESPONSE_HEADER_NAMES.has(name) &&
        (exposeAll || SAFELISTED_RESPONSE_HEADER_NAMES.has(name) || exposedNames.has(name)),
    )
    .sort();
}
