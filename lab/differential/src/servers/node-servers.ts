import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  corsMiddleware,
  definePolicy,
  toCorsOptions,
  withCors,
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

/** withCors() around a Fetch handler, served by node:http the way a Fetch runtime hands requests over. */
export function startFetchAdapter(policies: Policies): Promise<ServerUnderTest> {
  const handlers = new Map(
    Object.entries(policies).map(([name, options]) => [
      name,
      withCors(definePolicy(options), () => Response.json({ ok: true })),
    ]),
  );
  return listen('withCors (Fetch)', (req, res) => {
    const name = (req.url ?? '/').split('/')[1] ?? '';
    const handler = handlers.get(name);
    if (handler === undefined) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
    });
    void handler(request).then(async (response) => {
      const out: string[] = [];
      response.headers.forEach((value, key) => out.push(key, value));
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
}

/** An app that sets its own careless CORS header, for nginx to hide. */
export function startCarelessUpstream(): Promise<ServerUnderTest> {
  return listen('careless upstream', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('{"ok":true}');
  });
}
