import { type ProcessGroup } from '@cors-lab/testkit';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Pass to startApi({ preload }) so serverMemory() can read the heap. */
export const MEMORY_REPORTER = pathToFileURL(
  join(dirname(fileURLToPath(import.meta.url)), 'memory-reporter.mjs'),
).href;

export interface ServerMemory {
  /** VmRSS from /proc/<pid>/status, in bytes. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

async function vmRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  return Number(kib) * 1024;
}

function heap(server: ProcessGroup, collect: boolean): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${server.name} did not report its memory within 5 s over IPC.`)),
      5000,
    );
    server.child.once('message', (message: { memory: NodeJS.MemoryUsage }) => {
      clearTimeout(timer);
      resolve(message.memory);
    });
    server.child.send(collect ? 'gc+memory?' : 'memory?');
  });
}

/**
 * The server process's own memory: RSS from the kernel, heap from the preloaded reporter;
 * `collect` runs a full garbage collection first (the server must run with --expose-gc).
 */
export async function serverMemory(server: ProcessGroup, collect = false): Promise<ServerMemory> {
  const usage = await heap(server, collect);
  const rss = await vmRss(server.pid);
  return { rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
