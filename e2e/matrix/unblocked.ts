import { SCENARIOS, expectationFor } from '@cors-lab/scenarios';
import type { MatrixRun } from './matrix-run.js';

/** What a development-only workaround changed: the scenarios normal Chromium blocks, split by what this run saw. */
export interface Unblocked {
  observed: Map<string, MatrixRun['report']['results'][number]['observed']>;
  blockedInChromium: string[];
  nowReadable: string[];
  stillBlocked: string[];
}

export function unblockedBy(run: MatrixRun): Unblocked {
  const observed = new Map(run.report.results.map((result) => [result.id, result.observed]));
  const blockedInChromium = SCENARIOS.filter(
    (scenario) => expectationFor(scenario, 'web', 'chromium')?.outcome === 'blocked',
  ).map((scenario) => scenario.id);
  const readable = (id: string) => observed.get(id)?.outcome === 'allowed';
  return {
    observed,
    blockedInChromium,
    nowReadable: blockedInChromium.filter(readable),
    stillBlocked: blockedInChromium.filter((id) => !readable(id)),
  };
}
