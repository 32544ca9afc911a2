import type { LogEntry } from '@cors-lab/scenarios';

/** Entries kept; the oldest is dropped first. Each holds a few headers, so this stays under ~2 MB. */
const CAPACITY = 1000;

// proxy.ts and the route handlers are bundled apart; one store per process lives on globalThis.
const STORE = Symbol.for('cors-lab.web.request-log');
type Holder = { [STORE]?: LogEntry[] };

function entries(): LogEntry[] {
  const holder = globalThis as Holder;
  holder[STORE] ??= [];
  return holder[STORE];
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** Records a request that reached this app and the response it got, under the request's `run`. */
export function recordExchange(request: Request, response: Response, extraHeaders?: Headers): void {
  const url = new URL(request.url);
  const responseHeaders = headerRecord(response.headers);
  extraHeaders?.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const log = entries();
  log.push({
    time: new Date().toISOString(),
    run: url.searchParams.get('run'),
    method: request.method,
    path: url.pathname,
    requestHeaders: headerRecord(request.headers),
    status: response.status,
    responseHeaders,
  });
  if (log.length > CAPACITY) log.splice(0, log.length - CAPACITY);
}

/** The entries of one run, oldest first. */
export function entriesForRun(run: string): LogEntry[] {
  return entries().filter((entry) => entry.run === run);
}
