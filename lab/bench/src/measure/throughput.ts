// The noisy measure: requests per second under autocannon, and the server's CPU time per request,
// in interleaved rounds. Hosts run one after the other so they never compete for the cores.
import { requestOf } from '../cases.js';
import type { CaseSpec } from '../cases.js';
import { ServerProcess } from '../hosts/server-process.js';
import { hostsFor, roundOrder } from './hosts-for.js';
import { applyLoad } from './load.js';
import { expectAnswer } from './request-loop.js';

export interface ThroughputSettings {
  connections: number;
  /** Seconds per measured run. */
  seconds: number;
  /** Runs per case. */
  rounds: number;
  /** Seconds of unmeasured load per case before its first run. */
  warmupSeconds: number;
}

export interface ThroughputRun {
  requestsPerSecond: number;
  /** Server CPU time (user + system) per request served. */
  cpuMicrosPerRequest: number;
}

export async function measureThroughput(
  cases: readonly CaseSpec[],
  settings: ThroughputSettings,
  log: (line: string) => void,
): Promise<Map<string, ThroughputRun[]>> {
  const results = new Map<string, ThroughputRun[]>(cases.map((c) => [c.id, []]));
  for (const plan of hostsFor(cases)) {
    const server = await ServerProcess.start(plan.spec, false);
    try {
      const urlOf = (c: CaseSpec) => server.baseUrls.get(plan.keyOf(c)) ?? '';
      for (const c of plan.cases) await expectAnswer(urlOf(c), requestOf(c));
      for (let round = 0; round < settings.rounds; round++) {
        for (const c of roundOrder(plan.cases, round, settings.rounds)) {
          const { method, path, headers } = requestOf(c);
          const load = {
            url: `${urlOf(c)}${path}`,
            method,
            headers,
            connections: settings.connections,
          };
          if (round === 0 && settings.warmupSeconds > 0) {
            await applyLoad({ ...load, seconds: settings.warmupSeconds });
          }
          const cpuBefore = await server.cpuMicros();
          const result = await applyLoad({ ...load, seconds: settings.seconds });
          const run = {
            requestsPerSecond: result.requestsPerSecond,
            cpuMicrosPerRequest: ((await server.cpuMicros()) - cpuBefore) / result.requests,
          };
          results.get(c.id)?.push(run);
          log(
            `autocannon [${round + 1}/${settings.rounds}] ${c.label}: ` +
              `${Math.round(run.requestsPerSecond).toLocaleString('en-US')} req/s, ` +
              `${run.cpuMicrosPerRequest.toFixed(1)} µs server CPU per request`,
          );
        }
      }
    } finally {
      await server.stop();
    }
  }
  return results;
}
