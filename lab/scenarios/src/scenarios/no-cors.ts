import type { Scenario } from '../types.js';
import { ALL_PAGES, NOTHING, SIMPLE_RAN, WEB_PAGE, opaque, refused } from './expectations.js';

export const NO_CORS: readonly Scenario[] = [
  {
    id: 'no-cors-post-opaque-yet-ran',
    title: "`mode: 'no-cors'` POST: opaque, yet the request ran",
    category: 'no-cors',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: '/lab/none?run={run}',
      method: 'POST',
      mode: 'no-cors',
      body: { type: 'text', value: 'side effect' },
    },
    expected: {
      web: opaque(SIMPLE_RAN),
      'web-alt-port': opaque(SIMPLE_RAN),
      'web-alt-host': opaque(SIMPLE_RAN),
    },
    explanation:
      'fetch() resolves, but with an opaque response: type `opaque`, status 0, no headers, no body. The server received the POST and ran it (see the log). `no-cors` silences the error; it does not make the data readable.',
    fix: 'Not a fix: configure CORS on the server and use the default `cors` mode.',
  },
  {
    id: 'no-cors-get-allowed-route-still-opaque',
    title: "`mode: 'no-cors'` hides even an answer CORS would allow",
    category: 'no-cors',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/exact?run={run}', mode: 'no-cors' },
    expected: { web: opaque(SIMPLE_RAN) },
    explanation:
      'The server allows this origin, but in `no-cors` mode the browser does not run the CORS check at all: the response is opaque whatever headers come back.',
    fix: "Remove `mode: 'no-cors'`.",
  },
  {
    id: 'no-cors-put-refused',
    title: "`mode: 'no-cors'` with PUT is refused before sending",
    category: 'no-cors',
    pageOrigins: WEB_PAGE,
    request: { target: 'api', path: '/lab/none?run={run}', method: 'PUT', mode: 'no-cors' },
    expected: { web: refused(NOTHING) },
    explanation:
      '`no-cors` allows only GET, HEAD and POST: fetch() throws a TypeError at once and nothing reaches the server.',
    fix: 'Use `cors` mode and allow PUT on the server.',
  },
];
