// `pnpm bench`: instructions per request under callgrind (deterministic) and throughput under
// autocannon (noisy) for every case in cases.ts. Progress goes to stderr; the result to stdout.
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { stopAll, stopAllOnSignals } from '@cors-lab/testkit';
import { CASES } from './cases.js';
import { USAGE, parseBenchOptions } from './cli-options.js';
import { buildNextApp } from './hosts/next-build.js';
import { ensureValgrind } from './measure/callgrind.js';
import { measureInstructions } from './measure/instructions.js';
import { measureThroughput } from './measure/throughput.js';
import { formatReport } from './report/format.js';
import {
  INSTRUCTIONS_METHOD,
  THROUGHPUT_METHOD,
  goalsOf,
  instructionRows,
  settingsOf,
  throughputRows,
} from './report/report.js';
import type { BenchReport } from './report/report.js';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string =>
  (require(`${name}/package.json`) as { version: string }).version;
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  stopAllOnSignals();
  const started = performance.now();
  const cases =
    options.cases.length === 0
      ? CASES
      : CASES.filter((c) => options.cases.some((part) => c.id.includes(part)));
  if (cases.length === 0) {
    throw new Error(
      `--case ${options.cases.join(', ')} matches no case: the ids are ${CASES.map((c) => c.id).join(', ')}.`,
    );
  }
  const counting = options.measures.includes('instructions');
  const report: BenchReport = {
    environment: {
      date: new Date().toISOString(),
      node: process.version,
      express: versionOf('express'),
      cors: versionOf('cors'),
      next: versionOf('next'),
      valgrind: counting ? ensureValgrind() : undefined,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))),
    },
    settings: settingsOf(options),
    goals: [],
    elapsedSeconds: 0,
  };
  if (cases.some((c) => c.server.host === 'next')) await buildNextApp(progress, options.rebuild);
  if (counting) {
    const counted = await measureInstructions(
      cases,
      {
        windows: options.windows,
        requestsPerWindow: options.requestsPerWindow,
        warmupRequests: options.warmupRequests,
      },
      progress,
    );
    const rows = instructionRows(cases, counted);
    report.instructions = { method: INSTRUCTIONS_METHOD, cases: rows };
    report.goals = goalsOf(rows);
  }
  if (options.measures.includes('throughput')) {
    const runs = await measureThroughput(cases, options, progress);
    report.throughput = { method: THROUGHPUT_METHOD, cases: throughputRows(cases, runs) };
  }
  report.elapsedSeconds = Math.round((performance.now() - started) / 1000);
  process.stdout.write(
    options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
  );
}

try {
  await main();
} catch (error) {
  progress(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await stopAll();
}
