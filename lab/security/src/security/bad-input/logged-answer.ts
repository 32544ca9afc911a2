import { probeOnce, rawHeaderValues, type RawAnswer } from '@cors-lab/testkit';

interface LoggedEntry {
  responseHeaders?: Record<string, string | string[]>;
}

/**
 * Whether the server's request log tells the truth about one answer: pages and predict() judge the
 * logged response headers, so a logged Allow-Origin the response never carried is a grant on paper.
 */
export async function logMismatch(
  baseUrl: string,
  run: string,
  logOrigin: string,
  answer: RawAnswer,
): Promise<string | undefined> {
  const log = await probeOnce(`${baseUrl}/__log?run=${encodeURIComponent(run)}`, 10_000, {
    headers: { origin: logOrigin },
  });
  if (log.status !== 200) return `GET /__log?run=${run} answered ${log.status}`;
  const { entries } = JSON.parse(log.body) as { entries: LoggedEntry[] };
  const sent = rawHeaderValues(answer, 'access-control-allow-origin').join(', ');
  for (const entry of entries) {
    const value = entry.responseHeaders?.['access-control-allow-origin'];
    const logged = Array.isArray(value) ? value.join(', ') : (value ?? '');
    if (logged !== sent) {
      return `the request log records Access-Control-Allow-Origin ${JSON.stringify(logged)}, but the response carried ${JSON.stringify(sent)}`;
    }
  }
  return undefined;
}
