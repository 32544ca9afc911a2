// Fastify 5 with @fastify/cors, given the policy's per-request options as its delegator.
import fastifyCors from '@fastify/cors';
import { definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { serveFastify } from './fastify-app.mjs';
import { policyOptions } from './shared.mjs';

await serveFastify((app) =>
  app.register(fastifyCors, { delegator: toCorsOptions(definePolicy(policyOptions)) }),
);
