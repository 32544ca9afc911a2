import type { JsonValue, Observation } from '@cors-lab/scenarios';
import type { FetchCall } from './fetch-call';

/** A request still unsettled after this long fails its scenario instead of stalling the matrix. */
export const OBSERVE_TIMEOUT_MS = 15_000;

/**
 * Makes the request the way a page does and classifies what came back. The Request constructor
 * runs first so a request fetch() refuses outright (a forbidden method, a non-simple request in
 * `no-cors` mode) is told apart from one the CORS check or the network failed: both are TypeErrors.
 */
export async function observe(
  call: FetchCall,
  fetchImpl: (request: Request) => Promise<Response> = (request) => fetch(request),
  timeoutMs = OBSERVE_TIMEOUT_MS,
): Promise<Observation> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let request: Request;
  try {
    request = new Request(call.url, { ...call.init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return {
      outcome: 'refused',
      readableHeaders: [],
      error: describe(error),
      durationMs: elapsed(),
    };
  }
  let response: Response;
  try {
    response = await fetchImpl(request);
  } catch (error) {
    return {
      outcome: 'blocked',
      readableHeaders: [],
      error: describe(error),
      durationMs: elapsed(),
    };
  }
  const readableHeaders = [...response.headers.keys()].sort();
  // `no-cors` gives `opaque`; `redirect: 'manual'` gives `opaqueredirect`: status 0 and nothing readable.
  if (response.type === 'opaque' || response.type === 'opaqueredirect') {
    return { outcome: 'opaque', status: response.status, readableHeaders, durationMs: elapsed() };
  }
  const body = await readBody(response);
  const observation: Observation = {
    outcome: 'allowed',
    status: response.status,
    readableHeaders,
    durationMs: elapsed(),
  };
  if (body !== undefined) observation.body = body;
  return observation;
}

async function readBody(response: Response): Promise<JsonValue | undefined> {
  const text = await response.text().catch(() => undefined);
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  }
}

function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
