import { headerValues, probeOnce } from '@cors-lab/testkit';
import { Agent } from 'node:http';
import { generateProbesForList, type Probe } from '@cors-lab/scenarios';
import { SCANNER_CLASSES, type ScannerClass } from '@cors-lab/scenarios';
import type { ProbeTarget } from './targets.js';
import { FAILING_VERDICTS, judge, type Verdict } from './verdict.js';

/** How a probe is sent: preflight or actual request, with or without credentials. */
export const PROBE_MODES = ['preflight', 'preflight+headers', 'actual', 'actual+cookie'] as const;
export type ProbeMode = (typeof PROBE_MODES)[number];

export interface ClassTally {
  /** Distinct crafted origins of the class, over every allow-list entry. */
  origins: number;
  sent: number;
  refused: number;
  otherOrigin: number;
  failed: number;
}

export interface Finding {
  target: string;
  mode: ProbeMode;
  probe: Probe;
  verdict: Verdict;
  request: string;
  status: number;
  allowOrigin: string[];
  allowCredentials: string[];
}

export interface ProbeRunResult {
  tallies: Record<ScannerClass, ClassTally>;
  findings: Finding[];
  /** Transport errors (no HTTP answer): each fails the run too. */
  errors: string[];
  /** Routes that answered some probe with an Allow-Origin other than the probe (a fixed origin). */
  otherOriginValues: Map<string, Set<string>>;
  requests: number;
}

export interface ProbeRunOptions {
  /** Cookie header of credentialed probes (a real session, if the caller logged in). */
  cookie: string;
  concurrency?: number;
  timeoutMs?: number;
}

interface Job {
  target: ProbeTarget;
  probe: Probe;
  mode: ProbeMode;
}

function requestFor({ target, probe, mode }: Job, cookie: string) {
  const preflight = mode.startsWith('preflight');
  const headers: Record<string, string> = { origin: probe.origin };
  if (preflight) headers['access-control-request-method'] = target.preflightMethod;
  if (mode === 'preflight+headers') headers['access-control-request-headers'] = 'content-type';
  if (mode === 'actual+cookie') headers.cookie = cookie;
  return { method: preflight ? 'OPTIONS' : target.method, headers };
}

/** Sends every scanner-class probe of every allow-list entry of every target, in every mode. */
export async function runProbes(
  targets: readonly ProbeTarget[],
  options: ProbeRunOptions,
): Promise<ProbeRunResult> {
  const tallies = Object.fromEntries(
    SCANNER_CLASSES.map((scannerClass) => [
      scannerClass,
      { origins: 0, sent: 0, refused: 0, otherOrigin: 0, failed: 0 },
    ]),
  ) as Record<ScannerClass, ClassTally>;
  const distinct = new Map<ScannerClass, Set<string>>();
  const probesByList = new Map<string, Probe[]>();
  const jobs: Job[] = [];
  for (const target of targets) {
    const key = target.allowed.join(' ');
    let probes = probesByList.get(key);
    if (probes === undefined) {
      probes = generateProbesForList(target.allowed);
      probesByList.set(key, probes);
    }
    for (const probe of probes) {
      const seen = distinct.get(probe.scannerClass) ?? new Set();
      seen.add(probe.origin);
      distinct.set(probe.scannerClass, seen);
      for (const mode of PROBE_MODES) jobs.push({ target, probe, mode });
    }
  }
  for (const [scannerClass, seen] of distinct) tallies[scannerClass].origins = seen.size;

  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 16 });
  const findings: Finding[] = [];
  const errors: string[] = [];
  const otherOriginValues = new Map<string, Set<string>>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++] as Job;
      const { method, headers } = requestFor(job, options.cookie);
      const url = `${job.target.baseUrl}${job.target.path}`;
      const tally = tallies[job.probe.scannerClass];
      tally.sent += 1;
      try {
        const answer = await probeOnce(url, options.timeoutMs ?? 10_000, {
          method,
          headers,
          agent,
        });
        const allowOrigin = headerValues(answer, 'access-control-allow-origin');
        const allowCredentials = headerValues(answer, 'access-control-allow-credentials');
        const verdict = judge(job.probe.origin, allowOrigin, allowCredentials);
        if (verdict === 'refused') tally.refused += 1;
        else if (verdict === 'other-origin') {
          tally.otherOrigin += 1;
          const values = otherOriginValues.get(job.target.label) ?? new Set();
          for (const value of allowOrigin) values.add(value);
          otherOriginValues.set(job.target.label, values);
        }
        if (FAILING_VERDICTS.has(verdict)) {
          tally.failed += 1;
          findings.push({
            target: job.target.label,
            mode: job.mode,
            probe: job.probe,
            verdict,
            request: `${method} ${url} ${JSON.stringify(headers)}`,
            status: answer.status,
            allowOrigin,
            allowCredentials,
          });
        }
      } catch (error) {
        tally.failed += 1;
        errors.push(
          `${method} ${url} Origin ${JSON.stringify(job.probe.origin)}: ${String(error)}`,
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  } finally {
    agent.destroy();
  }
  return { tallies, findings, errors, otherOriginValues, requests: jobs.length };
}
