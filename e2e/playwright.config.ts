import { fileURLToPath } from 'node:url';
import { originsFromEnv } from '@cors-lab/scenarios';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import type { EngineWorkerOptions } from './engines/fixture.js';
import { engineProjects } from './engines/projects.js';
import { readChoice } from './provision/choice.mjs';

// Which builds run (Playwright's or Debian's) was decided by provision/run.mjs before this.
const choice = readChoice();
const ci = !!process.env.CI;
const origins = originsFromEnv(process.env);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The lab's system servers listen on the ports of their origins (FLASK_ORIGIN, NGINX_ORIGIN, VITE_ORIGIN). */
const portOf = (origin: string) => new URL(origin).port;
const externalServers = readExternalServers(process.env.E2E_EXTERNAL_SERVERS);

/**
 * E2E_EXTERNAL_SERVERS=1: the lab API and web app already run at the *_ORIGIN addresses (e.g. the
 * compose stack test:docker starts), so Playwright starts only the seed's other servers.
 */
function readExternalServers(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(
    `E2E_EXTERNAL_SERVERS=${JSON.stringify(value)}; set it to 1 to test servers that already run, or unset it.`,
  );
}

export default defineConfig<object, EngineWorkerOptions>({
  testDir: './tests',
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never' }],
    ['./reporting/engine-summary.ts'],
    ['./reporting/matrix-reporter.ts'],
  ],
  use: { trace: 'on-first-retry' },
  // The API's second listener and the web app's second port come up with their first; this
  // waits for them too before any test opens a page there.
  globalSetup: './tests/servers/second-ports-ready.ts',
  // Production builds in CI (turbo builds them first: test:e2e depends on ^build); locally the
  // dev servers already running on these ports are reused.
  webServer: [
    ...(externalServers ? [] : labServers()),
    // The seed's other servers: Debian's Flask and nginx (installed by their launchers when missing
    // and run as root, else a failure naming the apt-get command), and the Vite dev proxy.
    {
      command: 'pnpm --filter @cors-lab/flask-api start',
      cwd: repoRoot,
      url: `${origins.flask}/health`,
      env: { FLASK_PORT: portOf(origins.flask) },
      reuseExistingServer: !ci,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'pnpm --filter @cors-lab/nginx start',
      cwd: repoRoot,
      url: `${origins.nginx}/health`,
      env: { NGINX_PORT: portOf(origins.nginx) },
      reuseExistingServer: !ci,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'pnpm --filter @cors-lab/vite-proxy start',
      cwd: repoRoot,
      url: `${origins.vite}/`,
      reuseExistingServer: !ci,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
  projects: engineProjects(choice),
});

type WebServer = Extract<PlaywrightTestConfig['webServer'], readonly unknown[]>[number];

/** The lab API and web app as production servers (E2E_EXTERNAL_SERVERS=1 leaves them out). */
function labServers(): WebServer[] {
  return [
    {
      command: 'node lab/api/dist/index.js',
      cwd: repoRoot,
      url: `${origins.api}/health`,
      reuseExistingServer: !ci,
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: 'node lab/web/scripts/serve.mjs start',
      cwd: repoRoot,
      url: `${origins.web}/matrix`,
      reuseExistingServer: !ci,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ];
}
