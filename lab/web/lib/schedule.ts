import type { Scenario } from '@cors-lab/scenarios';

/**
 * Whether a scenario touches state the browser shares between requests. Cookies live in one jar
 * per host, so two logins to one host in flight would overwrite each other's session; everything
 * else is isolated by its run id (the preflight cache is keyed by URL, and every URL carries it).
 */
export function sharesBrowserState(scenario: Scenario): boolean {
  const requests = [...(scenario.setup ?? []), scenario.request];
  return requests.some((request) => request.credentials === 'include');
}

/** Requests a scenario makes one after another: the longest start first so none ends the page. */
export function requestCount(scenario: Scenario): number {
  return (scenario.setup?.length ?? 0) + (scenario.request.repeat ?? 1);
}

/**
 * Runs every scenario once, `parallel` at a time. Scenarios sharing browser state run in one lane
 * per cookie jar (`cookieJars`, e.g. the hosts they send credentials to), one after another in
 * catalogue order; a scenario in several jars waits for each. The rest run beside them, longest
 * first. Results come back in catalogue order.
 */
export async function runScheduled<T>(
  scenarios: readonly Scenario[],
  run: (scenario: Scenario) => Promise<T>,
  parallel: number,
  cookieJars: (scenario: Scenario) => readonly string[] = () => ['the one jar'],
): Promise<T[]> {
  if (!Number.isInteger(parallel) || parallel < 1) {
    throw new RangeError(`parallel must be a positive integer, got ${parallel}.`);
  }
  const results = new Array<T>(scenarios.length);
  const indexed = scenarios.map((scenario, index) => ({ scenario, index }));
  const serial = indexed.filter(({ scenario }) => sharesBrowserState(scenario));
  const free = indexed
    .filter(({ scenario }) => !sharesBrowserState(scenario))
    .sort((a, b) => requestCount(b.scenario) - requestCount(a.scenario));

  // Each jar's last scenario so far: the next one in that jar starts once it has ended.
  const lastInJar = new Map<string, Promise<unknown>>();
  const lanes = serial.map(({ scenario, index }) => {
    const jars = [...new Set(cookieJars(scenario))];
    const before = Promise.all(jars.map((jar) => lastInJar.get(jar)));
    const done = before.then(async () => {
      results[index] = await run(scenario);
    });
    const settled = done.catch(() => undefined);
    for (const jar of jars) lastInJar.set(jar, settled);
    return done;
  });

  let next = 0;
  const worker = async () => {
    while (next < free.length) {
      const item = free[next];
      next += 1;
      if (item) results[item.index] = await run(item.scenario);
    }
  };
  // The jars' lanes take their share of the `parallel` slots; one slot always stays free.
  const slots = Math.max(1, parallel - lastInJar.size);
  const workers = Array.from({ length: slots }, worker);
  await Promise.all([...lanes, ...workers]);
  return results;
}
