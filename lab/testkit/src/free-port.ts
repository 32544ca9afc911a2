import { createServer, type Server } from 'node:net';

function listenOnAnyPort(host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    // No host: dual-stack, so the port is free on IPv4 and IPv6 alike.
    server.listen({ port: 0, host, exclusive: true }, () => resolve(server));
  });
}

/**
 * `count` distinct ports the OS says are free right now (all held open until every one is chosen,
 * so none repeats). Another process may still take one before the caller listens: retry then.
 */
export async function freePorts(count: number, host?: string): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnAnyPort(host));
    return servers.map((server) => {
      const address = server.address();
      if (typeof address !== 'object' || !address) {
        throw new Error(`Unexpected server address ${String(address)}`);
      }
      return address.port;
    });
  } finally {
    await Promise.all(
      servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
  }
}

/** One free port (see freePorts). */
export async function freePort(host?: string): Promise<number> {
  const [port] = await freePorts(1, host);
  return port!;
}
