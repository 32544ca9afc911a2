// The Fetch Standard's "HTTP-redirect fetch": where a followed redirect goes and what the next
// request carries (method, body, headers, and whether its origin is now `null`).

/** The request as it stands at one hop. */
export interface HopRequest {
  url: string;
  method: string;
  /** The page's headers still on the request, names as given. */
  headers: readonly (readonly [string, string])[];
  hasBody: boolean;
  /** Set once a redirect crossed origins away from a cross-origin URL: Origin is then `null`. */
  tainted: boolean;
}

export type RedirectStep =
  | { kind: 'next'; request: HopRequest }
  | {
      kind: 'fail';
      reason: 'invalid-redirect-location' | 'redirect-userinfo' | 'too-many-redirects';
      detail: string;
    };

/** Fetch's limit on redirects followed for one fetch(). */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that describe the body and go with it when a redirect turns the request into a GET. */
const REQUEST_BODY_HEADERS = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
]);

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/**
 * The next hop for a redirect answered with `status` and `location` at `current`.
 * `followed` counts the redirects already followed; `pageOrigin` is the request's origin.
 */
export function followRedirect(
  current: HopRequest,
  status: number,
  location: string,
  context: { pageOrigin: string; followed: number; corsTainting: boolean; corsMode: boolean },
): RedirectStep {
  if (context.followed >= MAX_REDIRECTS) {
    return { kind: 'fail', reason: 'too-many-redirects', detail: `more than ${MAX_REDIRECTS}` };
  }
  const from = new URL(current.url);
  if (!URL.canParse(location, from.href)) {
    return { kind: 'fail', reason: 'invalid-redirect-location', detail: location };
  }
  const next = new URL(location, from);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return { kind: 'fail', reason: 'invalid-redirect-location', detail: next.href };
  }
  const hasUserinfo = next.username !== '' || next.password !== '';
  if (
    hasUserinfo &&
    ((context.corsMode && next.origin !== context.pageOrigin) || context.corsTainting)
  ) {
    return { kind: 'fail', reason: 'redirect-userinfo', detail: next.href };
  }

  let { method, headers, hasBody } = current;
  const toGet = (status === 301 || status === 302) && method === 'POST';
  if (toGet || (status === 303 && method !== 'GET' && method !== 'HEAD')) {
    method = 'GET';
    hasBody = false;
    headers = headers.filter(([name]) => !REQUEST_BODY_HEADERS.has(name.toLowerCase()));
  }
  const crossOrigin = next.origin !== from.origin;
  // Credentials the page attached for one origin must not travel to another.
  if (crossOrigin) headers = headers.filter(([name]) => name.toLowerCase() !== 'authorization');
  const tainted = current.tainted || (crossOrigin && context.pageOrigin !== from.origin);
  return { kind: 'next', request: { url: next.href, method, headers, hasBody, tainted } };
}
