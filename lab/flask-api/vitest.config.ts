import { defineConfig } from 'vitest/config';

// Real Flask processes start here; a busy 2-core machine needs more than the 5 s default.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
