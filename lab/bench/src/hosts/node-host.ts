// The one Node.js process serving every NODE_TARGETS case, each on its own loopback port, so all
// cases share one JIT and one heap and their windows interleave. Usage: node-host.ts <json>
// where <json> is [{ "key": ..., "target": ..., "origins": n }, ...]; replies { ports } over IPC.
import type { AddressInfo } from 'node:net';
import { allowList } from '../targets/cors-config.js';
import { NODE_TARGETS, isNodeTargetName } from '../targets/node-targets.js';

interface Served {
  key: string;
  target: string;
  origins: number;
}

function parseServed(json: string | undefined): Served[] {
  const list: unknown = JSON.parse(json ?? '[]');
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`node-host expects a JSON list of { key, target, origins }, got ${json}.`);
  }
  return list.map((entry: Served) => {
    if (!isNodeTargetName(entry.target)) {
      throw new Error(
        `Unknown target "${entry.target}": expected one of ${Object.keys(NODE_TARGETS).join(', ')}.`,
      );
    }
    if (!Number.isInteger(entry.origins) || entry.origins < 1) {
      throw new Error(
        `Invalid origin count ${entry.origins} for ${entry.key}: expected 1 or more.`,
      );
    }
    return entry;
  });
}

const ports: Record<string, number> = {};
for (const { key, target, origins } of parseServed(process.argv[2])) {
  if (!isNodeTargetName(target)) continue;
  const server = await NODE_TARGETS[target].create(allowList(origins));
  // A case's keep-alive connection idles while the others are counted, for minutes under
  // callgrind; a server closing it as the next request arrives fails the run with ECONNRESET.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports[key] = (server.address() as AddressInfo).port;
}
process.send?.({ benchControl: 'ready', ports });
// The bench owns this process: when its IPC channel closes, stop serving.
process.on('disconnect', () => process.exit(0));
