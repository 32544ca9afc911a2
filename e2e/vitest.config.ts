import { defineConfig } from 'vitest/config';

// Unit tests of the harness itself; the browser specs under tests/ belong to Playwright.
export default defineConfig({
  test: { include: ['engines/**/*.test.ts', 'provision/**/*.test.ts'] },
});
