// Request bodies whose Content-Type the page never wrote: fetch() derives it from the body.
import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  SIMPLE_RAN,
  allowed,
  blocked,
} from './expectations.js';

const EXACT = '/lab/exact?run={run}';

export const BODIES: readonly Scenario[] = [
  {
    id: 'body-blob-json',
    title: 'A POST whose body is a JSON `Blob`',
    category: 'bodies',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: EXACT,
      method: 'POST',
      body: { type: 'blob', value: '{"text":"hello"}', contentType: 'application/json' },
    },
    expected: {
      web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { method: 'POST' } }),
      'web-alt-port': blocked(PREFLIGHT_ONLY),
      'web-alt-host': blocked(PREFLIGHT_ONLY),
    },
    explanation:
      "The page sets no header, but a Blob's `type` becomes the request's Content-Type: `application/json` is not one of the three safelisted types, so the browser preflights. The exact-origin policy allows Content-Type for the web origin only.",
    fix: 'Nothing to fix for the web origin; other pages need to be on the policy. A Blob without a type sends no Content-Type and needs no preflight.',
  },
  {
    id: 'body-blob-untyped',
    title: 'A POST whose body is a `Blob` without a type',
    category: 'bodies',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: EXACT,
      method: 'POST',
      body: { type: 'blob', value: '{"text":"hello"}' },
    },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { method: 'POST' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'A Blob with an empty `type` gives the request no Content-Type at all, so the POST is simple: no preflight, the handler runs for every page, and only the web origin may read the answer.',
    fix: 'Nothing to fix; remember the server ran the POST even where the page could not read it.',
  },
  {
    id: 'body-form-data',
    title: 'A POST whose body is a `FormData`',
    category: 'bodies',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'api',
      path: EXACT,
      method: 'POST',
      body: { type: 'form-data', value: { text: 'hello' } },
    },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { method: 'POST' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'A FormData body is sent as `multipart/form-data; boundary=…`, a safelisted type, so the POST is simple, as an HTML form could send it: the handler runs for every page, and only the web origin may read the answer.',
    fix: 'Nothing to fix; a server that must not act on cross-origin form posts checks the Origin itself (or a CSRF token).',
  },
];
