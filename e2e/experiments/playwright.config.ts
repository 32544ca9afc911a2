// The engine experiments: the three engines the e2e suite uses, with no lab servers (each run
// starts its own tiny servers on free ports).
import { defineConfig } from '@playwright/test';
import type { EngineWorkerOptions } from '../engines/fixture.js';
import { engineProjects } from '../engines/projects.js';
import { readChoice } from '../provision/choice.mjs';

export default defineConfig<object, EngineWorkerOptions>({
  testDir: '.',
  testMatch: '*.spec.ts',
  reporter: [['list']],
  use: { labServersNeeded: false },
  projects: engineProjects(readChoice()).filter((project) =>
    ['chromium', 'firefox', 'webkit'].includes(project.name ?? ''),
  ),
});
