import type { HeaderValue } from '@cors-lab/cors-policy';
import type { ObservedResponse, ServerAnswer } from '@cors-lab/cors-predict';

/** One request that reached a server, as its request log recorded it. */
export interface LogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Request headers, lowercased names. */
  requestHeaders: Readonly<Record<string, HeaderValue>>;
  status: number;
  /** Which listener of the server received it, when the server has several (the API: `main`, `alt`). */
  listener?: string;
  /** Response headers as the server sent them, lowercased names. */
  responseHeaders: Readonly<Record<string, HeaderValue>>;
}

/** The body of `GET /__log?run=ID`. */
export interface RunLog {
  run: string;
  entries: LogEntry[];
}

/** The URL of a server's request log for one run. */
export function logUrl(serverOrigin: string, runId: string): string {
  return `${serverOrigin}/__log?run=${encodeURIComponent(runId)}`;
}

/**
 * Reads a server's log for a run. Resolves to undefined when no server answers there (a closed
 * port keeps no log), and throws with the status when a server answers without a usable log.
 */
export async function readRunLog(
  serverOrigin: string,
  runId: string,
): Promise<LogEntry[] | undefined> {
  let response: Response;
  try {
    response = await fetch(logUrl(serverOrigin, runId), { cache: 'no-store' });
  } catch {
    return undefined;
  }
  if (!response.ok) {
    throw new Error(
      `${logUrl(serverOrigin, runId)} answered ${response.status}; expected 200 with the run's request log. Is that server the lab's API or web app?`,
    );
  }
  const body = (await response.json()) as RunLog;
  return body.entries;
}

/** The header value, whatever the case of its name. */
export function headerValue(
  headers: Readonly<Record<string, HeaderValue>>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

function observed(entry: LogEntry): ObservedResponse {
  return { status: entry.status, headers: entry.responseHeaders };
}

const isPreflight = (entry: LogEntry) =>
  entry.method === 'OPTIONS' &&
  headerValue(entry.requestHeaders, 'access-control-request-method') !== undefined;

/** Entries on one path, split into CORS preflights and everything else. */
export function entriesOnPath(entries: readonly LogEntry[], path: string) {
  const onPath = entries.filter((entry) => entry.path === path);
  return {
    preflights: onPath.filter(isPreflight),
    actual: onPath.filter((entry) => !isPreflight(entry)),
  };
}

/** What the server answered on `path`, for predict(): the last preflight and the last actual response. */
export function serverAnswer(entries: readonly LogEntry[], path: string): ServerAnswer {
  const { preflights, actual } = entriesOnPath(entries, path);
  const answer: ServerAnswer = {};
  const preflight = preflights.at(-1);
  const response = actual.at(-1);
  if (preflight) answer.preflight = observed(preflight);
  if (response) answer.response = observed(response);
  return answer;
}
