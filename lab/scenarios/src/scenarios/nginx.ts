import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_THEN_ACTUAL,
  SIMPLE_RAN,
  WEB_PAGE,
  allowed,
  blocked,
  reached,
} from './expectations.js';

/** The next hop of a location that forwards to the API: the path without the location's prefix. */
const toApi = (path: string) => ({ target: 'api', path }) as const;
const ran = (apiPath: string) => ({ ...SIMPLE_RAN, alsoReached: [toApi(apiPath)] });

/** A cache demo: a frame on the web origin fills the cache, then the alt-port page asks. */
const cacheFilledByWeb = (path: string) => ({
  setup: [{ target: 'nginx', path, fromPage: 'web' }] as const,
  request: { target: 'nginx', path } as const,
});

export const NGINX: readonly Scenario[] = [
  {
    id: 'nginx-pass-through',
    title: "nginx passes the API's CORS headers through",
    category: 'nginx',
    pageOrigins: ALL_PAGES,
    request: { target: 'nginx', path: '/pass/lab/exact?run={run}' },
    expected: {
      web: allowed(ran('/lab/exact'), { body: { route: 'exact' } }),
      'web-alt-port': blocked(ran('/lab/exact')),
      'web-alt-host': blocked(ran('/lab/exact')),
    },
    explanation:
      "A plain `proxy_pass` forwards the Origin and returns the API's headers untouched, so the browser sees exactly what the API decided.",
    fix: 'The right default: let one layer (here the app) own CORS and keep the proxy out of it.',
  },
  {
    id: 'nginx-policy-get',
    title: 'nginx owns CORS with the config toNginxConfig() wrote',
    category: 'nginx',
    pageOrigins: ALL_PAGES,
    request: { target: 'nginx', path: '/policy/lab/none?run={run}', credentials: 'include' },
    expected: {
      web: allowed(ran('/lab/none'), { body: { route: 'none' } }),
      'web-alt-port': blocked(ran('/lab/none')),
      'web-alt-host': blocked(ran('/lab/none')),
    },
    explanation:
      "The API route sends no CORS headers; nginx adds the policy's (exact web origin, credentials) from a `map $http_origin`, so only the web origin may read.",
    fix: "Generate the location with toNginxConfig(policy) and hide the app's own headers.",
  },
  {
    id: 'nginx-policy-preflight',
    title: 'nginx answers the preflight itself with 204; only the PUT reaches the API',
    category: 'nginx',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'nginx',
      path: '/policy/lab/none?run={run}',
      method: 'PUT',
      headers: { 'X-Request-Id': 'lab-42' },
      body: { type: 'json', value: { text: 'hello' } },
    },
    expected: {
      web: allowed(
        { ...PREFLIGHT_THEN_ACTUAL, alsoReached: [toApi('/lab/none')] },
        { body: { method: 'PUT' }, readableHeaders: ['x-request-id'] },
      ),
    },
    explanation:
      "The exported location ends OPTIONS with 204 and the policy's headers; the PUT is then forwarded. The API's log shows the PUT alone.",
    fix: 'Nothing to fix: preflights never reach the app.',
  },
  {
    id: 'nginx-double-header',
    title: "nginx adds Allow-Origin on top of the API's",
    category: 'nginx',
    pageOrigins: ALL_PAGES,
    request: { target: 'nginx', path: '/double/lab/exact?run={run}' },
    expected: {
      web: blocked(ran('/lab/exact')),
      'web-alt-port': allowed(ran('/lab/exact'), { body: { route: 'exact' } }),
      'web-alt-host': allowed(ran('/lab/exact'), { body: { route: 'exact' } }),
    },
    explanation:
      "For the web origin the API already sends Access-Control-Allow-Origin and nginx adds a second: two values, refused. For every other origin the API sends none, so nginx's `$http_origin` is the only value and any site reads: the allowed origin is broken and the refused ones are let in.",
    fix: "Remove the add_header lines, or hide the app's headers with proxy_hide_header and let nginx own CORS.",
  },
  {
    id: 'nginx-no-always-ok',
    title: 'add_header without always: present on a 200',
    category: 'nginx',
    pageOrigins: WEB_PAGE,
    request: { target: 'nginx', path: '/no-always/lab/exact?run={run}' },
    expected: { web: allowed(ran('/lab/exact'), { body: { route: 'exact' } }) },
    explanation: 'On a 200 nginx adds the header and the page reads the answer.',
    fix: 'See nginx-no-always-error.',
  },
  {
    id: 'nginx-no-always-error',
    title: 'add_header without always: gone on a 500, the page cannot read the error',
    category: 'nginx',
    pageOrigins: WEB_PAGE,
    request: { target: 'nginx', path: '/no-always/lab/errors/with-cors?run={run}' },
    expected: { web: blocked(ran('/lab/errors/with-cors')) },
    explanation:
      "nginx applies add_header only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 unless it says `always`; the API's own header is hidden, so the 500 reaches the page as a CORS error instead of a readable error.",
    fix: 'Write `always` on every CORS add_header.',
  },
  {
    id: 'nginx-cache-no-vary',
    title: "A shared cache without Vary: Origin serves the first origin's answer to the second",
    category: 'nginx',
    pageOrigins: ['web-alt-port'],
    ...cacheFilledByWeb('/cache/no-vary/?run={run}'),
    expected: {
      'web-alt-port': blocked({
        ...reached(0, 2),
        alsoReached: [{ target: 'nginx', path: '/app/no-vary/' }],
      }),
    },
    explanation:
      'A frame on the web origin asks first; the app allows it and nginx caches that answer, Access-Control-Allow-Origin included. The alt-port page then gets the cached copy naming the web origin (X-Cache-Status: HIT), although the app would have allowed it too.',
    fix: 'Send `Vary: Origin` whenever Access-Control-Allow-Origin depends on the Origin (the policy package always does), or keep CORS responses out of shared caches.',
  },
  {
    id: 'nginx-cache-vary',
    title: 'The same cache with Vary: Origin keeps one copy per origin',
    category: 'nginx',
    pageOrigins: ['web-alt-port'],
    ...cacheFilledByWeb('/cache/vary/?run={run}'),
    expected: {
      'web-alt-port': allowed({
        ...reached(0, 2),
        alsoReached: [{ target: 'nginx', path: '/app/vary/' }],
      }),
    },
    explanation:
      'The web frame fills the cache; with `Vary: Origin` nginx does not hand that copy to another Origin, asks the app again and the alt-port page gets its own answer.',
    fix: 'Nothing to fix: this is why the policy package appends `Vary: Origin`.',
  },
];
