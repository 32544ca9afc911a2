// The judge: what the catalogue expects against what a page saw and what the servers logged. The
// /matrix page runs it in the browser and the e2e suite runs it again on what the page published.
import type { Expectation, ExpectedOutcome, JsonValue, TargetRole } from '../types.js';

/** What a page could see of one fetch(). */
export interface Observation {
  outcome: ExpectedOutcome;
  /** Status the page read (0 for an opaque response); absent when fetch() rejected. */
  status?: number;
  /** Parsed JSON body, or the text when it is not JSON; absent when unreadable. */
  body?: JsonValue;
  /** Lowercased response header names `response.headers` exposes to the page, sorted. */
  readableHeaders: string[];
  /** The error fetch() or the Request constructor threw, as this engine words it. */
  error?: { name: string; message: string };
  durationMs: number;
}

/** What the request logs show for one run of a scenario. */
export interface ServerView {
  /** OPTIONS requests on the scenario's path. */
  preflights: number;
  /** Other requests on the scenario's path. */
  actual: number;
  /** Requests the run caused on other paths (a redirect's next hop), with the Origin they carried. */
  others: readonly {
    target: TargetRole;
    path: string;
    method: string;
    origin: string | undefined;
  }[];
  /** Lowercased names of the headers the server sent on the last actual response. */
  sentHeaders: readonly string[];
}

/** One fact compared: what the catalogue expects against what the page saw. */
export interface Check {
  /** What is compared, e.g. `outcome`, `status`, `body.route`, `server.preflights`. */
  name: string;
  expected: JsonValue;
  observed: JsonValue;
  pass: boolean;
}

/**
 * Compares every fact the expectation states with what the page and the request log saw.
 * `server` is undefined when the target keeps no log; server facts then fail loudly rather than pass.
 */
export function compare(
  expected: Expectation,
  observed: Observation,
  server: ServerView | undefined,
): Check[] {
  const checks: Check[] = [check('outcome', expected.outcome, observed.outcome)];
  // A request that never settled says nothing about CORS, even where a block was expected.
  if (observed.error?.name === 'TimeoutError') {
    checks.push(check('settled', 'within the time limit', 'timed out'));
  }
  if (expected.outcome === 'allowed') {
    if (expected.status !== undefined) {
      checks.push(check('status', expected.status, observed.status ?? null));
    }
    for (const [field, value] of Object.entries(expected.body ?? {})) {
      checks.push(check(`body.${field}`, value, bodyField(observed.body, field)));
    }
  }
  for (const header of expected.readableHeaders ?? []) {
    checks.push(check(`readable ${header}`, true, observed.readableHeaders.includes(header)));
  }
  for (const header of expected.hiddenHeaders ?? []) {
    const hidden =
      !observed.readableHeaders.includes(header) && !!server?.sentHeaders.includes(header);
    checks.push(
      check(
        `hidden ${header}`,
        'sent, not readable',
        describeHidden(header, observed, server, hidden),
      ),
    );
  }
  if (expected.server) {
    checks.push(check('server.preflights', expected.server.preflights, server?.preflights ?? null));
    checks.push(check('server.actual', expected.server.actual, server?.actual ?? null));
    for (const hop of expected.server.alsoReached ?? []) {
      const seen = server?.others.find(
        (other) =>
          other.target === hop.target &&
          other.path === hop.path &&
          (hop.method === undefined || other.method === hop.method) &&
          (hop.origin === undefined || other.origin === hop.origin),
      );
      const name = `server.reached ${hop.method ? `${hop.method} ` : ''}${hop.target} ${hop.path}${hop.origin ? ` (Origin: ${hop.origin})` : ''}`;
      checks.push(check(name, true, seen !== undefined));
    }
  }
  return checks;
}

function check(name: string, expected: JsonValue, observed: JsonValue): Check {
  return { name, expected, observed, pass: expected === observed };
}

function bodyField(body: JsonValue | undefined, field: string): JsonValue {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  return body[field] ?? null;
}

function describeHidden(
  header: string,
  observed: Observation,
  server: ServerView | undefined,
  hidden: boolean,
): string {
  if (hidden) return 'sent, not readable';
  if (observed.readableHeaders.includes(header)) return 'readable';
  return server ? 'not sent' : 'no request log';
}
