// The lab API's production build (lab/api/dist) on free ports, for tests that need real servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';
import { freePort } from './free-port.js';

const ENTRY = fileURLToPath(new URL('../../../api/dist/index.js', import.meta.url));

export interface RunningLabApi {
  origins: Origins;
  stop: () => Promise<void>;
}

/** Starts lab/api's build with the default page origins and its two listeners on free ports. */
export async function startLabApi(): Promise<RunningLabApi> {
  if (!existsSync(ENTRY)) {
    throw new Error(
      `${ENTRY} is missing: build the lab API first (pnpm --filter @cors-lab/lab-api build).`,
    );
  }
  const [main, alt, closed] = [await freePort(), await freePort(), await freePort()];
  const env = {
    PORT: String(main),
    ALT_PORT: String(alt),
    API_ORIGIN: `http://localhost:${main}`,
    API_ALT_PORT_ORIGIN: `http://localhost:${alt}`,
    CLOSED_PORT_ORIGIN: `http://localhost:${closed}`,
  };
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child, 2);
  return {
    origins: originsFromEnv(env),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resolves once the child has printed `count` "listening on" lines; rejects if it exits first. */
function listening(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if ((output.match(/listening on/g) ?? []).length >= count) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`lab-api exited (${code}) before listening:\n${output}`)),
    );
  });
}
