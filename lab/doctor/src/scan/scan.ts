// --scan: the crafted Origin values CORS scanners send, derived from the page's own origin, one
// request at a time; a probe is granted when the answer hands that exact value (or `*` with
// credentials) back in Access-Control-Allow-Origin.
import {
  SCANNER_CLASSES,
  SCANNER_CLASS_TITLES,
  generateProbes,
  type ScannerClass,
} from '@cors-lab/scenarios';
import { setTimeout as sleep } from 'node:timers/promises';
import { requirementFor } from '../fix/requirement.js';
import {
  pickStack,
  renderFix,
  STACK_TITLES,
  type StackChoice,
  type StackGuess,
} from '../fix/stack.js';
import { sendExchange, type RawHeaders, type SendLimits } from '../send/send-exchange.js';

export interface ProbeResult {
  scannerClass: ScannerClass;
  origin: string;
  status: number;
  allowOrigin: string | undefined;
  /** The answer lets a page on `origin` read it. */
  granted: boolean;
  /** ...with cookies too (`Access-Control-Allow-Credentials: true`). */
  withCredentials: boolean;
}

export interface ScanReport {
  url: string;
  origin: string;
  /** What the legitimate origin gets, for comparison. */
  baseline: ProbeResult;
  probes: ProbeResult[];
  /** Classes with at least one granted probe. */
  grantedClasses: ScannerClass[];
  stack: StackGuess;
  /** Empty when nothing is granted. */
  fix: string;
}

export interface ScanOptions extends SendLimits {
  /** Pause between probes. */
  delayMs: number;
  stack: StackChoice;
}

function single(headers: RawHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function probe(
  url: string,
  origin: string,
  scannerClass: ScannerClass,
  limits: SendLimits,
): Promise<{ result: ProbeResult; headers: RawHeaders }> {
  const answer = await sendExchange(
    {
      method: 'GET',
      url,
      headers: [
        ['Accept', '*/*'],
        ['Origin', origin],
      ],
    },
    limits,
  );
  const allowOrigin = single(answer.headers, 'access-control-allow-origin');
  const credentials = single(answer.headers, 'access-control-allow-credentials') === 'true';
  const reflected = allowOrigin === origin;
  const wildcard = allowOrigin === '*';
  return {
    headers: answer.headers,
    result: {
      scannerClass,
      origin,
      status: answer.status,
      allowOrigin,
      granted: reflected || wildcard,
      // Browsers refuse `*` with credentials, but the server meant to share credentialed data.
      withCredentials: credentials && (reflected || wildcard),
    },
  };
}

/**
 * Sends every scanner-class probe for `origin` to `url`, sequentially.
 * @throws UnreachableError when the server does not answer.
 */
export async function scan(url: string, origin: string, options: ScanOptions): Promise<ScanReport> {
  const limits = { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes };
  const baseline = await probe(url, origin, 'arbitrary', limits);
  const seen = [baseline.headers];
  const probes: ProbeResult[] = [];
  for (const { scannerClass, origin: crafted } of generateProbes(origin)) {
    if (options.delayMs > 0) await sleep(options.delayMs);
    const { result, headers } = await probe(url, crafted, scannerClass, limits);
    probes.push(result);
    seen.push(headers);
  }
  const grantedClasses = SCANNER_CLASSES.filter((scannerClass) =>
    probes.some((result) => result.scannerClass === scannerClass && result.granted),
  );
  const stack = pickStack(options.stack, seen);
  const need = requirementFor({
    origin,
    method: 'GET',
    credentials: probes.some((result) => result.withCredentials),
    requestHeaders: undefined,
    preflight: false,
  });
  const fix =
    grantedClasses.length === 0
      ? ''
      : `Allow exact origins from a list and compare the whole Origin value, byte for byte (no prefix, suffix, substring or regex matching, never null, never reflect). In ${STACK_TITLES[stack.stack]}:\n${renderFix(stack.stack, need)}`;
  return {
    url,
    origin,
    baseline: { ...baseline.result, scannerClass: 'arbitrary' },
    probes,
    grantedClasses,
    stack,
    fix,
  };
}

/** One line per scanner class: how many probes, how many granted, with credentials or not. */
export function scanLines(report: ScanReport): string[] {
  return SCANNER_CLASSES.flatMap((scannerClass) => {
    const mine = report.probes.filter((result) => result.scannerClass === scannerClass);
    if (mine.length === 0) return [];
    const granted = mine.filter((result) => result.granted);
    const credentialed = granted.filter((result) => result.withCredentials);
    const verdict =
      granted.length === 0
        ? 'refused'
        : `GRANTED ${granted.length}/${mine.length}${credentialed.length > 0 ? `, ${credentialed.length} with credentials` : ''} (e.g. ${granted[0]?.origin})`;
    return [`${SCANNER_CLASS_TITLES[scannerClass]} (${mine.length} probes): ${verdict}`];
  });
}
