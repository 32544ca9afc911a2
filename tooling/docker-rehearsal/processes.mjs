// Every process the rehearsal starts goes through here, in its own process group, so that an
// interrupted or failed run can end the whole tree (turbo, pnpm, next and their children).
import { spawn } from 'node:child_process';

const running = new Set();

/** spawn() in a new process group, remembered until it exits. */
export function spawnTracked(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Sends a signal to the child's whole group; a group that is already gone is not an error. */
export function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** SIGTERM, then SIGKILL for whatever is still there after graceMs. */
export async function stopAll(graceMs = 5000) {
  const children = [...running];
  for (const child of children) signalGroup(child, 'SIGTERM');
  await Promise.race([
    Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null || child.signalCode !== null
              ? resolve()
              : child.once('exit', resolve),
          ),
      ),
    ),
    new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
  ]);
  for (const child of children) signalGroup(child, 'SIGKILL');
}
