import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  WEB_PAGE,
  allowed,
  blocked,
} from './expectations.js';

const JSON_BODY = { type: 'json', value: { text: 'hello' } } as const;

export const PREFLIGHT: readonly Scenario[] = [
  {
    id: 'preflight-json-allowed',
    title: 'A JSON POST is preflighted and allowed',
    category: 'preflight',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/exact?run={run}', method: 'POST', body: JSON_BODY },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { ok: true, method: 'POST' } }),
      'web-alt-port': blocked(PREFLIGHT_ONLY),
      'web-alt-host': blocked(PREFLIGHT_ONLY),
    },
    explanation:
      '`Content-Type: application/json` is not a safelisted value, so the browser first sends `OPTIONS` with `Access-Control-Request-Headers: content-type`. The policy allows Content-Type for the web origin; for the other pages the preflight fails and the POST is never sent.',
    fix: 'Allow the page origin; the policy allows Content-Type by default.',
  },
  {
    id: 'preflight-json-refused',
    title: 'A JSON POST to a server that allows no request headers',
    category: 'preflight',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/headers/none?run={run}',
      method: 'POST',
      body: JSON_BODY,
    },
    expected: {
      web: blocked(PREFLIGHT_ONLY),
      'web-alt-port': blocked(PREFLIGHT_ONLY),
      'web-alt-host': blocked(PREFLIGHT_ONLY),
    },
    explanation:
      'The preflight answer does not list `content-type` in `Access-Control-Allow-Headers`, so the browser stops: the POST never reaches the server (the log shows one OPTIONS and nothing else).',
    fix: 'Add `Content-Type` to the allowed headers, or send a safelisted type such as `text/plain` and parse it on the server.',
  },
  {
    id: 'preflight-json-wildcard',
    title: 'A JSON POST to a public `*` resource',
    category: 'preflight',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/wildcard?run={run}', method: 'POST', body: JSON_BODY },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL),
      'web-alt-port': allowed(PREFLIGHT_THEN_ACTUAL),
      'web-alt-host': allowed(PREFLIGHT_THEN_ACTUAL),
    },
    explanation:
      'The preflight answer allows any origin and Content-Type; the POST follows from every page.',
    fix: 'Nothing to fix for public, cookie-free endpoints.',
  },
  {
    id: 'preflight-answered-401',
    title: 'A preflight that an auth guard answers 401',
    category: 'preflight',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/preflight/into-guard?run={run}',
      method: 'PUT',
      headers: { Authorization: 'Bearer lab-token' },
    },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'The preflight carries no `Authorization` and no cookies, so a guard that demands them answers 401. The CORS headers are there, but a preflight must answer 2xx: "Response to preflight request doesn\'t pass access control check: It does not have HTTP ok status."',
    fix: 'End preflights in the CORS middleware (204) before any auth guard runs; never pass OPTIONS on to authentication.',
  },
];
