import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  corsMiddleware,
  definePolicy,
  toCorsOptions,
  type PolicyOptions,
} from '@cors-lab/cors-policy';
import cors from 'cors';
import express from 'express';
import type { ServerUnderTest } from './server-under-test.js';

type Policies = Readonly<Record<string, PolicyOptions>>;

/** Listens on a free port of 127.0.0.1 (port 0). */
export async function listen(
  name: string,
  listener: RequestListener,
  cannot = new Map<string, string>(),
): Promise<ServerUnderTest> {
  const server: Server = createServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    cannot,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The package's own Express middleware. */
export function startExpressMiddleware(policies: Policies): Promise<ServerUnderTest> {
  const app = express();
  for (const [name, options] of Object.entries(policies)) {
    app.use(`/${name}`, corsMiddleware(definePolicy(options)), (_req, res) => {
      res.json({ ok: true });
    });
  }
  return listen('express corsMiddleware', app);
}

/** The `cors` package fed by toCorsOptions(). */
export function startCorsPackage(policies: Policies): Promise<ServerUnderTest> {
  const app = express();
  for (const [name, options] of Object.entries(policies)) {
    app.use(`/${name}`, cors(toCorsOptions(definePolicy(options))), (_req, res) => {
      res.json({ ok: true });
    });
  }
  return listen('cors(toCorsOptions)', app);
}

/** An app that sets its own careless CORS header, for nginx to hide. */
export function startCarelessUpstream(): Promise<ServerUnderTest> {
  return listen('careless upstream', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('{"ok":true}');
  });
}
