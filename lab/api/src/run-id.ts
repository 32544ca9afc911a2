import type { IncomingMessage } from 'node:http';

/** The run id from the `run` query parameter (a header would itself force a preflight). */
export function runIdOf(req: Pick<IncomingMessage, 'url'>): string | null {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? null : new URLSearchParams(url.slice(query + 1)).get('run');
}
