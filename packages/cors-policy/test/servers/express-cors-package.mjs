// Express 5 with the `cors` package, given the policy's per-request options.
import cors from 'cors';
import express from 'express';
import { definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const app = express();
app.use(cors(toCorsOptions(definePolicy(policyOptions))));
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
