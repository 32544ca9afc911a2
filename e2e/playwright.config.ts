import { fileURLToPath } from 'node:url';
import { originsFromEnv } from '@cors-lab/scenarios';
import { defineConfig } from '@playwright/test';
import type { EngineWorkerOptions } from './engines/fixture.js';
import { engineProjects } from './engines/projects.js';
import { readChoice } from './provision/choice.mjs';

// Which builds run (Playwright's or Debian's) was decided by provision/run.mjs before this.
const choice = readChoice();
const ci = !!process.env.CI;
const origins = originsFromEnv(process.env);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const externalServers = readExternalServers(process.env.E2E_EXTERNAL_SERVERS);

/**
 * E2E_EXTERNAL_SERVERS=1: the API and the web app already run at the *_ORIGIN addresses (e.g. the
 * compose stack test:docker starts), so Playwright starts no server of its own.
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
  webServer: externalServers
    ? []
    : [
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
      ],
  projects: engineProjects(choice),
});
