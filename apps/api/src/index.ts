import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, readConfig, type ApiConfig } from './config.js';
import { RequestLog } from './log/request-log.js';
import { createApp } from './server.js';

function loadConfig(): ApiConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`api: ${error.message}`);
    process.exit(1);
  }
}

function listen(server: Server, port: number, name: string): void {
  server.once('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `api: port ${port} (${name}) is already in use: stop the other process or set ${name === 'main' ? 'PORT' : 'ALT_PORT'}.`
        : `api: cannot listen on port ${port} (${name}): ${error.message}`,
    );
    process.exit(1);
  });
  server.listen(port, () => {
    const { port: bound } = server.address() as AddressInfo;
    console.log(`api: ${name} listening on http://localhost:${bound}`);
  });
}

const config = loadConfig();
const log = new RequestLog({ capacity: config.logCapacity });
const { origins } = config;
const servers = [
  { name: 'main', port: config.port, policy: config.policy },
  { name: 'alt', port: config.altPort, policy: config.altPolicy },
].map(({ name, port, policy }) => {
  const server = createServer(createApp({ policy, origins, log, listener: name }));
  // A proxy in front (Next's /proxy rewrite, a load balancer) reuses idle connections: if Node
  // closes one after its default 5 s just as the proxy sends on it, the proxy sees ECONNRESET.
  // Outlive the proxies' idle timeouts instead; headersTimeout must stay above keepAliveTimeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  listen(server, port, name);
  return server;
});

function shutdown(signal: string): void {
  console.log(`api: ${signal} received, closing both listeners`);
  // Keep-alive connections would hold close() open; a stuck request gets 5 s.
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
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
