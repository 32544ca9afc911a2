// Drives one autocannon run and returns its throughput, refusing runs with failures.
import autocannon from 'autocannon';

export interface Load {
  url: string;
  method: 'GET' | 'OPTIONS';
  headers: Readonly<Record<string, string>>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
}

export async function applyLoad(load: Load): Promise<LoadResult> {
  const result = await autocannon({
    url: load.url,
    method: load.method,
    headers: { ...load.headers },
    connections: load.connections,
    duration: load.seconds,
  });
  // A bench that counts errors or refusals as throughput measures the wrong thing.
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${load.method} ${load.url} had ${result.errors} errors, ${result.timeouts} timeouts and ${result.non2xx} non-2xx answers ` +
        `out of ${result.requests.total}: every request must succeed for the figure to mean anything.`,
    );
  }
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
  };
}
