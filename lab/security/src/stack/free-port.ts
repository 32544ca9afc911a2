import { createServer } from 'node:net';

/** This package's share of local ports (the lab itself owns 3000/3001/8000/8001). */
export const PORT_RANGE = { from: 8300, to: 8399 } as const;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // Unspecified host: dual-stack, so a port taken on either IPv4 or IPv6 counts as taken.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * `count` distinct ports in PORT_RANGE that nothing listens on now.
 * @throws Error when the range has fewer free ports than asked for.
 */
export async function freePorts(count: number): Promise<number[]> {
  const found: number[] = [];
  for (let port = PORT_RANGE.from; port <= PORT_RANGE.to && found.length < count; port++) {
    if (await isFree(port)) found.push(port);
  }
  if (found.length < count) {
    throw new Error(
      `Only ${found.length} of ${count} ports free in ${PORT_RANGE.from}-${PORT_RANGE.to}: stop the processes listening there (\`ss -ltnp\`) and rerun.`,
    );
  }
  return found;
}
