// Prints, after every run, which engine build ran each project, the run's phases (servers, each
// engine's launch, each page), the launch floor and the run's ratio to it, and writes the same to
// test-results/engine-summary.json, which the matrix report carries into docs/browser-matrix.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import { readChoice } from '../provision/choice.mjs';
import { readServersReady } from '../servers/servers-ready.js';
import { ALONE_FLOOR_FILE, readAloneFloor, writeAloneFloor } from './alone-floor.js';
import { readMatrixRuns } from './matrix-docs.js';
import {
  FLOOR_PROJECTS,
  cpuTimesNow,
  loadNow,
  phaseLines,
  runPhases,
  type ReportedEngine,
} from './run-phases.js';
import { SUMMARY_FILE } from './summary-file.js';

interface ProjectRun {
  engine?: ReportedEngine;
  passed: number;
  failed: number;
  notRun: number;
  testMs: number;
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`;

export default class EngineSummary implements Reporter {
  private readonly runs = new Map<string, ProjectRun>();
  private readonly startedAt = Date.now();
  private readonly loadAtStart = loadNow();
  private readonly cpuAtStart = cpuTimesNow();
  private workers = 1;

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig): void {
    this.workers = config.workers;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const project = test.parent.project()?.name ?? '(no project)';
    const run = this.runs.get(project) ?? { passed: 0, failed: 0, notRun: 0, testMs: 0 };
    this.runs.set(project, run);
    if (result.status === test.expectedStatus) run.passed++;
    else if (result.status === 'interrupted' || result.status === 'skipped') run.notRun++;
    else run.failed++;
    run.testMs += result.duration;
    const attachment = result.attachments.find((candidate) => candidate.name === 'engine.json');
    if (attachment?.body) {
      const reported = JSON.parse(attachment.body.toString()) as ReportedEngine;
      run.engine = {
        ...reported,
        launchFloorMs: run.engine?.launchFloorMs ?? reported.launchFloorMs,
      };
    }
  }

  onEnd(result: FullResult): void {
    // `--list`, or a run stopped before any test: nothing to sum up, and the last summary stays.
    if (this.runs.size === 0) return;
    const choice = readChoice();
    // One engine at a time measures the honest floor; a later run divides by it as well.
    const measuresAlone = this.workers === 1;
    const phases = runPhases({
      aloneFloor: measuresAlone ? undefined : readAloneFloor(),
      startedAt: this.startedAt,
      endedAt: Date.now(),
      loadAtStart: this.loadAtStart,
      status: result.status,
      workers: this.workers,
      servers: readServersReady(),
      engines: this.runs,
      runs: readMatrixRuns(),
      cpuTimes: { start: this.cpuAtStart, end: cpuTimesNow() },
    });
    const lines = [`Engines: ${choice.source} (${choice.reason})`];
    for (const [project, run] of this.runs) {
      const engine = run.engine;
      const build = engine
        ? `${engine.product} ${engine.version} via ${engine.protocol}`
        : 'no engine reported (failed to start, or the run stopped first)';
      lines.push(
        `  ${project.padEnd(18)} ${build.padEnd(44)} launch floor ${seconds(engine?.launchFloorMs).padStart(8)}` +
          `   tests: ${run.passed} passed, ${run.failed} failed, ${run.notRun} not run, ${seconds(run.testMs)}`,
      );
    }
    lines.push(...phaseLines(phases));
    // Engines launched side by side compete for the CPU, which inflates each floor and flatters the ratio.
    const shared =
      this.workers > 1
        ? ` (floors measured with ${this.workers} workers at once; E2E_WORKERS=1 measures each alone)`
        : '';
    const ratio = phases.ratio === undefined ? '' : `, ${phases.ratio}x the launch floor${shared}`;
    const bound = phases.cpu
      ? `, ${(phases.wallMs / Math.max(phases.cpu.boundMs, 1)).toFixed(2)}x the processor bound`
      : '';
    lines.push(
      `  launch floor of ${FLOOR_PROJECTS.join(' + ')}: ${seconds(phases.floorMs)}; ` +
        `run ${result.status} in ${seconds(phases.wallMs)} wall clock${ratio}${bound}`,
    );
    if (measuresAlone && phases.floorMs !== undefined && result.status === 'passed') {
      const floors = Object.fromEntries(
        phases.engines.flatMap(({ project, floorMs }) =>
          FLOOR_PROJECTS.includes(project) && floorMs !== undefined ? [[project, floorMs]] : [],
        ),
      );
      writeAloneFloor({
        measuredAt: phases.startedAt,
        loadAverage: phases.loadAverage.start,
        floors,
        floorMs: phases.floorMs,
      });
      lines.push(`  kept as the floor alone for later runs (${ALONE_FLOOR_FILE})`);
    } else if (phases.aloneFloor && phases.aloneRatio !== undefined) {
      const { floorMs, measuredAt, loadAverage } = phases.aloneFloor;
      lines.push(
        `  launch floor with each engine alone: ${seconds(floorMs)} (measured ${measuredAt}, load average ${loadAverage.toFixed(1)}); ` +
          `run ${phases.aloneRatio}x that floor`,
      );
    } else {
      lines.push(
        '  no floor measured with each engine alone: `pnpm --filter @cors-lab/e2e test:e2e:floor` measures it for the next run',
      );
    }
    console.log(lines.join('\n'));
    mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
    const projects = Object.fromEntries(this.runs);
    writeFileSync(
      SUMMARY_FILE,
      `${JSON.stringify({ choice, status: result.status, workers: this.workers, phases, projects }, null, 2)}\n`,
    );
  }
}
