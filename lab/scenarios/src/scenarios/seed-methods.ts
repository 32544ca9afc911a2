import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  SIMPLE_RAN,
  WEB_PAGE,
  allowed,
  blocked,
} from './expectations.js';

const JSON_BODY = { type: 'json', value: { text: 'hello' } } as const;
const LOGIN = {
  target: 'api',
  path: '/lab/cookies/login?run={run}',
  method: 'POST',
  credentials: 'include',
} as const;

export const SEED_METHODS: readonly Scenario[] = [
  {
    id: 'seed-cors-default-get',
    title: 'Seed 1a, `cors()` on all routes: a GET from any page',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/seed/cors-default?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': allowed(SIMPLE_RAN),
      'web-alt-host': allowed(SIMPLE_RAN),
    },
    explanation:
      '`cors()` with no options answers `Access-Control-Allow-Origin: *`: every origin reads it.',
    fix: 'Fine for public data; restrict the origins as soon as the API serves anything private.',
  },
  {
    id: 'seed-cors-default-put-json',
    title: 'Seed 1a, `cors()`: a preflighted JSON PUT with X-Request-Id',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/seed/cors-default?run={run}',
      method: 'PUT',
      headers: { 'X-Request-Id': 'lab-42' },
      body: JSON_BODY,
    },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL),
      'web-alt-port': allowed(PREFLIGHT_THEN_ACTUAL),
      'web-alt-host': allowed(PREFLIGHT_THEN_ACTUAL),
    },
    explanation:
      '`cors()` answers every preflight with 204, the default methods, and whatever headers the browser asked for (it reflects `Access-Control-Request-Headers`).',
    fix: 'Convenient in development; it allows every origin, method and header.',
  },
  {
    id: 'seed-cors-default-credentials',
    title: 'Seed 1a, `cors()`: a credentialed GET fails',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/seed/cors-default?run={run}', credentials: 'include' },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation: "`*` never satisfies a request with `credentials: 'include'`.",
    fix: 'Use seed method 1b (an explicit origin with `credentials: true`) for cookie sessions.',
  },
  {
    id: 'seed-cors-configured-credentials',
    title: 'Seed 1b, `cors({ origin, methods, allowedHeaders, credentials })`: a cookie request',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    setup: [LOGIN],
    request: { target: 'api', path: '/lab/seed/cors-configured?run={run}', credentials: 'include' },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { cookieSent: true, cookieMatchesRun: true } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'With `origin` set to one string, `cors` sends that string to every caller. It matches the web page exactly and carries `Allow-Credentials: true`; for the other pages it is the wrong origin.',
    fix: 'For several front ends give `origin` an array (or use `@cors-lab/cors-policy`), so the matching origin is echoed.',
  },
  {
    id: 'seed-cors-configured-header-refused',
    title: 'Seed 1b: X-Request-Id is not in `allowedHeaders`',
    category: 'seed-methods',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/seed/cors-configured?run={run}',
      headers: { 'X-Request-Id': 'lab-42' },
    },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'With an explicit `allowedHeaders` list (Content-Type, Authorization), `cors` stops reflecting the requested headers: X-Request-Id is refused at the preflight.',
    fix: 'Add the header to `allowedHeaders`.',
  },
  {
    id: 'seed-cors-configured-patch-refused',
    title: 'Seed 1b: PATCH is not in `methods`',
    category: 'seed-methods',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/seed/cors-configured?run={run}', method: 'PATCH' },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      "The seed's list is GET, POST, PUT, DELETE: a PATCH preflight gets an Allow-Methods without PATCH.",
    fix: 'Add PATCH to `methods`.',
  },
  {
    id: 'seed-cors-per-route-get',
    title: 'Seed 1c, `app.get(path, cors(options), handler)`: a GET',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/seed/cors-per-route?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The per-route middleware sets the headers on the GET itself, which needs no preflight.',
    fix: 'Works for simple requests on this one route.',
  },
  {
    id: 'seed-cors-per-route-put',
    title: 'Seed 1c, per-route `cors()` on PUT without an OPTIONS route',
    category: 'seed-methods',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/seed/cors-per-route?run={run}',
      method: 'PUT',
      body: JSON_BODY,
    },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      "`app.put(path, cors(options), handler)` never sees the preflight: the OPTIONS request is answered by Express's automatic OPTIONS response, without CORS headers, so the PUT is never sent.",
    fix: 'Add `app.options(path, cors(options))` next to the route, or mount the CORS middleware with `app.use`.',
  },
  {
    id: 'seed-manual-headers-get',
    title: 'Seed 1d, hand-written headers middleware: a GET',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/seed/manual-headers?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The middleware sends one fixed Allow-Origin: right for the web page, wrong for every other.',
    fix: "Compare the request's Origin with an allow-list and echo it, adding `Vary: Origin`.",
  },
  {
    id: 'seed-manual-headers-put-json',
    title: 'Seed 1d, hand-written middleware answering OPTIONS: a JSON PUT',
    category: 'seed-methods',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/seed/manual-headers?run={run}',
      method: 'PUT',
      body: JSON_BODY,
    },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL) },
    explanation:
      'The middleware answers OPTIONS itself with 200 and the four headers, so the preflight passes and the PUT follows.',
    fix: 'Works; prefer 204 for preflights and a tested library over hand-written headers.',
  },
  {
    id: 'seed-manual-headers-credentials',
    title: 'Seed 1d: the hand-written middleware with a cookie',
    category: 'seed-methods',
    pageOrigins: WEB_PAGE,
    setup: [LOGIN],
    request: { target: 'api', path: '/lab/seed/manual-headers?run={run}', credentials: 'include' },
    expected: { web: allowed(SIMPLE_RAN, { body: { cookieSent: true, cookieMatchesRun: true } }) },
    explanation:
      'Exact origin plus `Access-Control-Allow-Credentials: true`: the cookie travels and the page reads the answer.',
    fix: 'Works for one front end.',
  },
  {
    id: 'seed-shared-policy-main-api',
    title: 'The shared policy middleware on the main API',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/api/notes?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      '`corsMiddleware(definePolicy(...))` from `@cors-lab/cors-policy`, configured from CORS_ALLOWED_ORIGINS: the allowed origin is echoed with `Vary: Origin`, the others get no CORS headers.',
    fix: 'Configure the allow-list through the environment.',
  },
  {
    id: 'seed-shared-policy-cors-package',
    title: 'The shared policy handed to the `cors` package via toCorsOptions()',
    category: 'seed-methods',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/seed/cors-package?run={run}',
      method: 'PUT',
      credentials: 'include',
      headers: { 'X-Request-Id': 'lab-42' },
      body: JSON_BODY,
    },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL),
      'web-alt-port': blocked(PREFLIGHT_ONLY),
      'web-alt-host': blocked(PREFLIGHT_ONLY),
    },
    explanation:
      'The same validated policy drives the real `cors` package: exact origin, credentials, Content-Type and X-Request-Id allowed.',
    fix: 'Use toCorsOptions() where the `cors` package is already in place.',
  },
];
