// Builds next-app/ with `next build` when it is missing or older than its sources.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastModified } from '@cors-lab/testkit';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const NEXT_APP_DIR = join(PACKAGE_DIR, 'next-app');
export const NEXT_BIN = join(PACKAGE_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
/** The built adapter the app imports: a change to it means a rebuild. */
const POLICY_BUILD = fileURLToPath(import.meta.resolve('@cors-lab/cors-policy'));

function newestSource(): number {
  return lastModified([
    join(NEXT_APP_DIR, 'next.config.ts'),
    POLICY_BUILD,
    join(NEXT_APP_DIR, 'app'),
    join(NEXT_APP_DIR, 'lib'),
  ]);
}

export function buildNextApp(log: (line: string) => void, rebuild: boolean): Promise<void> {
  if (!existsSync(POLICY_BUILD)) {
    throw new Error(
      `No build of @cors-lab/cors-policy at ${POLICY_BUILD}: run \`pnpm --filter @cors-lab/cors-policy build\` first.`,
    );
  }
  const buildId = join(NEXT_APP_DIR, '.next', 'BUILD_ID');
  if (!rebuild && existsSync(buildId) && statSync(buildId).mtimeMs > newestSource()) {
    return Promise.resolve();
  }
  log('next build of next-app/ (it changed or was never built)…');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build', NEXT_APP_DIR], {
      cwd: NEXT_APP_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      // Its output is progress: stderr, so that stdout keeps only the result.
      stdio: ['ignore', 2, 2],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`next build of ${NEXT_APP_DIR} exited with ${code}.`)),
    );
  });
}
