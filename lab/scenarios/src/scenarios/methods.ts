import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  NOTHING,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  WEB_PAGE,
  allowed,
  blocked,
  refused,
} from './expectations.js';

function allowedMethod(method: string): Scenario {
  return {
    id: `methods-${method.toLowerCase()}-allowed`,
    title: `${method} to a policy that allows it`,
    category: 'methods',
    pageOrigins: method === 'PUT' ? ALL_PAGES : WEB_PAGE,
    request: { target: 'api', path: '/lab/exact?run={run}', method },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { ok: true, method } }),
      ...(method === 'PUT' && {
        'web-alt-port': blocked(PREFLIGHT_ONLY),
        'web-alt-host': blocked(PREFLIGHT_ONLY),
      }),
    },
    explanation: `${method} is not a safelisted method, so it is preflighted; the policy's default methods include it.`,
    fix: "Keep the methods the API serves in the policy's `methods`.",
  };
}

function refusedMethod(method: string): Scenario {
  return {
    id: `methods-${method.toLowerCase()}-refused`,
    title: `${method} to a policy that allows only GET and POST`,
    category: 'methods',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/methods/read-only?run={run}', method },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation: `The preflight answer's \`Access-Control-Allow-Methods\` does not contain ${method}, so the browser never sends it.`,
    fix: `Add ${method} to the policy's methods if the page may use it.`,
  };
}

export const METHODS: readonly Scenario[] = [
  ...['PUT', 'PATCH', 'DELETE'].map(allowedMethod),
  ...['PUT', 'PATCH', 'DELETE'].map(refusedMethod),
  {
    id: 'methods-lowercase-patch',
    title: "fetch() with method 'patch' in lower case",
    category: 'methods',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/exact?run={run}', method: 'patch' },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT. `patch` stays lower case, and methods compare case-sensitively: `Access-Control-Allow-Methods: ... PATCH ...` does not allow `patch`.',
    fix: "Write `method: 'PATCH'` in upper case.",
  },
  {
    id: 'methods-trace-forbidden',
    title: 'fetch() refuses the forbidden TRACE method',
    category: 'methods',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/exact?run={run}', method: 'TRACE' },
    expected: { web: refused(NOTHING) },
    explanation:
      'CONNECT, TRACE and TRACK are forbidden methods: fetch() throws a TypeError before sending anything, whatever the server would say.',
    fix: 'Use another method; no server setting allows these from a page.',
  },
];
