import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_THEN_ACTUAL,
  SIMPLE_RAN,
  WEB_PAGE,
  allowed,
  blocked,
} from './expectations.js';

export const ERRORS: readonly Scenario[] = [
  {
    id: 'errors-500-keeps-cors-headers',
    title: 'A 500 that keeps its CORS headers',
    category: 'errors',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/errors/with-cors?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, { status: 500, body: { status: 500 } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The CORS middleware ran before the handler threw, and the error handler keeps the headers: the page reads status 500 and the JSON error instead of a bare "CORS error".',
    fix: 'Mount the CORS middleware first and never clear headers in the error handler.',
  },
  {
    id: 'errors-401-before-cors',
    title: 'A 401 from a guard mounted before the CORS middleware',
    category: 'errors',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/errors/guard-before-cors?run={run}' },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'The guard answers 401 before CORS runs, so the answer has no `Access-Control-Allow-Origin`. The page sees a CORS error and cannot tell the user to log in.',
    fix: 'Mount the CORS middleware before authentication, so errors carry CORS headers too.',
  },
  {
    id: 'errors-404-json-readable',
    title: 'A JSON 404 from the main API is readable',
    category: 'errors',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/api/notes/999999999?run={run}' },
    expected: { web: allowed(SIMPLE_RAN, { status: 404, body: { status: 404 } }) },
    explanation:
      'The main API applies its policy before routing, so its JSON 404 carries the CORS headers.',
    fix: 'Nothing to fix: this is how errors should look.',
  },
  {
    id: 'errors-bad-json-400-readable',
    title: 'Malformed JSON gets a readable 400',
    category: 'errors',
    pageOrigins: WEB_PAGE,
    request: {
      target: 'api',
      path: '/api/notes?run={run}',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: { type: 'text', value: '{"text": "unterminated' },
    },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL, { status: 400, body: { status: 400 } }) },
    explanation:
      'The JSON body parser fails; the error handler answers 400 JSON with the CORS headers the policy already set, so the page can show the error.',
    fix: 'Nothing to fix: a bad request should be a readable 400, not a CORS error.',
  },
];
