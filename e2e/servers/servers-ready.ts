// The hand-over from global setup (servers/lab-servers.ts) to the workers: a file written once
// every lab origin answers, or with the reason none will.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written once every origin answers: `{ startedAt, readyMs, reused }`, or `{ error }`. */
export const SERVERS_READY_FILE = fileURLToPath(
  new URL('../test-results/phases/servers-ready.json', import.meta.url),
);

/** The time the servers get to answer on every origin (a cold Next.js start on a loaded machine). */
export const SERVERS_READY_WITHIN_MS = 120_000;

export interface ServersReady {
  /** Epoch milliseconds at which the servers were started (or found running). */
  startedAt: number;
  /** From starting them to every origin answering. */
  readyMs?: number;
  /** Servers that already answered and were used as they are (never with CI set). */
  reused: string[];
  error?: string;
}

export function recordServersReady(ready: ServersReady): void {
  mkdirSync(dirname(SERVERS_READY_FILE), { recursive: true });
  writeFileSync(SERVERS_READY_FILE, `${JSON.stringify(ready)}\n`);
}

export function readServersReady(): ServersReady | undefined {
  if (!existsSync(SERVERS_READY_FILE)) return undefined;
  return JSON.parse(readFileSync(SERVERS_READY_FILE, 'utf8')) as ServersReady;
}

/** Resolves once global setup reports every lab origin answering; rejects with its reason. */
export async function serversReady(): Promise<ServersReady> {
  const deadline = Date.now() + SERVERS_READY_WITHIN_MS + 5_000;
  for (;;) {
    const ready = readServersReady();
    if (ready?.error) throw new Error(`The lab servers did not come up: ${ready.error}`);
    if (ready) return ready;
    if (Date.now() > deadline) {
      throw new Error(
        `${SERVERS_READY_FILE} never appeared: did global setup (servers/lab-servers.ts) run? ` +
          'Run the suite through playwright.config.ts.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
