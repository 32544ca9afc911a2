// The deterministic measure: instructions per request under callgrind. Every host runs once under
// callgrind; its cases are warmed up together, then counted in windows interleaved across cases.
import { requestOf } from '../cases.js';
import type { CaseSpec } from '../cases.js';
import { ServerProcess } from '../hosts/server-process.js';
import { hostsFor, roundOrder } from './hosts-for.js';
import type { HostPlan } from './hosts-for.js';
import { RequestLoop, expectAnswer } from './request-loop.js';

export interface InstructionSettings {
  /** Counted windows per case. */
  windows: number;
  /** Requests per window. */
  requestsPerWindow: number;
  /** Uncounted requests per case before the first window, so the JIT has settled. */
  warmupRequests: number;
}

export interface CountedWindow {
  instructionsPerRequest: number;
  allocatedBytesPerRequest: number;
  collections: number;
}

// Warm-up goes round the cases in slices, so no case is warmed while the others sit cold.
const WARMUP_SLICE = 100;

async function measureHost(
  plan: HostPlan,
  settings: InstructionSettings,
  log: (line: string) => void,
): Promise<Map<string, CountedWindow[]>> {
  const started = Date.now();
  const server = await ServerProcess.start(plan.spec, true);
  const results = new Map<string, CountedWindow[]>(plan.cases.map((c) => [c.id, []]));
  const loops = new Map<CaseSpec, RequestLoop>();
  try {
    log(`callgrind: ${plan.spec.kind} host up in ${Math.round((Date.now() - started) / 1000)} s`);
    for (const c of plan.cases) {
      const baseUrl = server.baseUrls.get(plan.keyOf(c)) ?? '';
      await expectAnswer(baseUrl, requestOf(c));
      loops.set(c, new RequestLoop(baseUrl, requestOf(c)));
    }
    for (let sent = 0; sent < settings.warmupRequests; sent += WARMUP_SLICE) {
      for (const c of plan.cases) {
        await loops.get(c)?.send(Math.min(WARMUP_SLICE, settings.warmupRequests - sent));
      }
    }
    log(
      `callgrind: ${plan.spec.kind} host warmed up (${settings.warmupRequests} requests per case)`,
    );
    // One full collection after the warm-up sets the old generation's limit from what the warm-up
    // left alive, so no marking falls due in a window. It is not repeated per window: each one
    // empties caches and ages bytecode, and the windows after it pay to rebuild them.
    await server.collect();
    // Round -1 is not counted: the first pass through the window machinery (the first forced
    // scavenge promotes the warm-up's survivors, caches refill) costs far more than any later one.
    for (let round = -1; round < settings.windows; round++) {
      for (const c of roundOrder(plan.cases, Math.max(round, 0), settings.windows)) {
        await server.windowStart();
        await loops.get(c)?.send(settings.requestsPerWindow);
        const window = await server.windowEnd();
        if (round < 0) continue;
        const counted = {
          instructionsPerRequest: window.instructions / settings.requestsPerWindow,
          allocatedBytesPerRequest: window.allocatedBytes / settings.requestsPerWindow,
          collections: window.collections,
        };
        results.get(c.id)?.push(counted);
        log(
          `callgrind [${round + 1}/${settings.windows}] ${c.label}: ` +
            `${Math.round(counted.instructionsPerRequest).toLocaleString('en-US')} instructions/request` +
            (counted.collections > 0
              ? ` (${counted.collections} GC inside: ${window.collectionTypes.join(', ')})`
              : ''),
        );
      }
    }
    return results;
  } finally {
    for (const loop of loops.values()) loop.close();
    await server.stop();
  }
}

/** Counted windows per case id; hosts run side by side (counts do not depend on timing). */
export async function measureInstructions(
  cases: readonly CaseSpec[],
  settings: InstructionSettings,
  log: (line: string) => void,
): Promise<Map<string, CountedWindow[]>> {
  const perHost = await Promise.all(
    hostsFor(cases).map((plan) => measureHost(plan, settings, log)),
  );
  return new Map(perHost.flatMap((results) => [...results]));
}
