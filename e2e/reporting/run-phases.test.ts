import { describe, expect, it } from 'vitest';
import type { MatrixRun } from '../matrix/matrix-run.js';
import {
  cpuUse,
  phaseLines,
  runPhases,
  type PhaseInputs,
  type ReportedEngine,
} from './run-phases.js';

const T0 = 1_800_000_000_000;

function engine(project: string, launchMs: number, floorMs: number): ReportedEngine {
  return {
    project,
    engine: project as ReportedEngine['engine'],
    product: project,
    version: '1.0',
    source: 'debian',
    protocol: 'test',
    webSecurity: true,
    launchStartedAt: T0 + 1_000,
    launchMs,
    launchFloorMs: floorMs,
  };
}

function page(at: number, durations: number[]): MatrixRun {
  const results = durations.map((durationMs, index) => ({
    id: `s${index}`,
    durationMs,
    steps: [
      { name: 'setup 1', ms: 1 },
      { name: 'request', ms: durationMs - 1 },
    ],
  }));
  return {
    project: 'webkit',
    pageOrigin: 'http://localhost:3000',
    timing: { startedAt: T0 + at, openMs: 500, runMs: 3_000, readMs: 100 },
    report: { results, phases: { sendMs: 2_000, logReadMs: 200, judgeMs: 100 } },
  } as unknown as MatrixRun;
}

/** A run's inputs: `wallMs` after T0, and anything else the test names. */
function phasesOf(wallMs: number, rest: Partial<PhaseInputs> = {}) {
  return runPhases({
    startedAt: T0,
    endedAt: T0 + wallMs,
    loadAtStart: 1,
    status: 'passed',
    workers: 1,
    servers: undefined,
    engines: new Map(),
    runs: [],
    ...rest,
  });
}

describe('the run phases', () => {
  it('adds the three floors, divides the wall clock by them, and times everything from the start', () => {
    const phases = phasesOf(30_000, {
      workers: 3,
      servers: { startedAt: T0 + 500, readyMs: 4_500, reused: [] },
      engines: new Map([
        ['chromium', { engine: engine('chromium', 1_000, 2_000), testMs: 10_000 }],
        ['firefox', { engine: engine('firefox', 2_000, 3_000), testMs: 10_000 }],
        ['webkit', { engine: engine('webkit', 3_000, 5_000), testMs: 10_000 }],
      ]),
      runs: [page(9_000, [300, 1_200, 40]), page(2_000, [10])],
    });
    expect(phases).toMatchObject({
      wallMs: 30_000,
      floorMs: 10_000,
      ratio: 3,
      serversReadyMs: 5_000,
    });
    expect(phases.engines[0]).toMatchObject({
      project: 'chromium',
      launchAtMs: 1_000,
      floorMs: 2_000,
    });
    expect(phases.pages.map((one) => one.atMs)).toEqual([2_000, 9_000]);
    // 3 s from load to done, of which the page's own send, log read and judge took 2.3 s.
    expect(phases.pages[1]).toMatchObject({
      startUpMs: 700,
      slowest: { id: 's1', ms: 1_200, step: { name: 'request', ms: 1_199 } },
    });
  });

  it('divides the wall clock by the floor measured with each engine alone as well, when one was kept', () => {
    const phases = phasesOf(21_000, {
      workers: 5,
      engines: new Map([
        ['chromium', { engine: engine('chromium', 1_000, 2_000), testMs: 1 }],
        ['firefox', { engine: engine('firefox', 2_000, 9_000), testMs: 1 }],
        ['webkit', { engine: engine('webkit', 3_000, 3_000), testMs: 1 }],
      ]),
      aloneFloor: {
        measuredAt: '2026-01-01T00:00:00.000Z',
        loadAverage: 0.5,
        floors: { chromium: 1_000, firefox: 4_000, webkit: 2_000 },
        floorMs: 7_000,
      },
    });
    expect(phases).toMatchObject({
      floorMs: 14_000,
      ratio: 1.5,
      aloneFloor: { floorMs: 7_000, measuredAt: '2026-01-01T00:00:00.000Z', loadAverage: 0.5 },
      aloneRatio: 3,
    });
  });

  it('has no floor or ratio when one of the three engines did not report, and says so when printed', () => {
    const phases = phasesOf(10_000, {
      status: 'failed',
      engines: new Map([['chromium', { engine: engine('chromium', 1_000, 2_000), testMs: 1 }]]),
    });
    expect(phases.floorMs).toBeUndefined();
    expect(phases.ratio).toBeUndefined();
    expect(phaseLines(phases)[1]).toBe('  servers answered on every origin at -');
  });

  it('leaves out pages saved by an earlier run', () => {
    const phases = phasesOf(10_000, { runs: [page(-60_000, [10]), page(1_000, [10])] });
    expect(phases.pages).toHaveLength(1);
  });

  it('reports the processor time the machine spent, and the earliest a run needing it can end', () => {
    const start = { busyMs: 1_000, idleMs: 5_000 };
    // 40 s of wall clock on 2 cores is 80 s of processor time: 72 s busy, 8 s idle.
    const end = { busyMs: 73_000, idleMs: 13_000 };
    expect(cpuUse(start, end, 2)).toEqual({ busyMs: 72_000, busyShare: 0.9, boundMs: 36_000 });
    const phases = phasesOf(40_000, { workers: 3, cpuTimes: { start, end } });
    expect(phases.cpu?.busyMs).toBe(72_000);
    expect(phaseLines(phases)[2]).toMatch(
      /^ {2}processor: 90% of \d+ cores busy \(72\.0 s of CPU time/,
    );
  });

  it('reports no processor use when no time passed between the readings', () => {
    const same = { busyMs: 1_000, idleMs: 1_000 };
    expect(cpuUse(same, same, 2)).toBeUndefined();
  });
});
