import { defineConfig } from 'vitest/config';

// Some tests start real processes: on a busy 2-core machine the 5 s default is too tight.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
