// `pnpm --filter @cors-lab/security bench:next [--json]`: the whole-stack figure. One Next.js route
// handler served by `next start`, alone (/bare) and behind the cors-policy Fetch adapter
// (/with-cors), measured with autocannon in alternating rounds; prints median req/s and the ratio.
import {
  headerValues,
  probeOnce,
  freePorts,
  ProcessGroup,
  stopAll,
  stopAllOnSignals,
} from '@cors-lab/testkit';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_ORIGIN } from '../bench-next-app/lib/bench-policy.js';
import { formatTable } from './report/table.js';
import { REPO_ROOT } from './stack/production-stack.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIR = join(PACKAGE_DIR, 'bench-next-app');
const NEXT_BIN = join(PACKAGE_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
const USAGE = `Usage: pnpm --filter @cors-lab/security bench:next [--json] [--duration <s>] [--rounds <n>] [--connections <n>] [--warmup <s>] [--rebuild]
  --json             one JSON object on stdout (progress on stderr)
  --duration <s>     seconds per measured run (default 3)
  --rounds <n>       measured runs per case, order reversed every other round; medians (default 4)
  --connections <n>  concurrent connections (default 32)
  --warmup <s>       seconds of unmeasured load per case first (default 2)
  --rebuild          run next build even if the build is newer than its sources`;

interface BenchCase {
  id: string;
  title: string;
  method: 'GET' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
}

const CASES: readonly BenchCase[] = [
  {
    id: 'bare',
    title: 'GET, handler alone',
    method: 'GET',
    path: '/bare',
    headers: { origin: BENCH_ORIGIN },
  },
  {
    id: 'adapter',
    title: 'GET, same handler behind withCors (allowed origin)',
    method: 'GET',
    path: '/with-cors',
    headers: { origin: BENCH_ORIGIN },
  },
  {
    id: 'adapter-preflight',
    title: 'OPTIONS preflight answered by withCors',
    method: 'OPTIONS',
    path: '/with-cors',
    headers: {
      origin: BENCH_ORIGIN,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    },
  },
];

function parseOptions() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      duration: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '2' },
      rebuild: { type: 'boolean', default: false },
    },
  });
  const number = (name: 'duration' | 'connections' | 'warmup' | 'rounds', max: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new Error(
        `--${name} ${JSON.stringify(values[name])} is invalid: expected 0-${max}.\n${USAGE}`,
      );
    }
    return value;
  };
  return {
    json: values.json,
    rebuild: values.rebuild,
    duration: Math.max(1, number('duration', 300)),
    rounds: Math.max(1, number('rounds', 50)),
    connections: Math.max(1, number('connections', 1024)),
    warmup: number('warmup', 60),
  };
}

/** Newest modification time among the fixture's sources and the adapter it imports. */
function newestSource(): number {
  const files = [
    join(APP_DIR, 'next.config.ts'),
    join(REPO_ROOT, 'packages', 'cors-policy', 'dist', 'index.js'),
  ];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(APP_DIR, 'app'));
  walk(join(APP_DIR, 'lib'));
  return Math.max(...files.filter(existsSync).map((file) => statSync(file).mtimeMs));
}

function nextBuild(log: (line: string) => void, rebuild: boolean): Promise<void> {
  const adapter = join(REPO_ROOT, 'packages', 'cors-policy', 'dist', 'index.js');
  if (!existsSync(adapter)) {
    throw new Error(
      `No build of @cors-lab/cors-policy at ${adapter}: run \`pnpm --filter @cors-lab/cors-policy build\` first.`,
    );
  }
  const buildId = join(APP_DIR, '.next', 'BUILD_ID');
  if (!rebuild && existsSync(buildId) && statSync(buildId).mtimeMs > newestSource()) {
    return Promise.resolve();
  }
  log('next build (the fixture changed or was never built)…');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, 'build', APP_DIR], {
      cwd: APP_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build of ${APP_DIR} exited with ${code}.`)),
    );
  });
}

/** Fails unless each route answers as the comparison assumes (so the figures measure CORS work). */
async function checkRoutes(baseUrl: string): Promise<void> {
  for (const benchCase of CASES) {
    const answer = await probeOnce(`${baseUrl}${benchCase.path}`, 10_000, {
      method: benchCase.method,
      headers: benchCase.headers,
    });
    const allowOrigin = headerValues(answer, 'access-control-allow-origin');
    const expectedStatus = benchCase.method === 'OPTIONS' ? 204 : 200;
    const expectedOrigin = benchCase.id === 'bare' ? [] : [BENCH_ORIGIN];
    if (
      answer.status !== expectedStatus ||
      JSON.stringify(allowOrigin) !== JSON.stringify(expectedOrigin)
    ) {
      throw new Error(
        `${benchCase.method} ${benchCase.path} answered ${answer.status} with Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)}; expected ${expectedStatus} with ${JSON.stringify(expectedOrigin)}.`,
      );
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function load(baseUrl: string, benchCase: BenchCase, seconds: number, connections: number) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `${baseUrl}${benchCase.path}`,
        method: benchCase.method,
        headers: benchCase.headers,
        connections,
        duration: seconds,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function main(): Promise<void> {
  stopAllOnSignals();
  const options = parseOptions();
  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  await nextBuild(log, options.rebuild);
  const [port] = (await freePorts(1)) as [number];
  const server = ProcessGroup.start(
    'next start (bench)',
    process.execPath,
    [NEXT_BIN, 'start', APP_DIR, '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: APP_DIR, env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await server.waitForHttp(`${baseUrl}/bare`, 60_000);
  await checkRoutes(baseUrl);

  if (options.warmup > 0) {
    for (const benchCase of CASES)
      await load(baseUrl, benchCase, options.warmup, options.connections);
  }
  const runs = new Map<string, autocannon.Result[]>();
  // Every other round runs the cases in reverse, so drift on a shared machine hits all alike.
  const order = Array.from({ length: options.rounds }, (_, round) =>
    round % 2 === 0 ? [...CASES] : [...CASES].reverse(),
  ).flat();
  for (const benchCase of order) {
    log(`${benchCase.id}: ${options.duration} s, ${options.connections} connections…`);
    const result = await load(baseUrl, benchCase, options.duration, options.connections);
    if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
      throw new Error(
        `${benchCase.id}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx; the figures would be meaningless.`,
      );
    }
    runs.set(benchCase.id, [...(runs.get(benchCase.id) ?? []), result]);
  }

  const figures = CASES.map((benchCase) => {
    const results = runs.get(benchCase.id) ?? [];
    const requestsPerSecond = median(results.map((result) => result.requests.average));
    const p99 = median(results.map((result) => result.latency.p99));
    return { id: benchCase.id, title: benchCase.title, requestsPerSecond, p99Ms: p99 };
  });
  const bare = figures.find((figure) => figure.id === 'bare')?.requestsPerSecond ?? NaN;
  const withRatio = figures.map((figure) => ({
    ...figure,
    requestsPerSecond: Math.round(figure.requestsPerSecond),
    ratioToBare: Number((figure.requestsPerSecond / bare).toFixed(3)),
  }));
  if (options.json) {
    const report = {
      benchmark: 'next-route-handler-fetch-adapter',
      server: 'next start',
      connections: options.connections,
      durationSeconds: options.duration,
      roundsPerCase: options.rounds,
      statistic: 'median',
      cases: withRatio,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  console.log(
    `\nNext.js route handler under next start, ${options.connections} connections, median of ${options.rounds} × ${options.duration} s per case\n`,
  );
  console.log(
    formatTable([
      ['case', 'req/s (median)', 'p99 (median)', 'ratio to bare'],
      ...withRatio.map((figure) => [
        figure.title,
        figure.requestsPerSecond,
        `${figure.p99Ms} ms`,
        figure.ratioToBare.toFixed(3),
      ]),
    ]),
  );
}

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stopAll();
}
process.exit(code);
