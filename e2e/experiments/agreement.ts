// Whether predict(..., { engine }) says what the engine did: the response type the page saw, and
// each request that reached a server (method, hop, Origin, Access-Control-Request-Headers,
// Authorization, Content-Type), plus the preflight cache for experiments that fetch again.
import { predict, type BrowserEngine } from '@cors-lab/cors-predict';
import type { Experiment, FetchSeen } from './experiment.js';
import type { ExperimentServer, LoggedRequest } from './experiment-server.js';
import { answerOf, requestOf } from './predict-input.js';

/** A request, as both sides can describe it. */
function line(
  method: string,
  hop: number,
  origin: string | undefined,
  requestHeaders: string | undefined,
  authorization: boolean,
  contentType: string | undefined,
): string {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return [
    `${method} hop ${hop}`,
    `Origin: ${origin ?? '-'}`,
    requestHeaders ? `ACRH: ${requestHeaders}` : '',
    authorization ? 'Authorization' : '',
    essence ? `Content-Type: ${essence}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function seenType(seen: FetchSeen | undefined): string {
  if (!seen) return 'not run';
  return seen.ok ? seen.type : 'error';
}

/** Differences between what `engine` did and what predict() says it does; empty when they agree. */
export function disagreements(
  engine: BrowserEngine,
  experiment: Experiment,
  server: ExperimentServer,
  seen: readonly FetchSeen[],
): string[] {
  const log = server.log.filter((entry) => entry.experiment === experiment.id);
  const prediction = predict(requestOf(experiment, server), answerOf(experiment, server, log), {
    engine,
  });
  const found: string[] = [];
  const observedType = seenType(seen[0]);
  if (prediction.responseType !== observedType) {
    found.push(
      `response type: predicted ${prediction.responseType} (${prediction.reason}), saw ${observedType}`,
    );
  }
  const predicted = prediction.exchanges.map((exchange) =>
    line(
      exchange.method,
      exchange.hop,
      exchange.origin,
      exchange.accessControlRequestHeaders,
      exchange.headers.includes('authorization'),
      exchange.contentType,
    ),
  );
  const firstFetch: readonly LoggedRequest[] = experiment.repeatAfterMs
    ? log.slice(0, predicted.length)
    : log;
  const observed = firstFetch.map((entry) =>
    line(
      entry.method,
      entry.hop,
      entry.origin,
      entry.accessControlRequestHeaders,
      entry.authorization,
      entry.contentType,
    ),
  );
  if (JSON.stringify(predicted) !== JSON.stringify(observed)) {
    found.push(
      `reached the server:\n    predicted ${predicted.join(' | ')}\n    observed  ${observed.join(' | ')}`,
    );
  }
  if (experiment.repeatAfterMs) {
    // Fetch 2 follows at once, fetch 3 after 6.5 s: each preflights unless the cache still holds.
    const seconds = prediction.preflightCacheSeconds;
    const expected = 1 + (seconds === 0 ? 1 : 0) + (seconds < 6.5 ? 1 : 0);
    const preflights = log.filter((entry) => entry.method === 'OPTIONS').length;
    if (preflights !== expected) {
      found.push(
        `preflights over three fetches: predicted ${expected} (cached ${seconds} s), observed ${preflights}`,
      );
    }
  }
  return found;
}
