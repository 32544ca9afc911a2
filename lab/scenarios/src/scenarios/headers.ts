import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  WEB_PAGE,
  allowed,
  blocked,
} from './expectations.js';

export const HEADERS: readonly Scenario[] = [
  {
    id: 'headers-x-request-id-allowed',
    title: 'A custom X-Request-Id header the server allows',
    category: 'headers',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/headers/custom?run={run}',
      headers: { 'X-Request-Id': 'lab-42' },
    },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { ok: true } }),
      'web-alt-port': blocked(PREFLIGHT_ONLY),
      'web-alt-host': blocked(PREFLIGHT_ONLY),
    },
    explanation:
      'Any non-safelisted request header turns even a GET into a preflighted request. The answer lists `X-Request-Id`, so the GET follows for the allowed origin.',
    fix: 'List every custom request header the page sends in the allowed headers.',
  },
  {
    id: 'headers-x-request-id-refused',
    title: 'A custom X-Request-Id header the server does not allow',
    category: 'headers',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/exact?run={run}', headers: { 'X-Request-Id': 'lab-42' } },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'The route allows only Content-Type. "Request header field x-request-id is not allowed by Access-Control-Allow-Headers in preflight response": the GET is never sent.',
    fix: "Add `X-Request-Id` to the policy's allowedHeaders, or stop sending the header.",
  },
  {
    id: 'headers-authorization-allowed',
    title: 'An Authorization header the server allows',
    category: 'headers',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/headers/custom?run={run}',
      headers: { Authorization: 'Bearer lab-token' },
    },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL) },
    explanation: 'Authorization is never safelisted: it is preflighted, and allowed here by name.',
    fix: 'List `Authorization` explicitly in the allowed headers.',
  },
  {
    id: 'headers-authorization-refused',
    title: 'An Authorization header the server does not allow',
    category: 'headers',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/exact?run={run}',
      headers: { Authorization: 'Bearer lab-token' },
    },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'The preflight answer does not list `authorization`, so the browser never sends the GET.',
    fix: 'Add `Authorization` to allowedHeaders.',
  },
  {
    id: 'headers-authorization-wildcard',
    title: 'Authorization against `Access-Control-Allow-Headers: *`',
    category: 'headers',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/headers/wildcard?run={run}',
      headers: { Authorization: 'Bearer lab-token' },
    },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL) },
    explanation:
      'The Fetch Standard says `*` does not cover Authorization, but Chromium, Firefox and WebKit all still accept it today (whatwg/fetch#1919). Do not rely on it: engines may start enforcing the rule.',
    fix: 'Name `Authorization` explicitly rather than relying on `*`.',
  },
  {
    id: 'headers-custom-wildcard',
    title: 'X-Request-Id against `Access-Control-Allow-Headers: *`',
    category: 'headers',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/lab/headers/wildcard?run={run}',
      headers: { 'X-Request-Id': 'lab-42' },
    },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL) },
    explanation: 'Without credentials, `*` in Allow-Headers allows any request header name.',
    fix: 'Fine for cookie-free requests; with credentials the `*` is a literal name and headers must be listed.',
  },
];
