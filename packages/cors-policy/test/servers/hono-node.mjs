// Hono 4 on Node.js: @hono/node-server's serve() around the wrapped fetch handler.
// (On Workers or Bun the same handler is exported instead: export default { fetch }.)
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { definePolicy, withCors } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = new Hono();
const items = (c) => {
  c.header('Vary', 'Accept-Encoding');
  c.header('X-Request-Id', 'req-1');
  return c.json({ ok: true });
};
app.get('/items', items);
app.put('/items', items);
app.get('/boom', () => {
  throw new Error('boom');
});

serve(
  { fetch: withCors(definePolicy(policyOptions), app.fetch), port: 0, hostname: '127.0.0.1' },
  (info) => reportPort(info.port),
);
