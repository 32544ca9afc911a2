import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './env.js';

export interface Listener {
  /** Shown in logs, e.g. 'api'. */
  name: string;
  port: number;
  /** The variable that sets `port`, named when the port is taken. */
  portVariable: string;
  handler: RequestListener;
  /** Serve https with this certificate and key (PEM) instead of plain http. */
  tls?: { cert: string; key: string };
}

/**
 * Serves each listener, exits 1 with a clear line when a port is taken, and closes them all on
 * SIGTERM or SIGINT (keep-alive connections get 5 s) before exiting 0.
 */
export function listenAll(program: string, listeners: readonly Listener[]): Server[] {
  const servers = listeners.map(({ name, port, portVariable, handler, tls }) => {
    const server: Server = tls ? createTlsServer(tls, handler) : createServer(handler);
    // A proxy in front (a dev-server rewrite, a load balancer) reuses idle connections: if Node
    // closes one after its default 5 s just as the proxy sends on it, the proxy sees ECONNRESET.
    // Outlive the proxies' idle timeouts instead; headersTimeout must stay above keepAliveTimeout.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.once('error', (error: NodeJS.ErrnoException) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `${program}: port ${port} (${name}) is already in use: stop the other process or set ${portVariable}.`
          : `${program}: cannot listen on port ${port} (${name}): ${error.message}`,
      );
      process.exit(1);
    });
    server.listen(port, () => {
      const { port: bound } = server.address() as AddressInfo;
      console.log(
        `${program}: ${name} listening on ${tls ? 'https' : 'http'}://localhost:${bound}`,
      );
    });
    return server;
  });

  const shutdown = (signal: string) => {
    console.log(
      `${program}: ${signal} received, closing ${servers.length === 1 ? 'the listener' : `all ${servers.length} listeners`}`,
    );
    const force = setTimeout(() => servers.forEach((server) => server.closeAllConnections()), 5000);
    force.unref();
    let open = servers.length;
    for (const server of servers) {
      server.close(() => {
        open -= 1;
        if (open === 0) process.exit(0);
      });
      server.closeIdleConnections();
    }
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return servers;
}

/** Runs `read`; a ConfigError prints its one line (variable, value, fix) and exits 1. */
export function configOrExit<T>(program: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${program}: ${(error as Error).message}`);
    process.exit(1);
  }
}
