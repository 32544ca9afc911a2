import type { Scenario } from '../types.js';
import { ALL_PAGES, allowed, blocked } from './expectations.js';

const JSON_BODY = { type: 'json', value: { text: 'hello' } } as const;

export const NEXT_SERVER: readonly Scenario[] = [
  {
    id: 'next-route-handler-get',
    title: 'A Next.js route handler behind the Fetch adapter: GET',
    category: 'next-server',
    pageOrigins: ALL_PAGES,
    request: { target: 'web', path: '/api/lab/echo?run={run}' },
    expected: {
      web: allowed(undefined, { body: { ok: true, route: 'next-route-handler' } }),
      'web-alt-port': allowed(undefined, { body: { ok: true, route: 'next-route-handler' } }),
      'web-alt-host': blocked(),
    },
    explanation:
      'The route handler wraps its answer with the policy through the Fetch adapter. From :3000 it is same-origin; :3001 is allowed; 127.0.0.1:3000 is another origin and is refused.',
    fix: "Allow the origins that need it in the handler's policy.",
  },
  {
    id: 'next-route-handler-put-preflight',
    title: 'A Next.js route handler: a preflighted JSON PUT with X-Request-Id',
    category: 'next-server',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'web',
      path: '/api/lab/echo?run={run}',
      method: 'PUT',
      headers: { 'X-Request-Id': 'lab-42' },
      body: JSON_BODY,
    },
    expected: {
      web: allowed(undefined, { body: { method: 'PUT' }, readableHeaders: ['x-request-id'] }),
      'web-alt-port': allowed(undefined, {
        body: { method: 'PUT' },
        readableHeaders: ['x-request-id'],
      }),
      'web-alt-host': blocked(),
    },
    explanation:
      "The route's `OPTIONS` export answers the preflight from the policy; the PUT's answer exposes X-Request-Id.",
    fix: 'Export an OPTIONS handler from the route (the adapter builds it).',
  },
  {
    id: 'next-route-handler-header-refused',
    title: 'A Next.js route handler refuses Authorization',
    category: 'next-server',
    pageOrigins: ['web-alt-port'],
    request: {
      target: 'web',
      path: '/api/lab/echo?run={run}',
      headers: { Authorization: 'Bearer lab-token' },
    },
    expected: { 'web-alt-port': blocked() },
    explanation:
      "The handler's policy allows Content-Type and X-Request-Id only; the preflight refuses Authorization.",
    fix: "Add Authorization to the handler's allowedHeaders.",
  },
  {
    id: 'next-proxy-get',
    title: 'Next.js proxy.ts applies the policy to /edge: GET',
    category: 'next-server',
    pageOrigins: ALL_PAGES,
    request: { target: 'web', path: '/edge/echo?run={run}' },
    expected: {
      web: allowed(undefined, { body: { ok: true } }),
      'web-alt-port': allowed(undefined, { body: { ok: true } }),
      'web-alt-host': blocked(),
    },
    explanation:
      "`proxy.ts` (Next 16's middleware) runs before every route under /edge and adds the policy's headers, so the routes themselves stay CORS-free.",
    fix: 'One place for a whole path prefix.',
  },
  {
    id: 'next-proxy-put-preflight',
    title: 'Next.js proxy.ts answers the preflight for /edge',
    category: 'next-server',
    pageOrigins: ['web-alt-port', 'web-alt-host'],
    request: { target: 'web', path: '/edge/echo?run={run}', method: 'PUT', body: JSON_BODY },
    expected: {
      'web-alt-port': allowed(undefined, { body: { method: 'PUT' } }),
      'web-alt-host': blocked(),
    },
    explanation:
      "`proxy.ts` ends OPTIONS requests itself with 204 and the policy's headers; the PUT then reaches the route.",
    fix: 'Let the proxy answer preflights before any route code runs.',
  },
];
