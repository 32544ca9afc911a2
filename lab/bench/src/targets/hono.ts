// Hono 4 on Node.js through @hono/node-server, alone and with its fetch handler wrapped in withCors.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { withCors } from '@cors-lab/cors-policy';
import { benchPolicy } from './bench-policy.js';

/** What `serve()` starts, before it listens. */
export function honoWith(origins: readonly string[] | undefined): Server {
  const app = new Hono();
  app.get('/data', (c) => c.json({ ok: true }));
  const fetch = origins === undefined ? app.fetch : withCors(benchPolicy(origins), app.fetch);
  return createAdaptorServer({ fetch }) as Server;
}
