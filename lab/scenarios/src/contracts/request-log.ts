import type { HeaderValue } from '@cors-lab/cors-policy';
import type { ObservedResponse, ServerAnswer } from '@cors-lab/cors-predict';

/**
 * One request that reached a server and what the server answered, as a request log keeps it: the
 * lab API's (`GET /__log`) and the lab web app's (`GET /__log` there too) send exactly this shape.
 */
export interface LogEntry {
  /** Increases by one per recorded request, across listeners; absent where a log keeps no order. */
  seq?: number;
  /** ISO time the response finished. */
  time: string;
  /** The `run` query parameter, or null. */
  run: string | null;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Request headers as received, lowercased names; a repeated header keeps every value. */
  requestHeaders: Readonly<Record<string, HeaderValue>>;
  status: number;
  /** Which listener of the server received it, when the server has several (the API: `main`, `alt`). */
  listener?: string;
  /** Response headers as sent, lowercased names; a repeated header (Set-Cookie) as an array. */
  responseHeaders: Readonly<Record<string, HeaderValue>>;
  /** Some header values or headers were cut to keep the entry small. */
  truncated?: boolean;
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
    // Both logs answer with Cache-Control: no-store, so no cache serves an old read.
    response = await fetch(logUrl(serverOrigin, runId));
  } catch {
    return undefined;
  }
  if (!response.ok) {
    throw new Error(
      `${logUrl(serverOrigin, runId)} answered ${response.status}; expected 200 with the run's request log. Is that server the lab's API or web app?`,
    );
  }
  if (response.headers.get('content-type')?.includes('ndjson')) {
    return runLogFromJsonLines(await response.text(), runId);
  }
  const body = (await response.json()) as RunLog;
  return body.entries;
}

/**
 * The entries of one run from a log kept as one JSON object per line, as nginx's access log writes
 * them (lab/nginx): nginx prints an absent header or query parameter as `""`, so empty values are
 * dropped and an empty `run` is null.
 */
export function runLogFromJsonLines(text: string, runId: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const raw = JSON.parse(line) as LogEntry & { run: string };
    if (raw.run !== runId) continue;
    entries.push({
      ...raw,
      status: Number(raw.status),
      requestHeaders: presentHeaders(raw.requestHeaders),
      responseHeaders: presentHeaders(raw.responseHeaders),
    });
  }
  return entries;
}

function presentHeaders(
  headers: Readonly<Record<string, HeaderValue>>,
): Record<string, HeaderValue> {
  const present: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(headers)) {
    const values = (typeof value === 'string' ? [value] : (value ?? [])).filter((v) => v !== '');
    if (values.length === 1) present[name] = values[0] as string;
    else if (values.length > 1) present[name] = values;
  }
  return present;
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
