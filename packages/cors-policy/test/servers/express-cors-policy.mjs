// Express 5 with corsMiddleware, as the README shows it.
import express from 'express';
import { corsMiddleware, definePolicy } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = express();
app.use(corsMiddleware(definePolicy(policyOptions)));
app.get('/items', (_req, res) => {
  res.vary('Accept-Encoding').set('X-Request-Id', 'req-1').json({ ok: true });
});
app.put('/items', (_req, res) => {
  res.vary('Accept-Encoding').set('X-Request-Id', 'req-1').json({ ok: true });
});
app.get('/boom', () => {
  throw new Error('boom');
});

const server = app.listen(0, '127.0.0.1', () => reportPort(server.address().port));
