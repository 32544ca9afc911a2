// The Fetch Standard's HTTP-redirect fetch: where a redirect leads, and what the request keeps.
import type { RequestHeader } from './safelist.js';

/** 301, 302, 303, 307 and 308: the statuses a browser follows. */
export function isRedirectStatus(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

/** Headers that describe the body: gone when a redirect turns the request into a GET. */
const REQUEST_BODY_HEADER_NAMES = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];

/** The Location resolved against the URL that answered, or why it cannot be followed. */
export function locationUrl(location: string, current: URL): URL | 'unparsable' | 'not-http' {
  if (!URL.canParse(location, current.href)) return 'unparsable';
  const parsed = new URL(location, current);
  // A Location without a fragment keeps the request's.
  if (parsed.hash === '' && current.hash !== '' && !location.includes('#')) {
    parsed.hash = current.hash;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not-http';
  return parsed;
}

export function includesCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** Whether the redirect turns the request into a body-less GET (301/302 POST, 303 all but GET/HEAD). */
export function becomesGet(status: number, method: string): boolean {
  return (
    ((status === 301 || status === 302) && method === 'POST') ||
    (status === 303 && method !== 'GET' && method !== 'HEAD')
  );
}

export function withoutBodyHeaders(headers: readonly RequestHeader[]): RequestHeader[] {
  return headers.filter((header) => !REQUEST_BODY_HEADER_NAMES.includes(header.name));
}

/** Authorization is the one CORS non-wildcard request-header: removed on a cross-origin hop. */
export function withoutAuthorization(headers: readonly RequestHeader[]): RequestHeader[] {
  return headers.filter((header) => header.name !== 'authorization');
}
