// Starts bench/server.ts in a child process and waits until it listens on an ephemeral port.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MiddlewareName } from './server.js';

export interface RunningServer {
  origin: string;
  /** User + system CPU time the server process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

const SERVER_SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

function askCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message: { cpuMicros: number }) => resolve(message.cpuMicros));
    child.send('cpu-usage');
  });
}

export function startServer(
  middleware: MiddlewareName,
  originCount: number,
): Promise<RunningServer> {
  const child: ChildProcess = fork(SERVER_SCRIPT, [middleware, String(originCount)], {
    // tsx loads the TypeScript sources; NODE_ENV=production is how Express runs in the wild.
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`The ${middleware} server did not start within ${START_TIMEOUT_MS} ms.`));
    }, START_TIMEOUT_MS);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      resolve({ origin: `http://127.0.0.1:${message.port}`, cpuMicros: () => askCpu(child), stop });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The ${middleware} server exited before listening (code ${code}, signal ${signal}).`,
        ),
      );
    });
  });
}
