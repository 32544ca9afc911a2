import type { Scenario } from '../types.js';
import { NOTHING, SIMPLE_RAN, allowed, blocked } from './expectations.js';
import { WEBKIT_LOOPBACK_MIXED_CONTENT } from './sources.js';

const ECHO = '/lab/scheme/echo?run={run}';

const webkitBlocksLoopback = {
  engine: 'webkit',
  expected: { 'web-tls': blocked(NOTHING) },
  source: WEBKIT_LOOPBACK_MIXED_CONTENT,
  note: "WebKit blocks an https page's fetch() to http://localhost or 127.0.0.1 as mixed content before it leaves the browser; Chromium and Firefox treat loopback as potentially trustworthy and send it.",
} as const;

export const SCHEME: readonly Scenario[] = [
  {
    id: 'scheme-http-page-to-https-api',
    title: 'An http page calls the API over https',
    category: 'scheme',
    pageOrigins: ['web'],
    request: { target: 'api-tls', path: ECHO },
    expected: { web: allowed(SIMPLE_RAN) },
    explanation:
      'http://localhost:3000 and https://localhost:8443 are two origins (scheme and port differ), so this is an ordinary cross-origin request. Going from http up to https is never mixed content, and the API lists the http page, so it reads the answer.',
    fix: 'Nothing to fix: list the page origin with its scheme (`http://localhost:3000`) in the API policy.',
  },
  {
    id: 'scheme-https-page-to-http-localhost-api',
    title: 'An https page calls the API over plain http on localhost (mixed content)',
    category: 'scheme',
    pageOrigins: ['web-tls'],
    request: { target: 'api', path: ECHO },
    expected: { 'web-tls': allowed(SIMPLE_RAN) },
    engines: [webkitBlocksLoopback],
    explanation:
      'An https page fetching http:// is mixed content, which browsers block before any CORS check. The Mixed Content and Secure Contexts specifications exempt loopback (`localhost`, 127.0.0.0/8, ::1) as potentially trustworthy: Chromium and Firefox send the request and the CORS answer decides. WebKit still blocks it, and nothing reaches the server.',
    fix: 'Serve the API over https as well (the lab does on :8443), so the page never mixes schemes; in production an http API behind an https page is always blocked.',
  },
  {
    id: 'scheme-https-page-to-http-loopback-ip-api',
    title: 'An https page calls the API over plain http on 127.0.0.1 (mixed content, another site)',
    category: 'scheme',
    pageOrigins: ['web-tls'],
    request: { target: 'api-alt-host', path: ECHO },
    expected: { 'web-tls': allowed(SIMPLE_RAN) },
    engines: [webkitBlocksLoopback],
    explanation:
      '127.0.0.1 is loopback too, so Chromium and Firefox send the request; WebKit blocks it as mixed content. It is also another site than localhost, which matters for cookies, not for this credential-less read.',
    fix: 'Serve the API over https.',
  },
  {
    id: 'scheme-allow-origin-names-http-for-https-page',
    title: '`Access-Control-Allow-Origin` names the https page with `http://`',
    category: 'scheme',
    pageOrigins: ['web-tls'],
    request: { target: 'api-tls', path: '/lab/wrong-origin/tls-page-as-http?run={run}' },
    expected: { 'web-tls': blocked(SIMPLE_RAN) },
    explanation:
      'The page origin is https://localhost:3443; the answer says http://localhost:3443. The scheme is part of the origin and the comparison is byte for byte, so every engine refuses the answer (the GET itself ran on the server).',
    fix: 'Allow-list the origin the browser sends, scheme included: after moving the front end to https, replace `http://app.example.com` with `https://app.example.com` in the policy.',
  },
  {
    id: 'scheme-https-page-not-on-http-allow-list',
    title: 'An https page calling a policy that lists only the http front end',
    category: 'scheme',
    pageOrigins: ['web-tls'],
    request: { target: 'api-tls', path: '/lab/exact?run={run}' },
    expected: { 'web-tls': blocked(SIMPLE_RAN) },
    explanation:
      'The policy allows http://localhost:3000 only. The https page on the same host is another origin, so the policy sends no `Access-Control-Allow-Origin` and the engine refuses the answer.',
    fix: 'Add the https origin to the allow-list (or move the policy to it), e.g. `CORS_ALLOWED_ORIGINS=https://localhost:3443`.',
  },
];
