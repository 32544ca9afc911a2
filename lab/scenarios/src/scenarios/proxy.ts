import type { Scenario } from '../types.js';
import { ALL_PAGES, SIMPLE_RAN, allowed } from './expectations.js';

const WHY =
  'The page fetches its own origin; the Next.js server forwards the request to the API server-side, where no browser checks CORS. It is same-origin, so no preflight is sent either.';
const NOT_PRODUCTION =
  'A development convenience, not a production fix: every API call now goes through the web server, and the API itself still has no CORS policy for anyone else.';

export const PROXY: readonly Scenario[] = [
  {
    id: 'proxy-get-where-direct-is-blocked',
    title: 'Through the dev proxy, a GET the API would block',
    category: 'proxy',
    pageOrigins: ALL_PAGES,
    request: { target: 'same-page-origin', path: '/proxy/lab/none?run={run}' },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [page, allowed(SIMPLE_RAN, { body: { ok: true, route: 'none' } })]),
    ),
    explanation: `Direct, this request is blocked (scenario simple-get-no-cors-headers). ${WHY}`,
    fix: NOT_PRODUCTION,
  },
  {
    id: 'proxy-put-json-no-preflight',
    title: 'Through the dev proxy, a JSON PUT with a custom header and no preflight',
    category: 'proxy',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'same-page-origin',
      path: '/proxy/lab/none?run={run}',
      method: 'PUT',
      headers: { 'X-Request-Id': 'lab-42' },
      body: { type: 'json', value: { text: 'hello' } },
    },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [page, allowed(SIMPLE_RAN, { body: { ok: true, method: 'PUT' } })]),
    ),
    explanation: `The log shows the PUT and no OPTIONS. ${WHY}`,
    fix: NOT_PRODUCTION,
  },
];
