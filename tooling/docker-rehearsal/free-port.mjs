// Finds unused ports inside a range given to the rehearsal, so it never touches the dev ports
// (3000/3001/8000/8001) that a running `npm run dev` or the e2e suite may hold.
import { createServer } from 'node:net';

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // No host: Node binds the dual-stack wildcard, so a server on either family counts as busy.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** @returns {Promise<number[]>} `count` free ports from [first, last], lowest first */
export async function freePorts(first, last, count, taken = new Set()) {
  const found = [];
  for (let port = first; port <= last && found.length < count; port += 1) {
    if (!taken.has(port) && (await isFree(port))) found.push(port);
  }
  if (found.length < count) {
    throw new Error(
      `Only ${found.length} of ${count} ports are free in ${first}-${last}; stop what listens there and retry.`,
    );
  }
  for (const port of found) taken.add(port);
  return found;
}
