import { definePolicy } from '@cors-lab/cors-policy';

/** The page origin the bench sends; the policy is the lab's usual shape (credentials, one header). */
export const BENCH_ORIGIN = 'http://localhost:3300';

export const benchPolicy = definePolicy({
  origins: [BENCH_ORIGIN, 'https://app.example.com', 'https://*.example.org'],
  credentials: true,
  allowedHeaders: ['Content-Type', 'X-Request-Id'],
  exposedHeaders: ['X-Request-Id'],
});
