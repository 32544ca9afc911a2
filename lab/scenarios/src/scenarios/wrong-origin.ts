import type { Scenario } from '../types.js';
import { ALL_PAGES, NOTHING, SIMPLE_RAN, allowed, blocked } from './expectations.js';

const WRONG_VALUE_FIX =
  "Echo the request's `Origin` exactly when it is on the allow-list (what `@cors-lab/cors-policy` does), never a hand-typed string, list or pattern.";

export const WRONG_ORIGIN: readonly Scenario[] = [
  {
    id: 'wrong-port-page',
    title: 'A page on :3001 calls the API that allows :3000',
    category: 'wrong-origin',
    pageOrigins: ['web-alt-port'],
    request: { target: 'api', path: '/api/notes?run={run}' },
    expected: { 'web-alt-port': blocked(SIMPLE_RAN) },
    explanation:
      'An origin is scheme + host + port: `http://localhost:3001` is not `http://localhost:3000`. The main API allows only the latter, so it sends no `Access-Control-Allow-Origin` to this page.',
    fix: 'Add `http://localhost:3001` to CORS_ALLOWED_ORIGINS if that page must read the API.',
  },
  {
    id: 'wrong-port-api',
    title: 'The page on :3000 calls the API listening on :8001',
    category: 'wrong-origin',
    pageOrigins: ['web'],
    request: { target: 'api-alt-port', path: '/api/notes?run={run}' },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'The second listener on :8001 serves the same API under a policy for the :3001 page. The request reaches it and runs; the answer carries no CORS header for :3000, so the page gets a TypeError.',
    fix: "Call the API on the port whose policy allows this page, or add this page's origin to that listener's policy (ALT_CORS_ALLOWED_ORIGINS).",
  },
  {
    id: 'alt-port-api-policy',
    title: 'The :8001 listener allows only the :3001 page',
    category: 'wrong-origin',
    pageOrigins: ALL_PAGES,
    request: { target: 'api-alt-port', path: '/api/notes?run={run}' },
    expected: {
      web: blocked(SIMPLE_RAN),
      'web-alt-port': allowed(SIMPLE_RAN),
      'web-alt-host': blocked(SIMPLE_RAN),
    },
    explanation:
      'Each listener has its own allow-list. The same request from three pages gets three different answers, decided by the `Origin` header alone.',
    fix: 'Allow exactly the origins that must read each server; nothing else needs to change.',
  },
  {
    id: 'wrong-host-spelling',
    title: 'A page opened as 127.0.0.1:3000 calls the API that allows localhost:3000',
    category: 'wrong-origin',
    pageOrigins: ['web-alt-host'],
    request: { target: 'api', path: '/api/notes?run={run}' },
    expected: { 'web-alt-host': blocked(SIMPLE_RAN) },
    explanation:
      '`http://127.0.0.1:3000` and `http://localhost:3000` reach the same server but are different origins (and different sites, for cookies). The browser sends `Origin: http://127.0.0.1:3000`, which is not on the list.',
    fix: 'Open the page with the host spelling the API allows, or add `http://127.0.0.1:3000` to CORS_ALLOWED_ORIGINS.',
  },
  {
    id: 'closed-port',
    title: 'A port where nothing listens fails like a CORS block',
    category: 'wrong-origin',
    pageOrigins: ALL_PAGES,
    request: { target: 'closed-port', path: '/lab/none?run={run}' },
    expected: {
      web: blocked(NOTHING),
      'web-alt-port': blocked(NOTHING),
      'web-alt-host': blocked(NOTHING),
    },
    explanation:
      'A refused connection rejects fetch() with the same TypeError as a CORS failure ("Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"). Only the server side tells them apart: the request log shows nothing arrived.',
    fix: 'Start the server, or fix the port in the URL. Check the browser console or the server log before touching CORS settings.',
  },
  {
    id: 'allow-origin-trailing-slash',
    title: 'Access-Control-Allow-Origin with a trailing slash',
    category: 'wrong-origin',
    pageOrigins: ['web'],
    request: { target: 'api', path: '/lab/wrong-origin/trailing-slash?run={run}' },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'The browser compares the header with the serialized origin byte for byte: `http://localhost:3000/` is not `http://localhost:3000`.',
    fix: WRONG_VALUE_FIX,
  },
  {
    id: 'allow-origin-list',
    title: 'Access-Control-Allow-Origin listing two origins',
    category: 'wrong-origin',
    pageOrigins: ['web', 'web-alt-port'],
    request: { target: 'api', path: '/lab/wrong-origin/origin-list?run={run}' },
    expected: { web: blocked(SIMPLE_RAN), 'web-alt-port': blocked(SIMPLE_RAN) },
    explanation:
      'The header holds one origin or `*`. A comma-separated list matches no origin, not even the ones it names.',
    fix: WRONG_VALUE_FIX,
  },
  {
    id: 'allow-origin-other-scheme',
    title: 'Access-Control-Allow-Origin with https:// for an http:// page',
    category: 'wrong-origin',
    pageOrigins: ['web'],
    request: { target: 'api', path: '/lab/wrong-origin/other-scheme?run={run}' },
    expected: { web: blocked(SIMPLE_RAN) },
    explanation:
      'The scheme is part of the origin: `https://localhost:3000` is another origin than `http://localhost:3000`.',
    fix: WRONG_VALUE_FIX,
  },
];
