// The Express app someone writes after copying the package: run from the copy, importing its build
// by package name, so the copy's package.json `exports` is what resolves it.
import express from 'express';
import { corsMiddleware, definePolicy } from '@cors-lab/cors-policy';

const policy = definePolicy({
  origins: ['https://app.example.com'],
  credentials: true,
  methods: ['GET', 'PUT'],
  allowedHeaders: ['Content-Type'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
});

const app = express();
app.use(corsMiddleware(policy));
app.put('/items/1', (_req, res) => {
  res.set('X-Request-Id', 'req-1').json({ saved: true });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
// The test owns this process: when its IPC channel closes, stop serving.
process.on('disconnect', () => process.exit(0));
