// Fastify 5 with corsPlugin; the routes replace Vary, as Fastify's reply.header() does.
import { corsPlugin, definePolicy } from '@cors-lab/cors-policy';
import { serveFastify } from './fastify-app.mjs';
import { policyOptions } from './shared.mjs';

await serveFastify((app) => app.register(corsPlugin(definePolicy(policyOptions))));
