import { defineConfig } from 'vitest/config';

// Unit tests of the harness itself; the browser specs under tests/ belong to Playwright.
// Provisioning tests spawn real processes: on a busy 2-core machine the default timeouts are too tight.
export default defineConfig({
  test: {
    include: [
      'engines/**/*.test.ts',
      'matrix/**/*.test.ts',
      'provision/**/*.test.ts',
      'reporting/**/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
