// Global setup: starts the lab's servers (API, web app, Flask, nginx, Vite) and returns at once, so the workers launch their
// engines while the servers come up; servers-ready.json tells the workers (and the run summary)
// when every origin answered, or why none will. The returned function stops both.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originsFromEnv } from '@cors-lab/scenarios';
import { ProcessGroup } from '@cors-lab/testkit';
import { ensureCertificates } from '@cors-lab/tls';
import { answers, labReadinessUrls } from './lab-origins-ready.js';
import {
  SERVERS_READY_FILE,
  SERVERS_READY_WITHIN_MS,
  recordServersReady as record,
} from './servers-ready.js';

const POLL_EVERY_MS = 100;
/** Entries the API's log keeps during a run: every page in flight must find all of its own. */
const REQUEST_LOG_SIZE = 20_000;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface LabServer {
  name: string;
  /** The program, its arguments, and the folder (under the repository's root) it runs in. */
  command: readonly [string, readonly string[], string];
  /** Answers 2xx once the server is up (its other listeners are waited for with the rest). */
  probe: string;
  env?: Record<string, string>;
}

/**
 * E2E_EXTERNAL_SERVERS=1: the lab API and web app already run at the *_ORIGIN addresses, so only
 * the seed's other servers are started (and every origin is still waited for).
 */
export function readExternalServers(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(
    `E2E_EXTERNAL_SERVERS=${JSON.stringify(value)}; set it to 1 to test servers that already run, or unset it.`,
  );
}

export default async function startLabServers(): Promise<() => Promise<void>> {
  const origins = originsFromEnv(process.env);
  const ci = !!process.env.CI;
  const { ca } = await ensureCertificates();
  rmSync(SERVERS_READY_FILE, { force: true });
  const startedAt = Date.now();
  const port = (origin: string) => new URL(origin).port;
  // What each package's `start` script runs, without pnpm's and tsx's own launchers: each costs
  // a second of CPU while the engines launch.
  const tsxStart = (dir: string) =>
    [process.execPath, ['--import', 'tsx', 'src/start.ts'], dir] as const;
  // The seed's other servers are Debian's Flask and nginx (their launchers install them when
  // missing and run as root, else fail naming the apt-get command) and the Vite dev proxy.
  const labServers: LabServer[] = [
    {
      name: 'lab API',
      command: [process.execPath, ['dist/index.js'], 'lab/api'],
      probe: `${origins.api}/health`,
      // Pages of several engines are in flight at once and each reads its logs at its end.
      env: { REQUEST_LOG_SIZE: process.env.REQUEST_LOG_SIZE || String(REQUEST_LOG_SIZE) },
    },
    {
      name: 'lab web',
      command: [process.execPath, ['scripts/serve.mjs', 'start'], 'lab/web'],
      probe: `${origins.web}/matrix`,
    },
  ];
  const servers: LabServer[] = [
    // E2E_EXTERNAL_SERVERS=1: the lab API and web app already run (test:docker's compose stack).
    ...(readExternalServers(process.env.E2E_EXTERNAL_SERVERS) ? [] : labServers),
    {
      name: 'Flask',
      command: tsxStart('lab/flask-api'),
      probe: `${origins.flask}/health`,
      env: { FLASK_PORT: port(origins.flask) },
    },
    {
      name: 'nginx',
      command: tsxStart('lab/nginx'),
      probe: `${origins.nginx}/health`,
      env: { NGINX_PORT: port(origins.nginx) },
    },
    {
      name: 'Vite',
      command: [process.execPath, ['node_modules/vite/bin/vite.js'], 'lab/vite-proxy'],
      probe: `${origins.vite}/`,
    },
  ];
  const reused: string[] = [];
  const groups: ProcessGroup[] = [];
  const found = await Promise.all(servers.map((server) => answers(server.probe, ca)));
  for (const [index, server] of servers.entries()) {
    if (found[index]) {
      if (ci) {
        throw new Error(
          `${server.probe} already answers, so the ${server.name} would not be this build's. Stop what listens there (ss -ltnp), or unset CI to reuse it.`,
        );
      }
      reused.push(server.name);
      continue;
    }
    const [command, args, dir] = server.command;
    groups.push(
      ProcessGroup.start(server.name, command, args, {
        cwd: join(repoRoot, dir),
        env: server.env ?? {},
      }),
    );
  }

  // In the background: the workers read the outcome from the file, the summary its time.
  const deadline = startedAt + SERVERS_READY_WITHIN_MS;
  void (async () => {
    const pending = new Set(labReadinessUrls(origins, process.env));
    while (pending.size > 0) {
      const dead = groups.find((group) => !group.alive);
      if (dead || Date.now() > deadline) {
        const why = dead
          ? `${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode})`
          : `not every origin answered within ${SERVERS_READY_WITHIN_MS / 1000} s`;
        const output = groups.map((group) => `--- ${group.name}:\n${group.outputTail}`).join('\n');
        const error = `${why}; still silent: ${[...pending].join(', ')}. Their output:\n${output}`;
        record({ startedAt, reused, error });
        console.error(`lab servers: ${error}`);
        return;
      }
      await Promise.all(
        [...pending].map(async (url) => {
          if (await answers(url, ca)) pending.delete(url);
        }),
      );
      if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
    record({ startedAt, readyMs: Date.now() - startedAt, reused });
  })();

  return async () => {
    await Promise.all(groups.map((group) => group.stop(10_000)));
  };
}
