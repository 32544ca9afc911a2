// Shapes measured figures into the JSON report and the human-readable table.
import type { BenchCase } from './cases.js';
import type { BenchOptions } from './cli-options.js';

export const TARGET_RATIO = 0.97;

export interface Measured {
  benchCase: BenchCase;
  /** Requests per second of each run, in the order they ran. */
  runs: number[];
}

export interface Environment {
  date: string;
  node: string;
  express: string;
  cors: string;
  cpu: string;
  cores: number;
  loadAverageAtStart: number[];
}

export interface BenchReport {
  environment: Environment;
  settings: {
    connections: number;
    secondsPerRun: number;
    warmupSeconds: number;
    runsPerCase: number;
    order: string;
    requestOrigin: string;
  };
  get: {
    label: string;
    middleware: string;
    origins: number;
    runs: number[];
    requestsPerSecond: number;
    ratioToExpressAlone: number;
  }[];
  preflight: {
    label: string;
    middleware: string;
    origins: number;
    runs: number[];
    optionsRequestsPerSecond: number;
    getRequestsPerSecond: number;
    ratioToGet: number;
  }[];
  target: { ratioToExpressAlone: number; met: boolean };
  elapsedSeconds: number;
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function buildReport(
  measured: readonly Measured[],
  options: BenchOptions,
  environment: Environment,
  elapsedSeconds: number,
): BenchReport {
  const gets = measured.filter((m) => m.benchCase.method === 'GET');
  const baseline = gets.find((m) => m.benchCase.middleware === 'none');
  if (!baseline) throw new Error('The bench has no Express-alone case to compare against.');
  const baselineRate = mean(baseline.runs);
  const get = gets.map((m) => ({
    label: m.benchCase.label,
    middleware: m.benchCase.middleware,
    origins: m.benchCase.originCount,
    runs: m.runs.map((run) => round(run, 0)),
    requestsPerSecond: round(mean(m.runs), 0),
    ratioToExpressAlone: round(mean(m.runs) / baselineRate, 3),
  }));
  const preflight = measured
    .filter((m) => m.benchCase.method === 'OPTIONS')
    .map((m) => {
      const sameServerGet = gets.find(
        (g) =>
          g.benchCase.middleware === m.benchCase.middleware &&
          g.benchCase.originCount === m.benchCase.originCount,
      );
      if (!sameServerGet) throw new Error(`No GET case to compare ${m.benchCase.id} with.`);
      return {
        label: m.benchCase.label,
        middleware: m.benchCase.middleware,
        origins: m.benchCase.originCount,
        runs: m.runs.map((run) => round(run, 0)),
        optionsRequestsPerSecond: round(mean(m.runs), 0),
        getRequestsPerSecond: round(mean(sameServerGet.runs), 0),
        ratioToGet: round(mean(m.runs) / mean(sameServerGet.runs), 3),
      };
    });
  const ours = get.filter((row) => row.middleware === 'cors-policy');
  return {
    environment,
    settings: {
      connections: options.connections,
      secondsPerRun: options.seconds,
      warmupSeconds: options.warmupSeconds,
      runsPerCase: 2,
      order: 'every case once in order, then once in reverse order, so drift cancels out',
      requestOrigin: 'an allowed origin, the last entry of the list (worst case for a linear scan)',
    },
    get,
    preflight,
    target: {
      ratioToExpressAlone: TARGET_RATIO,
      met: ours.every((row) => row.ratioToExpressAlone >= TARGET_RATIO),
    },
    elapsedSeconds: round(elapsedSeconds, 1),
  };
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const perSecond = (value: number): string => Math.round(value).toLocaleString('en-US');

export function formatReport(report: BenchReport): string {
  const { environment: env, settings } = report;
  const getTable = table(
    ['GET /data, allowed Origin', 'req/s', 'runs', 'vs Express alone'],
    report.get.map((row) => [
      row.label,
      perSecond(row.requestsPerSecond),
      row.runs.map(perSecond).join(' / '),
      row.ratioToExpressAlone.toFixed(2),
    ]),
  );
  const preflightTable = table(
    ['Preflight (OPTIONS /data)', 'OPTIONS req/s', 'runs', 'GET req/s', 'OPTIONS vs GET'],
    report.preflight.map((row) => [
      row.label,
      perSecond(row.optionsRequestsPerSecond),
      row.runs.map(perSecond).join(' / '),
      perSecond(row.getRequestsPerSecond),
      row.ratioToGet.toFixed(2),
    ]),
  );
  const verdict = report.target.met
    ? `Target met: cors-policy keeps at least ${TARGET_RATIO} of Express-alone throughput.`
    : `Target missed: cors-policy fell below ${TARGET_RATIO} of Express-alone throughput in this run.`;
  return [
    `Express ${env.express}, cors ${env.cors}, Node ${env.node}, ${env.cores} x ${env.cpu}, ${env.date}`,
    `${settings.connections} connections, ${settings.runsPerCase} runs of ${settings.secondsPerRun} s per case ` +
      `(${settings.order}), ${settings.warmupSeconds} s warm-up; Origin: ${settings.requestOrigin}.`,
    `Load average at start: ${env.loadAverageAtStart.map((load) => load.toFixed(2)).join(', ')}`,
    '',
    getTable,
    '',
    preflightTable,
    '',
    verdict,
    `Took ${report.elapsedSeconds} s.`,
  ].join('\n');
}
