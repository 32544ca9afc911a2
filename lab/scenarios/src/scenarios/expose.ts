import type { Scenario } from '../types.js';
import { SIMPLE_RAN, WEB_PAGE, allowed } from './expectations.js';

export const EXPOSE: readonly Scenario[] = [
  {
    id: 'expose-listed-header',
    title: 'A response header listed in Access-Control-Expose-Headers',
    category: 'expose',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/expose/listed?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, {
        readableHeaders: ['content-type', 'x-request-id'],
        hiddenHeaders: ['x-lab-total'],
      }),
    },
    explanation:
      "The server sends X-Request-Id and X-Lab-Total but exposes only X-Request-Id. `response.headers.get('x-lab-total')` returns null although the header was on the wire (the request log shows it).",
    fix: 'List every response header the page reads in exposedHeaders.',
  },
  {
    id: 'expose-nothing',
    title: 'Custom response headers without Access-Control-Expose-Headers',
    category: 'expose',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/expose/none?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, {
        readableHeaders: ['content-type'],
        hiddenHeaders: ['x-request-id', 'x-lab-total'],
      }),
    },
    explanation:
      'A cross-origin page reads only the safelisted response headers (Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma) unless the server exposes more.',
    fix: "Add `exposedHeaders: ['X-Request-Id']` (or whichever headers the page needs) to the policy.",
  },
  {
    id: 'expose-wildcard-never-set-cookie',
    title: '`Access-Control-Expose-Headers: *` exposes all but Set-Cookie',
    category: 'expose',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/expose/wildcard?run={run}' },
    expected: {
      web: allowed(SIMPLE_RAN, {
        readableHeaders: ['x-request-id', 'x-lab-total'],
        hiddenHeaders: ['set-cookie'],
      }),
    },
    explanation:
      'Without credentials `*` exposes every response header, except `Set-Cookie`, which no page can ever read.',
    fix: 'Read the session state from the body or a dedicated endpoint, never from Set-Cookie.',
  },
];
