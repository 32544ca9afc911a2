// Koa 3 with koaCors; the route replaces Vary with ctx.set().
import Koa from 'koa';
import { definePolicy, koaCors } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = new Koa();
app.silent = true;
app.use(koaCors(definePolicy(policyOptions)));
app.use(async (ctx) => {
  if (ctx.path === '/boom') throw new Error('boom');
  if (ctx.path !== '/items' || !['GET', 'PUT'].includes(ctx.method)) return;
  ctx.set('Vary', 'Accept-Encoding');
  ctx.set('X-Request-Id', 'req-1');
  ctx.body = { ok: true };
});

const server = app.listen(0, '127.0.0.1', () => reportPort(server.address().port));
