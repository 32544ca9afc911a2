import { defineConfig } from 'vitest/config';

// Tests here talk to real servers and run property checks: on a busy 2-core machine the 5 s default is too tight.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
