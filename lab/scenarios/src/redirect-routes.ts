// The API routes behind the redirect-chain, request-body and engine-difference scenarios: the
// final answers a redirect can lead to, and the redirects themselves.
import type { LabRoute, RoutePolicy } from './types.js';

const ALL_PAGES: RoutePolicy = { origins: ['web', 'web-alt-port', 'web-alt-host'] };
const ECHO = { kind: 'echo' } as const;
const NULL_ORIGIN = { 'Access-Control-Allow-Origin': 'null' } as const;

/** A redirect route: allows the three pages, so the 3xx itself passes the CORS check. */
function redirectRoute(
  id: string,
  status: 302 | 303 | 307,
  to: { target: 'api-alt-port' | 'page'; path: string },
  description: string,
): LabRoute {
  return {
    id,
    path: `/lab/redirect/${id}`,
    description: `${status} to ${to.target === 'page' ? "the page's own origin" : "the alt-port listener's"} \`${to.path}\`; ${description}`,
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: { kind: 'redirect', status, to },
  };
}

export const REDIRECT_CHAIN_ROUTES: readonly LabRoute[] = [
  {
    id: 'all-pages',
    path: '/lab/all-pages',
    description: 'Allows the three page origins, and not `null`.',
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: ECHO,
  },
  {
    id: 'null-origin',
    path: '/lab/null-origin',
    description:
      'Fixed headers allowing only the opaque origin: `Access-Control-Allow-Origin: null`, preflights allowing GET, PUT and DELETE.',
    cors: {
      kind: 'fixed',
      preflight: { ...NULL_ORIGIN, 'Access-Control-Allow-Methods': 'GET, PUT, DELETE' },
      response: NULL_ORIGIN,
    },
    response: ECHO,
  },
  {
    id: 'null-and-pages',
    path: '/lab/null-and-pages',
    description: 'Allows the three page origins and `null` (`allowNullOrigin`).',
    cors: { kind: 'policy', policy: { ...ALL_PAGES, allowNullOrigin: true } },
    response: ECHO,
  },
  {
    id: 'redirect-slash',
    path: '/lab/redirect/slash',
    description:
      'Answers every request without the trailing slash, preflights included, with 301 to `/lab/redirect/slash/` (CORS headers for the three pages on it); the slashed path answers like `echo`.',
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: { kind: 'append-slash' },
  },
  {
    id: 'redirect-upgrade',
    path: '/lab/redirect/upgrade',
    description:
      'The http→https stand-in: 301 from the main listener to the same path on the alt-port listener, which answers it; allows the three pages.',
    cors: { kind: 'policy', policy: ALL_PAGES },
    response: { kind: 'upgrade' },
  },
  redirectRoute(
    'to-all-pages',
    302,
    { target: 'api-alt-port', path: '/lab/all-pages' },
    'allows the three pages.',
  ),
  redirectRoute(
    'to-null',
    302,
    { target: 'api-alt-port', path: '/lab/null-origin' },
    'allows the three pages.',
  ),
  redirectRoute(
    'back-to-wildcard',
    302,
    { target: 'page', path: '/proxy/lab/wildcard' },
    'the dev proxy there forwards to `/lab/wildcard`.',
  ),
  redirectRoute(
    'back-to-all-pages',
    302,
    { target: 'page', path: '/proxy/lab/all-pages' },
    'the dev proxy there forwards to `/lab/all-pages`.',
  ),
  redirectRoute(
    '307-to-null-and-pages',
    307,
    { target: 'api-alt-port', path: '/lab/null-and-pages' },
    'allows the three pages.',
  ),
  redirectRoute(
    '307-to-null',
    307,
    { target: 'api-alt-port', path: '/lab/null-origin' },
    'allows the three pages.',
  ),
  redirectRoute(
    '307-to-wildcard',
    307,
    { target: 'api-alt-port', path: '/lab/wildcard' },
    'allows the three pages.',
  ),
  redirectRoute(
    '303-to-wildcard',
    303,
    { target: 'api-alt-port', path: '/lab/wildcard' },
    'allows the three pages.',
  ),
  {
    id: 'cache-plus-60',
    path: '/lab/cache/plus-60',
    description:
      'Fixed headers: `Access-Control-Allow-Origin: *`, preflights allowing PUT with `Access-Control-Max-Age: +60` (a sign the standard does not allow).',
    cors: {
      kind: 'fixed',
      preflight: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Max-Age': '+60',
      },
      response: { 'Access-Control-Allow-Origin': '*' },
    },
    response: ECHO,
  },
];
