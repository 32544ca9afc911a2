// Fastify 5 with corsPlugin; the routes replace Vary, as Fastify's reply.header() does.
import Fastify from 'fastify';
import { corsPlugin, definePolicy } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = Fastify();
await app.register(corsPlugin(definePolicy(policyOptions)));
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
