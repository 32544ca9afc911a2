import type { Scenario } from '../types.js';
import {
  ALL_PAGES,
  PREFLIGHT_ONLY,
  PREFLIGHT_THEN_ACTUAL,
  SIMPLE_RAN,
  WEB_PAGE,
  allowed,
  blocked,
} from './expectations.js';

const JSON_PUT = {
  method: 'PUT',
  body: { type: 'json', value: { text: 'hello' } },
} as const;
const data = (path: string) => `${path}/data?run={run}`;

export const FLASK: readonly Scenario[] = [
  {
    id: 'flask-seed-origins',
    title: "Flask: the seed's CORS(app, origins=...) allows the web origin only",
    category: 'flask',
    pageOrigins: ALL_PAGES,
    request: { target: 'flask', path: data('/seed/origins') },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { case: 'seed/origins' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'flask_cors echoes the Origin only when it is in `origins`; for any other origin it sends no Access-Control-Allow-Origin and the browser hides the answer (the view still ran).',
    fix: 'List every front-end origin in `origins=[...]`, exactly as browsers send them.',
  },
  {
    id: 'flask-seed-origins-preflight',
    title: 'Flask: flask_cors answers the preflight of a JSON PUT',
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/seed/origins'), ...JSON_PUT },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { method: 'PUT' } }) },
    explanation:
      'flask_cors answers OPTIONS itself (automatic_options) and, at its defaults, allows every method and reflects the requested headers, so the preflight passes and the PUT follows.',
    fix: 'Nothing to fix; narrow `methods` and `allow_headers` if the API needs fewer.',
  },
  {
    id: 'flask-seed-credentials',
    title: 'Flask: supports_credentials=True lets the web origin send cookies',
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/seed/credentials'), credentials: 'include' },
    expected: { web: allowed(SIMPLE_RAN, { body: { case: 'seed/credentials' } }) },
    explanation:
      'With credentials the browser needs the exact origin and `Access-Control-Allow-Credentials: true`; flask_cors sends both for an origin in its list.',
    fix: 'Nothing to fix: keep `origins` an explicit list whenever `supports_credentials=True`.',
  },
  {
    id: 'flask-seed-after-request',
    title: "Flask: the seed's after_request headers, from each page origin",
    category: 'flask',
    pageOrigins: ALL_PAGES,
    request: { target: 'flask', path: data('/seed/after-request') },
    expected: {
      web: allowed(SIMPLE_RAN, { body: { case: 'seed/after-request' } }),
      'web-alt-port': blocked(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'The hand-written header names one fixed origin, so every other page origin gets a value that is not its own.',
    fix: 'Compare the request Origin with an allow-list and echo it (with `Vary: Origin`), or use flask_cors.',
  },
  {
    id: 'flask-seed-after-request-preflight',
    title: "Flask: Flask's own OPTIONS answer goes through after_request",
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/seed/after-request'), ...JSON_PUT },
    expected: { web: allowed(PREFLIGHT_THEN_ACTUAL, { body: { method: 'PUT' } }) },
    explanation:
      'Flask answers OPTIONS by itself, but after_request functions still run on that answer, so the preflight carries the three headers and allows PUT with Content-Type.',
    fix: 'Nothing to fix for this origin.',
  },
  {
    id: 'flask-mistake-default',
    title: 'Flask: CORS(app) at its defaults lets every origin read',
    category: 'flask',
    pageOrigins: ALL_PAGES,
    request: { target: 'flask', path: data('/mistake/default') },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [page, allowed(SIMPLE_RAN, { body: { case: 'mistake/default' } })]),
    ),
    explanation:
      "flask_cors's default `origins='*'` with `send_wildcard=False` echoes whatever Origin arrives, so any site can read the answer.",
    fix: 'Pass `origins=[...]` with the front ends that need the API.',
  },
  {
    id: 'flask-mistake-default-credentials',
    title: 'Flask: CORS(app, supports_credentials=True) hands any site the cookies',
    category: 'flask',
    pageOrigins: ALL_PAGES,
    request: {
      target: 'flask',
      path: data('/mistake/default-credentials'),
      credentials: 'include',
    },
    expected: Object.fromEntries(
      ALL_PAGES.map((page) => [
        page,
        allowed(SIMPLE_RAN, { body: { case: 'mistake/default-credentials' } }),
      ]),
    ),
    explanation:
      'The echoed origin plus `Access-Control-Allow-Credentials: true` passes the credentialed check for every origin: any page the user visits can read their data with their cookies.',
    fix: 'Never combine `supports_credentials=True` with the default origins; list them.',
  },
  {
    id: 'flask-mistake-double',
    title: 'Flask: headers.add on top of flask_cors sends Allow-Origin twice',
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/mistake/double') },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'flask_cors sets Access-Control-Allow-Origin, then an after_request registered before it adds a second one; browsers combine the two into `a, b`, which matches no origin.',
    fix: 'Let one layer own CORS: drop the hand-written headers or flask_cors.',
  },
  {
    id: 'flask-mistake-in-view-get',
    title: 'Flask: headers set in the view work for a simple GET',
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/mistake/in-view') },
    expected: { web: allowed(SIMPLE_RAN, { body: { case: 'mistake/in-view' } }) },
    explanation: 'A simple GET reaches the view, which sets the headers itself.',
    fix: 'See flask-mistake-in-view-preflight: the same code fails once a preflight is needed.',
  },
  {
    id: 'flask-mistake-in-view-preflight',
    title: 'Flask answers the preflight itself, without the headers set in the view',
    category: 'flask',
    pageOrigins: WEB_PAGE,
    request: { target: 'flask', path: data('/mistake/in-view'), ...JSON_PUT },
    expected: { web: blocked(PREFLIGHT_ONLY) },
    explanation:
      'Flask answers OPTIONS with its automatic 200 without calling the view, so the preflight has no CORS headers and the PUT never leaves the browser.',
    fix: 'Set CORS headers in after_request or with flask_cors, which also see the OPTIONS answer.',
  },
];
