// Reads the API's request log from Node: what reached the server, whatever the page could see.
import { loggedPathname, type ScenarioRequest } from '@cors-lab/scenarios';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  responseHeaders: Record<string, string | string[]>;
}

/** The requests of one run that reached the scenario request's path, oldest first. */
export async function loggedOnPath(
  apiOrigin: string,
  runId: string,
  request: ScenarioRequest,
): Promise<LoggedRequest[]> {
  const url = `${apiOrigin}/__log?run=${encodeURIComponent(runId)}`;
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}; expected 200 with { entries }.`);
  }
  const { entries } = (await response.json()) as { entries: LoggedRequest[] };
  const path = loggedPathname(request);
  return entries.filter((entry) => entry.path === path);
}

export function countByMethod(entries: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { method } of entries) counts[method] = (counts[method] ?? 0) + 1;
  return counts;
}
