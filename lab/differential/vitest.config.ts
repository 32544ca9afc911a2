import { defineConfig } from 'vitest/config';

// Real nginx and Flask processes answer thousands of requests here; give a busy machine time.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 },
});
