// The commands the starter test runs, and the API processes it starts: every child is tracked so
// that stopAll() leaves nothing running.
import { spawn } from 'node:child_process';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/** The environment without what the outer pnpm and turbo set for this package's own task. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      (key.startsWith('TURBO_') && key !== 'TURBO_TELEMETRY_DISABLED') ||
      key.startsWith('npm_package_') ||
      key.startsWith('npm_lifecycle_') ||
      key === 'INIT_CWD' ||
      key === 'PNPM_SCRIPT_SRC_DIR'
    ) {
      delete env[key];
    }
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Runs a command to its end.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ code: number | null, output: string, seconds: number }>} stdout and stderr interleaved
 */
export function run(command, args, { cwd, env = cleanEnv() }) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/**
 * Starts the starter's built API (`node apps/api/dist/index.js`) with `env` on a port the system
 * picks (PORT=0), and resolves once it says where it listens.
 * @param {string} dir the starter
 * @param {Record<string, string>} env the API's variables; PORT is always 0
 */
export function startApi(dir, env) {
  const child = spawn(process.execPath, ['apps/api/dist/index.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal(child, 'SIGKILL');
      reject(new Error(`The API did not listen within 15 s:\n${output}`));
    }, 15_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const listening = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, port: Number(listening[1]) });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Signals the process group a child leads (each is started detached), else the child alone. */
/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} name
 */
function signal(child, name) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), name);
  } catch {
    child.kill(name);
  }
}

/**
 * Stops a process and its children with SIGTERM (SIGKILL after 5 s).
 * @returns {Promise<number | null>} its exit code
 */
export function stop(/** @type {import('node:child_process').ChildProcess} */ child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const force = setTimeout(() => signal(child, 'SIGKILL'), 5000);
    child.once('exit', (code) => {
      clearTimeout(force);
      resolve(code);
    });
    signal(child, 'SIGTERM');
  });
}

/** Stops every process this module started that is still running. */
export async function stopAll() {
  await Promise.all([...running].map(stop));
}
