// One Express 5 server for the bench, in its own process so it never shares an event loop with
// the load generator. Usage: server.ts <none|cors-policy|cors> <origin count>
import cors from 'cors';
import express from 'express';
import type { RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import { corsMiddleware, definePolicy } from '../src/index.js';
import { ALLOWED_HEADERS, ALLOWED_METHODS, MAX_AGE_SECONDS, allowList } from './cors-config.js';

export type MiddlewareName = 'none' | 'cors-policy' | 'cors';

function middlewareFor(name: MiddlewareName, originCount: number): RequestHandler | undefined {
  const origins = allowList(originCount);
  switch (name) {
    case 'none':
      return undefined;
    case 'cors-policy':
      return corsMiddleware(
        definePolicy({
          origins,
          credentials: true,
          methods: ALLOWED_METHODS,
          allowedHeaders: ALLOWED_HEADERS,
          maxAge: MAX_AGE_SECONDS,
        }),
      );
    case 'cors':
      return cors({
        origin: origins,
        credentials: true,
        methods: [...ALLOWED_METHODS],
        allowedHeaders: [...ALLOWED_HEADERS],
        maxAge: MAX_AGE_SECONDS,
      });
  }
}

function parseArgs(argv: readonly string[]): { name: MiddlewareName; originCount: number } {
  const [name, count] = argv;
  const originCount = Number(count);
  if (name !== 'none' && name !== 'cors-policy' && name !== 'cors') {
    throw new Error(`Unknown middleware "${name}": expected none, cors-policy or cors.`);
  }
  if (!Number.isInteger(originCount) || originCount < 1) {
    throw new Error(`Invalid origin count "${count}": expected a positive integer.`);
  }
  return { name, originCount };
}

const { name, originCount } = parseArgs(process.argv.slice(2));
const app = express();
const middleware = middlewareFor(name, originCount);
if (middleware) app.use(middleware);
app.get('/data', (_req, res) => {
  res.json({ ok: true });
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
// CPU time spent serving is far less disturbed by other processes than wall-clock throughput.
process.on('message', (message: unknown) => {
  if (message === 'cpu-usage') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
// The parent owns this process: when its IPC channel closes, stop serving.
process.on('disconnect', () => process.exit(0));
