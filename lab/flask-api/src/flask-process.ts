// Starts the lab's Python servers with Debian's python3 (never a pyenv or venv one on PATH), after
// making sure python3-flask and python3-flask-cors are installed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, missingPackages, packageVersion } from '@cors-lab/debian-packages';
import { ProcessGroup } from '@cors-lab/testkit';

/** Debian's interpreter: its dist-packages hold the apt-installed Flask. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const FLASK_PACKAGES = ['python3', 'python3-flask', 'python3-flask-cors'] as const;
const DIST_PACKAGES = '/usr/lib/python3/dist-packages';
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Installs Flask and flask_cors from Debian when missing and allowed to (root), else throws the command. */
export function ensureFlask(): void {
  ensureDebianPackages({
    purpose: 'Flask missing',
    packages: FLASK_PACKAGES,
    missing: () =>
      missingPackages([
        { file: SYSTEM_PYTHON, pkg: 'python3' },
        { file: `${DIST_PACKAGES}/flask/__init__.py`, pkg: 'python3-flask' },
        { file: `${DIST_PACKAGES}/flask_cors/__init__.py`, pkg: 'python3-flask-cors' },
      ]),
  });
}

/** The Debian package versions in use, for reports. */
export function flaskVersions(): Record<'flask' | 'flaskCors', string> {
  return {
    flask: packageVersion('python3-flask') ?? 'not installed',
    flaskCors: packageVersion('python3-flask-cors') ?? 'not installed',
  };
}

export interface RunningFlask {
  /** `http://127.0.0.1:<port>` */
  url: string;
  process: ProcessGroup;
  stop(): Promise<void>;
}

/**
 * Runs `python3 -m <module> ...args` from this package and resolves once it prints the address it
 * listens on (port 0 in the arguments or FLASK_PORT=0 picks a free one).
 */
export async function startFlask(
  module: string,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 15_000,
): Promise<RunningFlask> {
  ensureFlask();
  const process = ProcessGroup.start(module, SYSTEM_PYTHON, ['-m', module, ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`${module} printed no address within ${timeoutMs} ms:\n${process.outputTail}`),
      );
    }, timeoutMs);
    process.child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    process.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited (${code}) before listening:\n${process.outputTail}`));
    });
  }).catch(async (error: unknown) => {
    await process.stop();
    throw error;
  });
  return { url, process, stop: () => process.stop() };
}
