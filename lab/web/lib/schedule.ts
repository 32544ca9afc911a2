import type { Scenario } from '@cors-lab/scenarios';

/**
 * Whether a scenario touches state the browser shares between requests. Cookies live in one jar
 * per site, so two logins in flight would overwrite each other's session; everything else is
 * isolated by its run id (the preflight cache is keyed by URL, and every URL carries the run id).
 */
export function sharesBrowserState(scenario: Scenario): boolean {
  const requests = [...(scenario.setup ?? []), scenario.request];
  return requests.some((request) => request.credentials === 'include');
}

/**
 * Runs every scenario once: those sharing browser state one after another, in catalogue order,
 * while the rest run `parallel` at a time beside them. Results come back in catalogue order.
 */
export async function runScheduled<T>(
  scenarios: readonly Scenario[],
  run: (scenario: Scenario) => Promise<T>,
  parallel: number,
): Promise<T[]> {
  if (!Number.isInteger(parallel) || parallel < 1) {
    throw new RangeError(`parallel must be a positive integer, got ${parallel}.`);
  }
  const results = new Array<T>(scenarios.length);
  const indexed = scenarios.map((scenario, index) => ({ scenario, index }));
  const serial = indexed.filter(({ scenario }) => sharesBrowserState(scenario));
  const free = indexed.filter(({ scenario }) => !sharesBrowserState(scenario));

  const serialLane = (async () => {
    for (const { scenario, index } of serial) results[index] = await run(scenario);
  })();
  let next = 0;
  const worker = async () => {
    while (next < free.length) {
      const item = free[next];
      next += 1;
      if (item) results[item.index] = await run(item.scenario);
    }
  };
  // The serial lane, when it has work, takes one of the `parallel` slots.
  const slots = serial.length > 0 ? Math.max(1, parallel - 1) : parallel;
  const workers = Array.from({ length: slots }, worker);
  await Promise.all([serialLane, ...workers]);
  return results;
}
