// Shapes measured figures into the JSON report: each case's figure with its spread, and ratios to
// its baseline (the same server without CORS) and to the hand-written floor.
import type { CaseSpec } from '../cases.js';
import type { BenchOptions } from '../cli-options.js';
import type { CountedWindow } from '../measure/instructions.js';
import type { ThroughputRun } from '../measure/throughput.js';
import { round, spreadOf } from './spread.js';
import type { Spread } from './spread.js';

export interface Environment {
  date: string;
  node: string;
  express: string;
  cors: string;
  next: string;
  valgrind: string | undefined;
  cpu: string;
  cores: number;
  loadAverageAtStart: number[];
}

export interface InstructionRow {
  id: string;
  label: string;
  /**
   * Over windows without a garbage collection inside. The figure is `min`: what else V8 does in a
   * window (marking steps, compiling) only adds instructions, so the least is the path's own cost.
   */
  instructionsPerRequest: Spread;
  allocatedBytesPerRequest: number;
  windows: number[];
  /** Windows left out because a collection fell inside them. */
  windowsWithCollection: number;
  baseline: string;
  /** Instructions relative to the baseline (above 1: costs more). */
  vsBaseline: number;
  floor?: string;
  vsFloor?: number;
  /** Micro cases: calls made per request, and (least − baseline's least) / calls. */
  callsPerRequest?: number;
  instructionsPerCall?: number;
}

export interface ThroughputRow {
  id: string;
  label: string;
  requestsPerSecond: Spread;
  cpuMicrosPerRequest: Spread;
  baseline: string;
  /** Requests per second relative to the baseline (below 1: slower). */
  throughputVsBaseline: number;
  /** Server CPU per request relative to the baseline (above 1: costs more). */
  cpuVsBaseline: number;
  floor?: string;
  /** Requests per second relative to the hand-written floor with the same list. */
  throughputVsFloor?: number;
  /** Server CPU per request relative to the hand-written floor. */
  cpuVsFloor?: number;
}

export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchReport {
  environment: Environment;
  settings: Record<string, unknown>;
  instructions?: { method: string; cases: InstructionRow[] };
  throughput?: { method: string; cases: ThroughputRow[] };
  goals: Goal[];
  elapsedSeconds: number;
}

const ratio = (value: number, base: number | undefined): number =>
  base === undefined ? NaN : round(value / base, 3);

export function instructionRows(
  cases: readonly CaseSpec[],
  counted: ReadonlyMap<string, readonly CountedWindow[]>,
): InstructionRow[] {
  const costs = new Map<string, number>();
  const rows = cases.map((c) => {
    const windows = counted.get(c.id) ?? [];
    const clean = windows.filter((w) => w.collections === 0);
    const used = clean.length > 0 ? clean : windows;
    const instructionsPerRequest = spreadOf(used.map((w) => w.instructionsPerRequest));
    costs.set(c.id, instructionsPerRequest.min);
    return {
      c,
      row: {
        id: c.id,
        label: c.label,
        instructionsPerRequest,
        allocatedBytesPerRequest: spreadOf(used.map((w) => w.allocatedBytesPerRequest)).median,
        windows: windows.map((w) => Math.round(w.instructionsPerRequest)),
        windowsWithCollection: windows.length - clean.length,
        baseline: c.baseline,
        vsBaseline: NaN,
      } satisfies InstructionRow as InstructionRow,
    };
  });
  return rows.map(({ c, row }) => ({
    ...row,
    vsBaseline: ratio(row.instructionsPerRequest.min, costs.get(c.baseline)),
    ...(c.floor === undefined
      ? {}
      : {
          floor: c.floor,
          vsFloor: ratio(row.instructionsPerRequest.min, costs.get(c.floor)),
        }),
    ...(c.callsPerRequest === undefined
      ? {}
      : {
          callsPerRequest: c.callsPerRequest,
          instructionsPerCall: round(
            (row.instructionsPerRequest.min - (costs.get(c.baseline) ?? NaN)) / c.callsPerRequest,
            1,
          ),
        }),
  }));
}

export function throughputRows(
  cases: readonly CaseSpec[],
  runs: ReadonlyMap<string, readonly ThroughputRun[]>,
): ThroughputRow[] {
  const figures = new Map(
    cases.map((c) => {
      const caseRuns = runs.get(c.id) ?? [];
      return [
        c.id,
        {
          requestsPerSecond: spreadOf(caseRuns.map((r) => r.requestsPerSecond)),
          cpuMicrosPerRequest: spreadOf(
            caseRuns.map((r) => r.cpuMicrosPerRequest),
            1,
          ),
        },
      ] as const;
    }),
  );
  return cases.map((c) => {
    const own = figures.get(c.id);
    const base = figures.get(c.baseline);
    if (!own) throw new Error(`No throughput runs for ${c.id}.`);
    const floor = c.floor === undefined ? undefined : figures.get(c.floor);
    return {
      id: c.id,
      label: c.label,
      ...own,
      baseline: c.baseline,
      throughputVsBaseline: ratio(own.requestsPerSecond.median, base?.requestsPerSecond.median),
      cpuVsBaseline: ratio(own.cpuMicrosPerRequest.median, base?.cpuMicrosPerRequest.median),
      ...(c.floor === undefined
        ? {}
        : {
            floor: c.floor,
            throughputVsFloor: ratio(own.requestsPerSecond.median, floor?.requestsPerSecond.median),
            cpuVsFloor: ratio(own.cpuMicrosPerRequest.median, floor?.cpuMicrosPerRequest.median),
          }),
    };
  });
}

/** The acceptance goals of the per-request cost, judged on instructions (skipped when a case is missing). */
export function goalsOf(rows: readonly InstructionRow[]): Goal[] {
  const cost = (id: string) => rows.find((row) => row.id === id)?.instructionsPerRequest.min;
  const goals: Goal[] = [];
  const compare = (goal: string, ours: string, other: string, factor: number) => {
    const a = cost(ours);
    const b = cost(other);
    if (a === undefined || b === undefined) return;
    goals.push({
      goal,
      measured: `${ours} ${Math.round(a)} vs ${other} ${Math.round(b)}${factor === 1 ? '' : ` × ${factor} = ${Math.round(b * factor)}`} instructions/request`,
      met: a <= b * factor,
    });
  };
  compare('corsMiddleware ≤ hand-written floor, 2 origins', 'policy-2', 'hand-2', 1);
  compare('corsMiddleware ≤ hand-written floor, 10,000 origins', 'policy-10k', 'hand-10k', 1);
  compare('corsMiddleware ≤ half of cors 2.8.6, 10,000 origins', 'policy-10k', 'cors-10k', 0.5);
  const perCall = (id: string) => rows.find((row) => row.id === id)?.instructionsPerCall;
  const lookup = perCall('micro-public-suffix');
  const pattern = perCall('micro-pattern');
  if (lookup !== undefined && pattern !== undefined) {
    goals.push({
      goal: 'public-suffix lookup ≤ the per-request pattern match',
      measured: `${lookup} vs ${pattern} instructions/call (ratio ${ratio(lookup, pattern)})`,
      met: lookup <= pattern,
    });
  }
  return goals;
}

export function settingsOf(options: BenchOptions): Record<string, unknown> {
  return {
    measures: options.measures,
    instructions: {
      windowsPerCase: options.windows,
      requestsPerWindow: options.requestsPerWindow,
      warmupRequestsPerCase: options.warmupRequests,
    },
    throughput: {
      connections: options.connections,
      secondsPerRun: options.seconds,
      runsPerCase: options.rounds,
      warmupSeconds: options.warmupSeconds,
    },
    requestOrigin: 'an allowed origin, the last entry of the list (worst case for a linear scan)',
  };
}

export const INSTRUCTIONS_METHOD =
  'valgrind callgrind: all Node.js cases in one process, all Next.js cases in another, each case on ' +
  'its own port; after a warm-up, windows of sequential keep-alive requests are counted between two ' +
  'markers (os.freemem zeroes, os.totalmem dumps), interleaved across cases. V8 runs single-threaded ' +
  'without its memory reducer and with a 64 MB young generation, one full collection after the ' +
  'warm-up and a scavenge before each window, so collection is not counted: allocation is ' +
  'reported as bytes per request instead. The figure is the least ' +
  'count over windows without a collection (other V8 work only adds to a window); median and max ' +
  'show the spread.';

export const THROUGHPUT_METHOD =
  'autocannon against each server, cases interleaved in rounds that start at a different case; the ' +
  "server's CPU time (process.cpuUsage) per request beside requests per second; medians with min–max.";
