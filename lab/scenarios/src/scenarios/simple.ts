import type { Scenario } from '../types.js';
import { ALL_PAGES, SIMPLE_RAN, allowed, blocked } from './expectations.js';

export const SIMPLE: readonly Scenario[] = [
  {
    id: 'simple-get-allowed',
    title: 'A simple GET to an API that allows the web origin',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/exact?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { ok: true, route: 'exact' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'A GET without custom headers is a simple request: no preflight. The API answers every origin, but adds `Access-Control-Allow-Origin` only for the web origin, so only that page may read the answer. The other two pages are different origins (another port, another host spelling) and get a TypeError.',
    fix: 'Add each origin that must read the API to its allow-list (CORS_ALLOWED_ORIGINS), spelled exactly as the browser serializes it.',
  },
  {
    id: 'simple-get-no-cors-headers',
    title: 'A simple GET to an API that sends no CORS headers',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/none?run={run}' },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The request is sent and the server answers 200, but without `Access-Control-Allow-Origin` the browser hides the response: "No \'Access-Control-Allow-Origin\' header is present on the requested resource".',
    fix: "Configure CORS on the server for the page origin, e.g. `app.use(corsMiddleware(definePolicy({ origins: ['http://localhost:3000'] })))`.",
  },
  {
    id: 'simple-get-wildcard',
    title: 'A simple GET to a public resource answering `*`',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: { target: 'api', path: '/lab/wildcard?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { ok: true } }),
      'web-alt-port': allowed(SIMPLE_RAN, { body: { ok: true } }),
      'web-alt-host': allowed(SIMPLE_RAN, { body: { ok: true } }),
    },
    explanation:
      '`Access-Control-Allow-Origin: *` lets any origin read a response fetched without credentials.',
    fix: 'Nothing to fix for public, cookie-free data. Never use `*` for data that depends on who asks.',
  },
  {
    id: 'simple-post-text-allowed',
    title: 'A text/plain POST needs no preflight',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/exact?run={run}',
      method: 'POST',
      body: { type: 'text', value: 'hello' },
    },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { ok: true, method: 'POST' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'POST with a `text/plain` body is a simple request: the browser sends it at once, with no OPTIONS first. The server runs the handler for every page; only the web origin may read the answer.',
    fix: 'For the other pages, allow their origin on the server. Do not rely on CORS to stop the write itself: a simple request runs before the browser checks the answer.',
  },
  {
    id: 'simple-post-blocked-still-ran',
    title: 'A blocked simple POST still ran on the server',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/none?run={run}',
      method: 'POST',
      body: { type: 'text', value: 'side effect' },
    },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The page sees a TypeError, yet the request log shows the POST arrived and the handler answered 200. CORS protects the response from being read, not the server from being called.',
    fix: 'Allow the origin on the server to read the answer; protect state-changing routes with CSRF defences (SameSite cookies, tokens, requiring a non-simple Content-Type), not with CORS.',
  },
  {
    id: 'simple-post-form-blocked-still-ran',
    title: 'A blocked form-encoded POST still ran on the server',
    category: 'simple',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/none?run={run}',
      method: 'POST',
      body: { type: 'urlencoded', value: { note: 'written anyway' } },
    },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      '`application/x-www-form-urlencoded` is a safelisted Content-Type, so this is what an HTML form could send too: no preflight, the handler runs, and only the answer is hidden from the page.',
    fix: 'Same as any simple request: allow the origin to read the answer, and never treat CORS as protection against the write.',
  },
];
