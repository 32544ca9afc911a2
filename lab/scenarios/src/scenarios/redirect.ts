import type { Scenario } from '../types.js';
import { ALL_PAGES, allowed, blocked } from './expectations.js';

const hop = (path: string) => ({ target: 'api-alt-port' as const, path, origin: 'null' });

export const REDIRECT: readonly Scenario[] = [
  {
    id: 'redirect-cross-origin-to-wildcard',
    title: 'A cross-origin redirect to a `*` resource',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/to-wildcard?run={run}' },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [
        page,
        allowed(
          { preflights: 0, actual: 1, alsoReached: [hop('/lab/wildcard')] },
          { body: { route: 'wildcard' } },
        ),
      ]),
    ),
    explanation:
      'The 302 itself passes the CORS check (it allows the page). It points at another origin, so the browser sends the next hop with `Origin: null`; `*` accepts that, and the page reads the final answer.',
    fix: 'Nothing to fix; prefer calling the final URL directly.',
  },
  {
    id: 'redirect-cross-origin-to-exact',
    title: 'A cross-origin redirect to an exact-origin policy',
    category: 'redirect',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/redirect/to-exact?run={run}' },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [
        page,
        blocked({ preflights: 0, actual: 1, alsoReached: [hop('/lab/exact')] }),
      ]),
    ),
    explanation:
      "After a redirect from one cross-origin server to another, the request's origin becomes opaque: the second hop carries `Origin: null`, which the exact-origin policy rightly refuses.",
    fix: 'Point the page at the final URL; do not answer `null` with Allow-Origin (sandboxed iframes and files share it).',
  },
];
