import { defineConfig } from '@playwright/test';
import type { EngineWorkerOptions } from './engines/fixture.js';
import { engineProjects } from './engines/projects.js';
import { readChoice } from './provision/choice.mjs';

// Which builds run (Playwright's or Debian's) was decided by provision/run.mjs before this.
const choice = readChoice();

export default defineConfig<object, EngineWorkerOptions>({
  testDir: './tests',
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never' }], ['./reporting/engine-summary.ts']],
  use: { trace: 'retain-on-failure' },
  projects: engineProjects(choice),
});
