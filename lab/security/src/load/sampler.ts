import { probeOnce } from '@cors-lab/testkit';
import { Agent } from 'node:http';
import { TRAFFIC_KINDS, trafficProblem, trafficRequest } from './traffic.js';

export interface SampleReport {
  samples: number;
  problems: string[];
}

/**
 * A second client that, every `intervalMs` while the load runs, sends one request of the next kind
 * over its own connection and checks the headers of the answer.
 */
export function startSampler(
  baseUrl: string,
  allowed: string,
  run: string,
  intervalMs = 250,
): { stop: () => Promise<SampleReport> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const report: SampleReport = { samples: 0, problems: [] };
  const pending = new Set<Promise<void>>();
  let index = 0;
  const timer = setInterval(() => {
    const kind = TRAFFIC_KINDS[index++ % TRAFFIC_KINDS.length] ?? 'allowed';
    const request = trafficRequest(kind, allowed, run);
    const sample = probeOnce(`${baseUrl}${request.path}`, 15_000, {
      method: request.method,
      headers: request.headers,
      agent,
    })
      .then((answer) => {
        report.samples += 1;
        const problem = trafficProblem(kind, allowed, answer.status, answer.headers);
        if (problem !== undefined) report.problems.push(`${kind}: ${problem}`);
      })
      .catch((error: unknown) => {
        report.problems.push(`${kind}: no answer (${String(error)})`);
      })
      .finally(() => pending.delete(sample));
    pending.add(sample);
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      agent.destroy();
      return report;
    },
  };
}
