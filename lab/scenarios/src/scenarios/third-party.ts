import type { Scenario } from '../types.js';
import { ALL_PAGES, SIMPLE_RAN, allowed, blocked } from './expectations.js';

const UPSTREAM = '/lab/third-party/forecast';

export const THIRD_PARTY: readonly Scenario[] = [
  {
    id: 'third-party-direct',
    title: 'A third-party API without CORS headers, called from the page',
    category: 'third-party',
    pageOrigins: ['web-alt-port'],
    request: { target: 'api', path: `${UPSTREAM}?run={run}` },
    expected: { 'web-alt-port': blocked(SIMPLE_RAN) },
    explanation:
      'The API sends no Access-Control-Allow-Origin (it is not ours to configure) and wants an API key the page must not hold; the browser hides its 401.',
    fix: 'Call it from your own backend (scenario third-party-backend-route), never with the key in the page.',
  },
  {
    id: 'third-party-backend-route',
    title: 'A Next.js backend route calls the third-party API and answers under our policy',
    category: 'third-party',
    pageOrigins: ALL_PAGES,
    request: { target: 'web', path: '/api/third-party?run={run}' },
    expected: {
      web: allowed(undefined, { body: { route: 'third-party', forecast: 'sunny' } }),
      'web-alt-port': allowed(undefined, { body: { route: 'third-party', forecast: 'sunny' } }),
      'web-alt-host': blocked(),
    },
    explanation:
      "The route handler fetches the API server-side, where no browser checks CORS, adds the key from a server environment variable, and answers with the policy's headers through withCors: same-origin from :3000, allowed from :3001, refused from 127.0.0.1.",
    fix: 'The production answer for an API you do not control: a backend route with its own CORS policy; the key never reaches the page.',
  },
];
