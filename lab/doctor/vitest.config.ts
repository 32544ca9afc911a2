import { defineConfig } from 'vitest/config';

// The tests start real servers (and the lab API's production build): generous on a busy 2-core machine.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
