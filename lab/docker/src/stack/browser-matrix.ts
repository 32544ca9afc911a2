import { mustRun, runCommand, tail } from '../host/command.js';

/** The Playwright projects of e2e/ that may run against the containers. */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * The engines from DOCKER_CHECK_ENGINES (comma-separated; default all three: against the
 * containers they add about 20 s to the run over Chromium alone on two cores).
 */
export function enginesFromEnv(value: string | undefined): EngineName[] {
  if (value === undefined || value.trim() === '') return [...ENGINES];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(ENGINES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `DOCKER_CHECK_ENGINES=${JSON.stringify(value)} names ${unknown.map((name) => JSON.stringify(name)).join(', ')}; ` +
        `expected a comma-separated list of ${ENGINES.join(', ')}.`,
    );
  }
  return [...new Set(names)] as EngineName[];
}

/** The matrix reporter's per-engine lines: `<project> <n> scenario runs in <s>: ...`. */
export function scenarioCounts(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of output.matchAll(/^\s+(\S+)\s+(\d+) scenario runs in /gm)) {
    if (match[1] && match[2]) counts.set(match[1], Number(match[2]));
  }
  return counts;
}

/** The environment e2e runs in against the containers at the origins in `originsEnv`. */
function matrixEnv(originsEnv: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...originsEnv,
    E2E_EXTERNAL_SERVERS: '1',
    // The compose stack serves the three http page origins; it has no https front for the web app.
    E2E_PAGE_ORIGINS: 'web,web-alt-port,web-alt-host',
  };
}

/**
 * Chooses Playwright's or Debian's engines and installs what is missing, as `test:e2e` does.
 * Mostly waiting on the network (an offline `playwright install` fails after 10 to 20 s), so a
 * run does it beside the image builds.
 */
export async function provisionEngines(repoRoot: string): Promise<string> {
  const out = await mustRun('pnpm', ['--filter', '@cors-lab/e2e', 'provision'], {
    cwd: repoRoot,
    timeoutMs: 600_000,
  });
  return /^provision: (.*?) ->/m.exec(out)?.[1] ?? 'engines chosen';
}

/**
 * Runs e2e's matrix spec (every scenario from the three http page origins) against the lab API
 * and web app already running at the origins in `originsEnv`: E2E_EXTERNAL_SERVERS stops
 * Playwright from starting them (it still starts Flask, nginx and Vite on the host). The engines
 * must be provisioned first (provisionEngines).
 */
export async function runBrowserMatrix(
  repoRoot: string,
  originsEnv: Record<string, string>,
  engines: readonly EngineName[],
): Promise<Map<string, number>> {
  const env = matrixEnv(originsEnv);
  const result = await runCommand(
    'pnpm',
    [
      '--filter',
      '@cors-lab/e2e',
      'exec',
      'playwright',
      'test',
      'tests/matrix.spec.ts',
      ...engines.map((engine) => `--project=${engine}`),
    ],
    { cwd: repoRoot, env, onLine: (line) => console.log(`  [e2e] ${line}`) },
  );
  if (result.code !== 0) {
    throw new Error(
      `The browser matrix failed against the containers (exit ${result.code}):\n${tail(result.stdout + result.stderr, 15)}`,
    );
  }
  return scenarioCounts(result.stdout);
}
