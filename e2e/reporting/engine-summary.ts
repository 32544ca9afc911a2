// Prints, after every run, which engine build ran each project, its launch floor and its time,
// and writes the same to test-results/engine-summary.json for the matrix report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  FullConfig,
  FullResult,
  Reporter,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import type { EngineIdentity } from '../engines/engine.js';
import { readChoice } from '../provision/choice.mjs';

const SUMMARY_FILE = fileURLToPath(new URL('../test-results/engine-summary.json', import.meta.url));

interface ReportedEngine extends EngineIdentity {
  launchMs: number;
  launchFloorMs?: number;
}

interface ProjectRun {
  engine?: ReportedEngine;
  passed: number;
  failed: number;
  notRun: number;
  testMs: number;
}

// The speed target compares the whole run with launching these three and loading a page.
const FLOOR_PROJECTS = ['chromium', 'firefox', 'webkit'];

const seconds = (ms: number | undefined) =>
  ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`;

export default class EngineSummary implements Reporter {
  private readonly runs = new Map<string, ProjectRun>();
  private readonly started = performance.now();
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
    const choice = readChoice();
    const wallMs = performance.now() - this.started;
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
    const floors = FLOOR_PROJECTS.map((project) => this.runs.get(project)?.engine?.launchFloorMs);
    const floorMs = floors.every((floor) => floor !== undefined)
      ? floors.reduce((sum, floor) => sum + floor, 0)
      : undefined;
    // Engines launched side by side compete for the CPU, which inflates each floor and flatters the ratio.
    const shared =
      this.workers > 1
        ? ` (floors measured with ${this.workers} workers at once: rerun with --workers 1 for a fair floor)`
        : '';
    const ratio =
      floorMs === undefined ? '' : `, ${(wallMs / floorMs).toFixed(1)}x the launch floor${shared}`;
    lines.push(
      `  launch floor of ${FLOOR_PROJECTS.join(' + ')}: ${seconds(floorMs)}; ` +
        `run ${result.status} in ${seconds(wallMs)} wall clock${ratio}`,
    );
    console.log(lines.join('\n'));
    mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
    const projects = Object.fromEntries(this.runs);
    writeFileSync(
      SUMMARY_FILE,
      `${JSON.stringify({ choice, status: result.status, workers: this.workers, wallMs, floorMs, projects }, null, 2)}\n`,
    );
  }
}
