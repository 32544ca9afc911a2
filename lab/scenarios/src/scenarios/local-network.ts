import type { Scenario } from '../types.js';
import { NOTHING, SIMPLE_RAN, allowed, blocked } from './expectations.js';
import { CHROMIUM_LOCAL_NETWORK_ACCESS } from './sources.js';

const chromiumAsksFirst = {
  engine: 'chromium',
  expected: { 'web-public': blocked(NOTHING) },
  source: CHROMIUM_LOCAL_NETWORK_ACCESS,
  note: "Chromium (Local Network Access) refuses a public page's request to a loopback address until the user grants the `local-network-access` permission; the e2e suite makes 127.0.0.2:3000 public with `--ip-address-space-overrides` and shows the grant in local-network-access.spec.ts.",
} as const;

export const LOCAL_NETWORK: readonly Scenario[] = [
  {
    id: 'local-network-public-page-to-loopback-api',
    title: 'A page on a public address calls the API on localhost',
    category: 'local-network',
    pageOrigins: ['web-public'],
    request: { target: 'api', path: '/lab/scheme/echo?run={run}' },
    expected: { 'web-public': allowed(SIMPLE_RAN) },
    engines: [chromiumAsksFirst],
    explanation:
      'The CORS answer allows the page. In Chromium the page counts as public (the suite says so for 127.0.0.2:3000) and the API is on loopback: Local Network Access stops the request before it is sent, with "Permission was denied for this request to access the `loopback` address space". Firefox and WebKit have no such check and read the answer.',
    fix: "A public site that must reach a device or service on the user's machine asks for the permission (Chromium prompts; the lab grants it with Playwright's `grantPermissions(['local-network-access'])`). In development, serve the page from localhost too.",
  },
  {
    id: 'local-network-public-page-to-loopback-https-api',
    title: 'A page on a public address calls the https API on localhost',
    category: 'local-network',
    pageOrigins: ['web-public'],
    request: { target: 'api-tls', path: '/lab/scheme/echo?run={run}' },
    expected: { 'web-public': allowed(SIMPLE_RAN) },
    engines: [chromiumAsksFirst],
    explanation:
      'https does not change the address space: the API is still on loopback, so Chromium asks for the same permission first.',
    fix: 'As for plain http: the permission, or a page on the same address space.',
  },
];
