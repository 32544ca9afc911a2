import type { Scenario } from '../types.js';
import { WEB_PAGE, allowed, reached } from './expectations.js';

export const CACHING: readonly Scenario[] = [
  {
    id: 'caching-max-age-600',
    title: '20 PUTs with `Access-Control-Max-Age: 600`: one preflight',
    category: 'caching',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/cache/600?run={run}', method: 'PUT', repeat: 20 },
    expected: { web: allowed(reached(1, 20), { body: { ok: true, method: 'PUT' } }) },
    explanation:
      "The first PUT is preflighted; the browser caches the answer for 600 s (within every engine's cap: Chromium 2 h, Firefox 24 h, WebKit 600 s) and sends the next 19 PUTs straight away.",
    fix: 'Set a max-age (e.g. 600) on preflight answers to save a round trip per request.',
  },
  {
    id: 'caching-max-age-0',
    title: '20 PUTs with `Access-Control-Max-Age: 0`: twenty preflights',
    category: 'caching',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/cache/0?run={run}', method: 'PUT', repeat: 20 },
    expected: { web: allowed(reached(20, 20), { body: { ok: true, method: 'PUT' } }) },
    explanation: 'A max-age of 0 forbids caching: every PUT costs an OPTIONS round trip first.',
    fix: 'Send a positive `Access-Control-Max-Age`; without the header browsers cache for only 5 s.',
  },
];
