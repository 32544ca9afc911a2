import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyOptions } from '@cors-lab/cors-policy';
import { freePort, lastModified, ProcessGroup } from '@cors-lab/testkit';
import { POLICIES } from '../policies.js';
import type { ServerUnderTest } from './server-under-test.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const NEXT_APP_DIR = join(PACKAGE_DIR, 'next-app');
const NEXT_BIN = join(PACKAGE_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_ID = join(NEXT_APP_DIR, '.next', 'BUILD_ID');
/** What the build compiles in: a change to any of them after `next build` means a stale server. */
const BUILD_SOURCES = [
  join(NEXT_APP_DIR, 'app'),
  join(NEXT_APP_DIR, 'next.config.ts'),
  join(PACKAGE_DIR, 'src', 'policies.ts'),
  join(PACKAGE_DIR, 'node_modules', '@cors-lab', 'cors-policy', 'dist'),
];
const REBUILD = 'run `pnpm --filter @cors-lab/differential build` (turbo runs it before `test`)';

/**
 * withCors() in the App Router route handler of next-app/ (`app/[policy]/[[...path]]/route.ts`),
 * served by `next start` from the production build. The build compiles in src/policies.ts, so it
 * serves exactly those policies and refuses any other set.
 */
export async function startNextRoute(
  policies: Readonly<Record<string, PolicyOptions>>,
): Promise<ServerUnderTest> {
  if (policies !== POLICIES) {
    throw new Error(
      'The Next.js route serves the policies of src/policies.ts compiled into its build; pass POLICIES, or edit that file and rebuild.',
    );
  }
  if (!existsSync(BUILD_ID)) {
    throw new Error(`No Next.js build at ${join(NEXT_APP_DIR, '.next')}: ${REBUILD}.`);
  }
  if (statSync(BUILD_ID).mtimeMs < lastModified(BUILD_SOURCES)) {
    throw new Error(
      `The Next.js build at ${join(NEXT_APP_DIR, '.next')} is older than its sources (next-app/, src/policies.ts or @cors-lab/cors-policy): ${REBUILD}.`,
    );
  }
  const port = await freePort('127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const next = ProcessGroup.start(
    'next start (differential)',
    process.execPath,
    [NEXT_BIN, 'start', NEXT_APP_DIR, '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: NEXT_APP_DIR, env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } },
  );
  try {
    await next.waitForHttp(`${url}/`, 60_000);
  } catch (error) {
    await next.stop();
    throw error;
  }
  return { name: 'withCors (Next.js route)', url, cannot: new Map(), stop: () => next.stop() };
}
