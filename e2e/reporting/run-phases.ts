// Where a run's time went, from what the run left behind: when the servers answered, when each
// engine launched and how long it took, and each /matrix page's split with its slowest scenario.
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { EngineIdentity } from '../engines/engine.js';
import type { MatrixRun } from '../matrix/matrix-run.js';
import type { ServersReady } from '../servers/servers-ready.js';
import type { AloneFloor } from './alone-floor.js';

/** The engine fixture's attachment (engines/fixture.ts). */
export interface ReportedEngine extends EngineIdentity {
  launchStartedAt?: number;
  launchMs: number;
  launchFloorMs?: number;
}

export interface EnginePhase {
  project: string;
  engine: string;
  /** Exact build, e.g. `Chromium 156.0.8078.108`. */
  build: string;
  /** From the run's start to the launch's start. */
  launchAtMs?: number;
  launchMs: number;
  /** Launch plus the first page's load. */
  floorMs?: number;
  /** Sum of the project's test durations. */
  testMs: number;
}

export interface PagePhase {
  project: string;
  pageOrigin: string;
  scenarios: number;
  /** From the run's start to opening the page. */
  atMs: number;
  /** A fresh browsing state and the load event. */
  openMs: number;
  /** The page's own run: sending every scenario, reading the logs once, judging. */
  sendMs?: number;
  logReadMs?: number;
  judgeMs?: number;
  /** Everything else from the load event to done: the page's start-up and the harness's polling. */
  startUpMs?: number;
  /** Reading the results and closing the page. */
  readMs: number;
  /** The scenario that took longest, and its slowest request. */
  slowest?: { id: string; ms: number; step?: { name: string; ms: number } };
}

export interface RunPhases {
  /** ISO time the run started. */
  startedAt: string;
  status: string;
  workers: number;
  cores: number;
  /** 1-minute load average at the start and the end: other work on the machine inflates times. */
  loadAverage: { start: number; end: number };
  wallMs: number;
  /** Sum of the floors of chromium, firefox and webkit (launch + first page); undefined if one is missing. */
  floorMs?: number;
  /** wallMs / floorMs. */
  ratio?: number;
  /**
   * The same sum with each engine launched alone (a one-worker run, kept in e2e/.cache): the
   * honest floor, since engines launched side by side slow each other's launch down.
   */
  aloneFloor?: { floorMs: number; measuredAt: string; loadAverage: number };
  /** wallMs / aloneFloor.floorMs. */
  aloneRatio?: number;
  /** From the run's start to every lab origin answering. */
  serversReadyMs?: number;
  /** The machine's processor time during the run (every process, the run's or not). */
  cpu?: CpuUse;
  engines: EnginePhase[];
  pages: PagePhase[];
}

/** The processor time the machine spent over a stretch of wall clock. */
export interface CpuUse {
  /** Processor time spent busy, summed over the cores. */
  busyMs: number;
  /** busyMs / (wall clock x cores): 1 means every core was busy all along. */
  busyShare: number;
  /** busyMs / cores: the earliest a run needing this much processor time can end on these cores. */
  boundMs: number;
}

/** Busy and idle processor time since boot, summed over the cores (Node reads /proc/stat on Linux). */
export interface CpuTimes {
  busyMs: number;
  idleMs: number;
}

export function cpuTimesNow(): CpuTimes {
  let busyMs = 0;
  let idleMs = 0;
  for (const { times } of cpus()) {
    busyMs += times.user + times.nice + times.sys + times.irq;
    idleMs += times.idle;
  }
  return { busyMs, idleMs };
}

/** What the machine did between two readings, on `cores` cores. */
export function cpuUse(start: CpuTimes, end: CpuTimes, cores: number): CpuUse | undefined {
  const busyMs = end.busyMs - start.busyMs;
  const totalMs = busyMs + end.idleMs - start.idleMs;
  if (totalMs <= 0 || cores < 1) return undefined;
  return {
    busyMs: Math.round(busyMs),
    busyShare: Math.round((busyMs / totalMs) * 100) / 100,
    boundMs: Math.round(busyMs / cores),
  };
}

/** The projects whose floors make the run's floor: the three engines of a normal run. */
export const FLOOR_PROJECTS = ['chromium', 'firefox', 'webkit'];

export interface PhaseInputs {
  startedAt: number;
  endedAt: number;
  loadAtStart: number;
  status: string;
  workers: number;
  servers: ServersReady | undefined;
  engines: Map<string, { engine?: ReportedEngine; testMs: number }>;
  runs: readonly MatrixRun[];
  /** Processor times read when the run started and when it ended. */
  cpuTimes?: { start: CpuTimes; end: CpuTimes };
  /** The floor a one-worker run measured, if one did. */
  aloneFloor?: AloneFloor | undefined;
}

/** The start-of-run load average, read when the reporter starts. */
export const loadNow = (): number => loadavg()[0] ?? 0;

export function runPhases(inputs: PhaseInputs): RunPhases {
  const { startedAt, servers } = inputs;
  const since = (at: number | undefined) => (at === undefined ? undefined : at - startedAt);
  const engines = [...inputs.engines].map(([project, { engine, testMs }]): EnginePhase => {
    const phase: EnginePhase = {
      project,
      engine: engine?.engine ?? '?',
      build: engine ? `${engine.product} ${engine.version}` : 'did not start',
      launchMs: Math.round(engine?.launchMs ?? 0),
      testMs: Math.round(testMs),
    };
    const at = since(engine?.launchStartedAt);
    if (at !== undefined) phase.launchAtMs = at;
    if (engine?.launchFloorMs !== undefined) phase.floorMs = Math.round(engine.launchFloorMs);
    return phase;
  });
  const pages = inputs.runs
    .filter((run) => run.timing && run.timing.startedAt >= startedAt)
    .map((run): PagePhase => pagePhase(run, startedAt))
    .sort((a, b) => a.atMs - b.atMs);
  const floors = FLOOR_PROJECTS.map(
    (project) => engines.find((engine) => engine.project === project)?.floorMs,
  );
  const floorMs = floors.every((floor) => floor !== undefined)
    ? floors.reduce((sum, floor) => sum + floor, 0)
    : undefined;
  const wallMs = Math.round(inputs.endedAt - startedAt);
  const cores = availableParallelism();
  const phases: RunPhases = {
    startedAt: new Date(startedAt).toISOString(),
    status: inputs.status,
    workers: inputs.workers,
    cores,
    loadAverage: { start: inputs.loadAtStart, end: loadNow() },
    wallMs,
    engines,
    pages,
  };
  if (floorMs !== undefined) {
    phases.floorMs = floorMs;
    phases.ratio = Math.round((wallMs / floorMs) * 10) / 10;
  }
  if (inputs.aloneFloor) {
    const { floorMs: alone, measuredAt, loadAverage } = inputs.aloneFloor;
    phases.aloneFloor = { floorMs: alone, measuredAt, loadAverage };
    phases.aloneRatio = Math.round((wallMs / alone) * 10) / 10;
  }
  if (servers?.readyMs !== undefined) {
    phases.serversReadyMs = servers.startedAt + servers.readyMs - startedAt;
  }
  const cpu = inputs.cpuTimes && cpuUse(inputs.cpuTimes.start, inputs.cpuTimes.end, cores);
  if (cpu) phases.cpu = cpu;
  return phases;
}

function pagePhase(run: MatrixRun, startedAt: number): PagePhase {
  const { timing, report } = run;
  const phase: PagePhase = {
    project: run.project,
    pageOrigin: run.pageOrigin,
    scenarios: report.results.length,
    atMs: timing.startedAt - startedAt,
    openMs: timing.openMs,
    readMs: timing.readMs,
  };
  if (report.phases) {
    const { sendMs, logReadMs, judgeMs } = report.phases;
    Object.assign(phase, { sendMs, logReadMs, judgeMs });
    phase.startUpMs = Math.max(0, timing.runMs - sendMs - logReadMs - judgeMs);
  }
  const slowest = report.results.reduce<(typeof report.results)[number] | undefined>(
    (most, result) => (!most || result.durationMs > most.durationMs ? result : most),
    undefined,
  );
  if (slowest) {
    const step = slowest.steps?.reduce((most, one) => (one.ms > most.ms ? one : most));
    phase.slowest = { id: slowest.id, ms: slowest.durationMs, ...(step ? { step } : {}) };
  }
  return phase;
}

const s = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);

/** The phases as the lines the run prints. */
export function phaseLines(phases: RunPhases): string[] {
  const lines = [
    `Phases (${phases.workers} worker(s) on ${phases.cores} cores, load average ${phases.loadAverage.start.toFixed(1)} -> ${phases.loadAverage.end.toFixed(1)}):`,
    `  servers answered on every origin at ${s(phases.serversReadyMs)}`,
  ];
  const { cpu } = phases;
  if (cpu) {
    // A run that keeps every core busy is CPU-bound: more workers cannot shorten it, less work can.
    lines.push(
      `  processor: ${Math.round(cpu.busyShare * 100)}% of ${phases.cores} cores busy (${s(cpu.busyMs)} of CPU time, every process on the machine); that much work cannot end before ${s(cpu.boundMs)} here`,
    );
  }
  for (const engine of phases.engines) {
    lines.push(
      `  ${engine.project.padEnd(18)} launch at ${s(engine.launchAtMs).padStart(7)} took ${s(engine.launchMs).padStart(7)}, floor ${s(engine.floorMs).padStart(7)}, tests ${s(engine.testMs)}`,
    );
  }
  for (const page of phases.pages) {
    const split =
      page.sendMs === undefined
        ? ''
        : ` (start-up ${s(page.startUpMs)}, send ${s(page.sendMs)}, logs ${s(page.logReadMs)}, judge ${s(page.judgeMs)})`;
    const slowest = page.slowest
      ? `; slowest ${page.slowest.id} ${s(page.slowest.ms)}${page.slowest.step ? ` (${page.slowest.step.name} ${s(page.slowest.step.ms)})` : ''}`
      : '';
    lines.push(
      `  ${s(page.atMs).padStart(7)} ${page.project} ${page.pageOrigin}: open ${s(page.openMs)}${split}, read ${s(page.readMs)}${slowest}`,
    );
  }
  return lines;
}
