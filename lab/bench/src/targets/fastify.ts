// Fastify 5 alone and behind corsPlugin: the same `GET /data` route either way.
import type { Server } from 'node:http';
import Fastify from 'fastify';
import { corsPlugin } from '@cors-lab/cors-policy';
import { benchPolicy } from './bench-policy.js';

/** A Fastify app's own http.Server, ready (plugins loaded) and not yet listening. */
export async function fastifyWith(origins: readonly string[] | undefined): Promise<Server> {
  const app = Fastify();
  if (origins !== undefined) await app.register(corsPlugin(benchPolicy(origins)));
  app.get('/data', async () => ({ ok: true }));
  await app.ready();
  return app.server;
}
