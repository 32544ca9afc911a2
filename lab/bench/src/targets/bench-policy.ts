// The policy every cors-policy adapter in the bench receives, so each adapter's figure differs
// from Express's only by the framework and the adapter.
import { definePolicy } from '@cors-lab/cors-policy';
import type { Policy } from '@cors-lab/cors-policy';
import { ALLOWED_HEADERS, ALLOWED_METHODS, MAX_AGE_SECONDS } from './cors-config.js';

export function benchPolicy(origins: readonly string[]): Policy {
  return definePolicy({
    origins,
    credentials: true,
    methods: ALLOWED_METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: MAX_AGE_SECONDS,
  });
}
