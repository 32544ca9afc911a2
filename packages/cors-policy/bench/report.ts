// Shapes measured figures into the JSON report and the human-readable table.
import type { BenchCase } from './cases.js';
import type { BenchOptions } from './cli-options.js';

export const TARGET_RATIO = 0.97;

export interface Run {
  requestsPerSecond: number;
  /** Server process CPU time (user + system) per request served. */
  cpuMicrosPerRequest: number;
}

export interface Measured {
  benchCase: BenchCase;
  /** In the order they ran. */
  runs: Run[];
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

interface Figures {
  label: string;
  middleware: string;
  origins: number;
  runs: { requestsPerSecond: number; cpuMicrosPerRequest: number }[];
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
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
  get: (Figures & {
    /** Throughput relative to Express alone. */
    ratioToExpressAlone: number;
    /** Express alone's CPU per request over this one's: the throughput ratio a CPU-bound server would see. */
    cpuRatioToExpressAlone: number;
  })[];
  preflight: (Figures & {
    getRequestsPerSecond: number;
    ratioToGet: number;
    cpuRatioToGet: number;
  })[];
  target: { ratioToExpressAlone: number; met: boolean; metByCpu: boolean };
  elapsedSeconds: number;
}

// The median shrugs off a run that another process on the machine slowed down.
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function figures(m: Measured): Figures {
  return {
    label: m.benchCase.label,
    middleware: m.benchCase.middleware,
    origins: m.benchCase.originCount,
    runs: m.runs.map((run) => ({
      requestsPerSecond: round(run.requestsPerSecond, 0),
      cpuMicrosPerRequest: round(run.cpuMicrosPerRequest, 1),
    })),
    requestsPerSecond: median(m.runs.map((run) => run.requestsPerSecond)),
    cpuMicrosPerRequest: median(m.runs.map((run) => run.cpuMicrosPerRequest)),
  };
}

function rounded<T extends Figures>(row: T): T {
  return {
    ...row,
    requestsPerSecond: round(row.requestsPerSecond, 0),
    cpuMicrosPerRequest: round(row.cpuMicrosPerRequest, 1),
  };
}

export function buildReport(
  measured: readonly Measured[],
  options: BenchOptions,
  environment: Environment,
  elapsedSeconds: number,
): BenchReport {
  const gets = measured.filter((m) => m.benchCase.method === 'GET').map(figures);
  const baseline = gets.find((row) => row.middleware === 'none');
  if (!baseline) throw new Error('The bench has no Express-alone case to compare against.');
  const get = gets.map((row) => ({
    ...rounded(row),
    ratioToExpressAlone: round(row.requestsPerSecond / baseline.requestsPerSecond, 3),
    cpuRatioToExpressAlone: round(baseline.cpuMicrosPerRequest / row.cpuMicrosPerRequest, 3),
  }));
  const preflight = measured
    .filter((m) => m.benchCase.method === 'OPTIONS')
    .map((m) => {
      const row = figures(m);
      const sameServer = gets.find(
        (g) => g.middleware === row.middleware && g.origins === row.origins,
      );
      if (!sameServer) throw new Error(`No GET case to compare ${m.benchCase.id} with.`);
      return {
        ...rounded(row),
        getRequestsPerSecond: round(sameServer.requestsPerSecond, 0),
        ratioToGet: round(row.requestsPerSecond / sameServer.requestsPerSecond, 3),
        cpuRatioToGet: round(sameServer.cpuMicrosPerRequest / row.cpuMicrosPerRequest, 3),
      };
    });
  const ours = get.filter((row) => row.middleware === 'cors-policy');
  return {
    environment,
    settings: {
      connections: options.connections,
      secondsPerRun: options.seconds,
      warmupSeconds: options.warmupSeconds,
      runsPerCase: options.rounds,
      order:
        'each round starts at a different case, so drift and position even out; figures are medians',
      requestOrigin: 'an allowed origin, the last entry of the list (worst case for a linear scan)',
    },
    get,
    preflight,
    target: {
      ratioToExpressAlone: TARGET_RATIO,
      met: ours.every((row) => row.ratioToExpressAlone >= TARGET_RATIO),
      metByCpu: ours.every((row) => row.cpuRatioToExpressAlone >= TARGET_RATIO),
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
const runsOf = (row: Figures): string =>
  row.runs.map((run) => perSecond(run.requestsPerSecond)).join(' / ');

export function formatReport(report: BenchReport): string {
  const { environment: env, settings } = report;
  const getTable = table(
    ['GET /data, allowed Origin', 'req/s', 'runs', 'vs Express', 'CPU µs/req', 'vs Express (CPU)'],
    report.get.map((row) => [
      row.label,
      perSecond(row.requestsPerSecond),
      runsOf(row),
      row.ratioToExpressAlone.toFixed(2),
      row.cpuMicrosPerRequest.toFixed(1),
      row.cpuRatioToExpressAlone.toFixed(2),
    ]),
  );
  const preflightTable = table(
    [
      'Preflight OPTIONS /data',
      'req/s',
      'runs',
      'GET req/s',
      'vs GET',
      'CPU µs/req',
      'vs GET (CPU)',
    ],
    report.preflight.map((row) => [
      row.label,
      perSecond(row.requestsPerSecond),
      runsOf(row),
      perSecond(row.getRequestsPerSecond),
      row.ratioToGet.toFixed(2),
      row.cpuMicrosPerRequest.toFixed(1),
      row.cpuRatioToGet.toFixed(2),
    ]),
  );
  const verdict = (met: boolean, measure: string): string =>
    `${met ? 'Met' : 'Missed'} by ${measure}: cors-policy keeps ${met ? 'at least' : 'less than'} ` +
    `${TARGET_RATIO} of Express-alone throughput.`;
  return [
    `Express ${env.express}, cors ${env.cors}, Node ${env.node}, ${env.cores} x ${env.cpu}, ${env.date}`,
    `${settings.connections} connections, ${settings.runsPerCase} runs of ${settings.secondsPerRun} s ` +
      `per case (${settings.order}), ${settings.warmupSeconds} s warm-up.`,
    `Origin: ${settings.requestOrigin}.`,
    `Load average at start: ${env.loadAverageAtStart.map((load) => load.toFixed(2)).join(', ')} ` +
      '(other work on the machine skews req/s; server CPU per request is steadier).',
    '',
    getTable,
    '',
    preflightTable,
    '',
    verdict(report.target.met, 'req/s'),
    verdict(report.target.metByCpu, 'server CPU per request'),
    `Took ${report.elapsedSeconds} s.`,
  ].join('\n');
}
