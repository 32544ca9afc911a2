// The Fastify app both Fastify servers run: the caller registers CORS, then the shared routes.
import Fastify from 'fastify';
import { reportPort } from './shared.mjs';

/** Starts Fastify with `register(app)` first, then the routes; the routes replace Vary. */
export async function serveFastify(register) {
  const app = Fastify();
  await register(app);
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
}
