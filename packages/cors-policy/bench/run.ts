// `pnpm bench`: Express 5 alone vs behind cors-policy vs behind `cors`, with 2 and 10,000 allowed
// origins, plus the preflight path. Servers run in child processes; autocannon runs here.
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { benchCases, serverKey } from './cases.js';
import type { BenchCase } from './cases.js';
import { USAGE, parseBenchOptions } from './cli-options.js';
import type { BenchOptions } from './cli-options.js';
import { expectHeaders } from './expect-headers.js';
import { applyLoad } from './load.js';
import { buildReport, formatReport } from './report.js';
import type { Environment, Measured, Run } from './report.js';
import { startServer } from './server-process.js';
import type { RunningServer } from './server-process.js';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string =>
  (require(`${name}/package.json`) as { version: string }).version;

// Progress goes to stderr so that stdout carries only the result (one JSON object with --json).
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function startServers(cases: readonly BenchCase[]): Promise<Map<string, RunningServer>> {
  const servers = new Map<string, RunningServer>();
  const unique = new Map(cases.map((c) => [serverKey(c), c]));
  const started = await Promise.allSettled(
    [...unique].map(async ([key, c]) => {
      servers.set(key, await startServer(c.middleware, c.originCount));
    }),
  );
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    for (const server of servers.values()) server.stop();
    throw failure.reason;
  }
  return servers;
}

async function measureAll(
  cases: readonly BenchCase[],
  servers: ReadonlyMap<string, RunningServer>,
  options: BenchOptions,
): Promise<Measured[]> {
  const url = (c: BenchCase): string => `${servers.get(serverKey(c))?.origin}/data`;
  for (const c of cases) {
    await expectHeaders({
      url: url(c),
      method: c.method,
      headers: c.headers,
      status: c.expectedStatus,
      allowOrigin: c.expectedAllowOrigin,
    });
  }
  const runs = new Map<BenchCase, Run[]>(cases.map((c) => [c, []]));
  // Each round starts further along the list, so no case always sits at a round's edge.
  const step = Math.ceil(cases.length / options.rounds);
  const order = Array.from({ length: options.rounds }, (_, round) => {
    const start = (round * step) % cases.length;
    return [...cases.slice(start), ...cases.slice(0, start)];
  }).flat();
  for (const [index, c] of order.entries()) {
    const server = servers.get(serverKey(c));
    if (!server) throw new Error(`No server was started for ${c.id}.`);
    const load = {
      url: url(c),
      method: c.method,
      headers: c.headers,
      connections: options.connections,
    };
    if (index < cases.length && options.warmupSeconds > 0) {
      await applyLoad({ ...load, seconds: options.warmupSeconds });
    }
    const cpuBefore = await server.cpuMicros();
    const result = await applyLoad({ ...load, seconds: options.seconds });
    const cpuMicrosPerRequest = ((await server.cpuMicros()) - cpuBefore) / result.requests;
    runs.get(c)?.push({ requestsPerSecond: result.requestsPerSecond, cpuMicrosPerRequest });
    progress(
      `[${index + 1}/${order.length}] ${c.method} ${c.label}: ` +
        `${Math.round(result.requestsPerSecond).toLocaleString('en-US')} req/s, ` +
        `${cpuMicrosPerRequest.toFixed(1)} µs server CPU per request`,
    );
  }
  return cases.map((c) => ({ benchCase: c, runs: runs.get(c) ?? [] }));
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = performance.now();
  const environment: Environment = {
    date: new Date().toISOString(),
    node: process.version,
    express: versionOf('express'),
    cors: versionOf('cors'),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
  };
  const cases = benchCases(environment.cors);
  const servers = await startServers(cases);
  try {
    const measured = await measureAll(cases, servers, options);
    const report = buildReport(
      measured,
      options,
      environment,
      (performance.now() - started) / 1000,
    );
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
    );
  } finally {
    for (const server of servers.values()) server.stop();
  }
}

main().catch((error: unknown) => {
  progress(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
