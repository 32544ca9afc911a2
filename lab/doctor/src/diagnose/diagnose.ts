// diagnose(): the doctor's library entry. Sends the exchange a page on `origin` would cause, for
// real, and reports per engine what the page gets, why, the console line and the fix.
import type { BrowserEngine } from '@cors-lab/cors-predict';
import { consoleMessage } from '../console/messages.js';
import { fixFor } from '../fix/fix-for.js';
import { pickStack, type StackChoice, type StackGuess } from '../fix/stack.js';
import { DEFAULT_SEND_LIMITS } from '../send/send-exchange.js';
import { UnreachableError } from '../send/unreachable.js';
import { encodeBody } from './body.js';
import {
  ENGINES,
  type Diagnosis,
  type DoctorOptions,
  type DoctorRequest,
  type EngineReport,
} from './types.js';
import { walk, type PreflightCache, type WalkResult } from './walk.js';
import { Wire } from './wire.js';

export interface DiagnoseOptions extends DoctorOptions {
  /** The server's stack for the fix, or `auto` (default) to guess it from the answers. */
  stack?: StackChoice;
}

export interface DiagnosisWithFix extends Diagnosis {
  /** The stack the fixes are written for, and what said so. */
  stack: StackGuess;
}

/**
 * Sends `input` as Chromium, Firefox and WebKit would (preflight, actual request, redirects) and
 * judges every answer with predict() per engine. Never throws for a server that does not answer:
 * `unreachable` says so and every engine reports `blocked` / `unreachable`.
 */
export async function diagnose(
  input: DoctorRequest,
  options: DiagnoseOptions = {},
): Promise<DiagnosisWithFix> {
  const request = {
    url: input.url,
    origin: input.origin,
    method: input.method ?? 'GET',
    headers: (input.headers ?? []).map(([name, value]): [string, string] => [name, value]),
    credentials: input.credentials ?? 'same-origin',
    mode: input.mode ?? 'cors',
    redirect: input.redirect ?? 'follow',
    ...(input.body && { body: input.body }),
  };
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_SEND_LIMITS.timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_SEND_LIMITS.maxBodyBytes,
  };
  const body = input.body ? await encodeBody(input.body) : undefined;
  const caches = new Map<BrowserEngine, PreflightCache>(ENGINES.map((e) => [e, new Map()]));
  const reused = new Map<BrowserEngine, boolean[]>(ENGINES.map((e) => [e, []]));
  const exchanges: Diagnosis['exchanges'] = [];
  let results = new Map<BrowserEngine, WalkResult>();
  let unreachable: Diagnosis['unreachable'];

  for (let round = 1; round <= Math.max(1, options.repeat ?? 1) && !unreachable; round++) {
    const wire = new Wire(round, limits);
    results = new Map();
    for (const engine of ENGINES) {
      const cache = caches.get(engine) ?? new Map();
      try {
        const result = await walk(engine, { request, body, wire, cache, now: Date.now });
        results.set(engine, result);
        reused.get(engine)?.push(result.preflightReused);
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        unreachable = { kind: error.kind, url: error.url, message: error.message };
        results.set(engine, unreachableResult(error, request));
      }
    }
    exchanges.push(...wire.exchanges);
  }

  const stack = pickStack(
    options.stack ?? 'auto',
    exchanges.map((exchange) => exchange.headers),
  );
  const engines = Object.fromEntries(
    ENGINES.map((engine) => {
      const result = results.get(engine);
      if (!result) throw new Error(`diagnose(): no result for ${engine}`);
      return [engine, report(engine, result, stack, request, reused.get(engine) ?? [])];
    }),
  ) as Record<BrowserEngine, EngineReport>;
  return { request, exchanges, engines, stack, ...(unreachable && { unreachable }) };
}

function unreachableResult(
  error: UnreachableError,
  request: { origin: string; method: string },
): WalkResult {
  return {
    outcome: 'blocked',
    reason: 'unreachable',
    prediction: undefined,
    decidedBy: undefined,
    hop: { index: 0, url: error.url, method: request.method, origin: request.origin },
    detail: error.message,
    preflightCacheSeconds: 0,
    preflightReused: false,
  };
}

function report(
  engine: BrowserEngine,
  result: WalkResult,
  stack: StackGuess,
  request: { origin: string; credentials: string },
  preflightReused: boolean[],
): EngineReport {
  const allowed = result.outcome === 'allowed';
  const status = allowed
    ? result.decidedBy?.status
    : result.outcome === 'opaque' || result.outcome === 'opaqueredirect'
      ? 0
      : undefined;
  return {
    outcome: result.outcome,
    reason: result.reason,
    readableHeaders: allowed ? [...(result.prediction?.readableHeaders ?? [])] : [],
    consoleMessage: consoleMessage(engine, result),
    explanation: explain(result),
    fix: fixFor(result, stack.stack, request),
    ...(status !== undefined && { status }),
    preflightCacheSeconds: result.preflightCacheSeconds,
    preflightReused,
  };
}

/** predict()'s paragraph, or the doctor's own words where it has none. */
function explain(result: WalkResult): string {
  switch (result.reason) {
    case 'unreachable':
      return `${result.detail ?? ''} The page would see the same TypeError as for a CORS failure; this is not a CORS answer.`;
    case 'preflight-redirect':
      return `The preflight to ${result.hop.url} was answered with a redirect (${result.decidedBy?.status}). Browsers never follow a redirect on a preflight: the preflight fails and the actual request is never sent.`;
    default:
      return result.prediction?.explanation ?? '';
  }
}
