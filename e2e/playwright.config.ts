import { defineConfig } from '@playwright/test';
import type { EngineWorkerOptions } from './engines/fixture.js';
import { engineProjects, remoteProjects, workersFromEnv } from './engines/projects.js';
import { readChoice } from './provision/choice.mjs';

// Which builds run (Playwright's or Debian's) was decided by provision/run.mjs before this.
const choice = readChoice();
const ci = !!process.env.CI;

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
  // Starts the lab's servers (API, web app, Flask, nginx, Vite) without waiting for them: workers
  // launch their engines meanwhile, and each test waits for every origin to answer.
  globalSetup: './servers/lab-servers.ts',
  // One worker per engine, side by side: a page mostly waits on the network, not the CPU.
  workers: workersFromEnv(process.env),
  // Engines on this machine, then any remote endpoint the environment names (docs/grid.md).
  projects: [...engineProjects(choice), ...remoteProjects(choice, process.env)],
});
