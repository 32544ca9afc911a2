// Fastify 5 with @fastify/cors, given the policy's per-request options as its delegator.
import fastifyCors from '@fastify/cors';
import Fastify from 'fastify';
import { definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = Fastify();
await app.register(fastifyCors, { delegator: toCorsOptions(definePolicy(policyOptions)) });
const items = async (_request, reply) => {
  reply.header('Vary', 'Accept-Encoding').header('X-Request-Id', 'req-1');
  return { ok: true };
};
app.get('/items', items);
app.put('/items', items);
app.get('/boom', async () => {
  throw new Error('boom');
});

await app.listen({ port: 0, host: '127.0.0.1' });
reportPort(app.server.address().port);
