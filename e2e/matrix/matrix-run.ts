// One run of the whole catalogue: open /matrix from one page origin in one engine, wait until every
// scenario ran, and keep what the page published with the engine and the time it took.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PAGE_ORIGIN_ROLES,
  parseMatrixReport,
  type MatrixReport,
  type Origins,
  type PageOriginRole,
} from '@cors-lab/scenarios';
import type { TestInfo } from '@playwright/test';
import type { Engine, EngineIdentity } from '../engines/engine.js';

/** Where each run is saved as `<project>--<origin>.json`; reporting/write-matrix.ts reads them. */
export const MATRIX_RESULTS_DIR = fileURLToPath(
  new URL('../test-results/matrix/', import.meta.url),
);

// The catalogue takes seconds; the margin is for a loaded machine and WebKit over WebDriver.
const DONE_WITHIN_MS = 90_000;

export interface MatrixRun {
  project: string;
  identity: EngineIdentity;
  launchMs: number;
  launchFloorMs: number | undefined;
  pageOrigin: string;
  page: PageOriginRole;
  /** From opening the page to having read its results. */
  loadMs: number;
  report: MatrixReport;
}

interface Settled {
  state: string | null;
  alert: string | null;
  /** Scenarios still without a result, so a timeout names the ones that hang. */
  pending: string[];
}

// Runs in the page: resolves once the matrix has finished (or failed), or when time runs out.
const settled = (timeoutMs: number) =>
  new Promise<Settled>((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      const root = document.querySelector('#matrix');
      const state = root?.getAttribute('data-state') ?? null;
      // Without the root element this is not the matrix page (e.g. the engine's own error page).
      if (!root || state === 'done' || state === 'error' || Date.now() >= deadline) {
        const rows = document.querySelectorAll('[data-scenario]:not([data-pass])');
        resolve({
          state,
          alert: document.querySelector('[role="alert"]')?.textContent ?? null,
          pending: [...rows].map((row) => row.getAttribute('data-scenario') ?? '?'),
        });
      } else setTimeout(check, 100);
    };
    check();
  });

export function pageRoleOf(origins: Origins, pageOrigin: string): PageOriginRole {
  const roles: readonly PageOriginRole[] = PAGE_ORIGIN_ROLES;
  const role = roles.find((candidate) => origins[candidate] === pageOrigin);
  if (!role) {
    throw new Error(
      `${pageOrigin} is none of the lab's page origins (${roles.map((r) => origins[r]).join(', ')}).`,
    );
  }
  return role;
}

export async function runMatrix(
  engine: Engine,
  origins: Origins,
  pageOrigin: string,
): Promise<MatrixRun> {
  const url = `${pageOrigin}/matrix`;
  const started = performance.now();
  const page = await engine.open(url);
  try {
    const { state, alert, pending } = await page.evaluate(settled, DONE_WITHIN_MS);
    if (state !== 'done') {
      throw new Error(
        state === 'error'
          ? `${url} stopped with data-state="error": ${alert ?? '(no message shown)'}`
          : state === null
            ? `${url} loaded a page without the #matrix element (title ${JSON.stringify(await page.title())}); is the web app running on that origin?`
            : `${url} did not reach data-state="done" within ${DONE_WITHIN_MS / 1000} s (it is ${JSON.stringify(state)}); ${pending.length > 0 ? `still without a result: ${pending.join(', ')}` : 'no scenario row rendered: the page script never ran (a JS chunk failed to load? was the web app rebuilt under the running server?)'}.`,
      );
    }
    const report = parseMatrixReport(await page.textContent('#results'), url);
    return {
      project: engine.identity.project,
      identity: engine.identity,
      launchMs: engine.launchMs,
      launchFloorMs: engine.launchFloorMs(),
      pageOrigin,
      page: pageRoleOf(origins, pageOrigin),
      loadMs: Math.round(performance.now() - started),
      report,
    };
  } finally {
    await page.close();
  }
}

export function matrixRunFile(project: string, pageOrigin: string): string {
  const origin = new URL(pageOrigin);
  return `${project}--${origin.hostname}-${origin.port || (origin.protocol === 'https:' ? 443 : 80)}.json`;
}

/** Attaches the run to the test (HTML report) and saves it for the matrix report. */
export async function saveMatrixRun(run: MatrixRun, testInfo: TestInfo): Promise<void> {
  const body = `${JSON.stringify(run, null, 2)}\n`;
  await testInfo.attach('matrix-results.json', { contentType: 'application/json', body });
  mkdirSync(MATRIX_RESULTS_DIR, { recursive: true });
  writeFileSync(join(MATRIX_RESULTS_DIR, matrixRunFile(run.project, run.pageOrigin)), body);
}
