// Koa 3 alone and behind koaCors: one middleware answers `GET /data` (Koa has no router of its own).
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import Koa from 'koa';
import { koaCors } from '@cors-lab/cors-policy';
import { benchPolicy } from './bench-policy.js';

export function koaWith(origins: readonly string[] | undefined): Server {
  const app = new Koa();
  if (origins !== undefined) app.use(koaCors(benchPolicy(origins)));
  app.use((ctx) => {
    if (ctx.method === 'GET' && ctx.path === '/data') ctx.body = { ok: true };
  });
  return createServer(app.callback());
}
