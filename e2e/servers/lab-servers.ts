// Global setup: starts the lab API and web app and returns at once, so the workers launch their
// engines while the servers come up; servers-ready.json tells the workers (and the run summary)
// when every origin answered, or why none will. The returned function stops both.
import { rmSync } from 'node:fs';
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

export default async function labServers(): Promise<() => Promise<void>> {
  const origins = originsFromEnv(process.env);
  const ci = !!process.env.CI;
  const { ca } = await ensureCertificates();
  rmSync(SERVERS_READY_FILE, { force: true });
  const startedAt = Date.now();
  const servers = [
    { name: 'lab API', command: 'lab/api/dist/index.js', probe: `${origins.api}/health` },
    { name: 'lab web', command: 'lab/web/scripts/serve.mjs', probe: `${origins.web}/matrix` },
  ];
  const reused: string[] = [];
  const groups: ProcessGroup[] = [];
  for (const server of servers) {
    if (await answers(server.probe, ca)) {
      if (ci) {
        await Promise.all(groups.map((group) => group.stop()));
        throw new Error(
          `${server.probe} already answers, so the ${server.name} would not be this build's. Stop what listens there (ss -ltnp), or unset CI to reuse it.`,
        );
      }
      reused.push(server.name);
      continue;
    }
    const args = server.command.endsWith('serve.mjs')
      ? [server.command, 'start']
      : [server.command];
    groups.push(
      ProcessGroup.start(server.name, process.execPath, args, {
        cwd: repoRoot,
        // Pages of several engines are in flight at once and each reads its logs at its end.
        env: { REQUEST_LOG_SIZE: process.env.REQUEST_LOG_SIZE || String(REQUEST_LOG_SIZE) },
      }),
    );
  }

  // In the background: the workers read the outcome from the file, the summary its time.
  const deadline = startedAt + SERVERS_READY_WITHIN_MS;
  void (async () => {
    const pending = new Set(labReadinessUrls(origins));
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
