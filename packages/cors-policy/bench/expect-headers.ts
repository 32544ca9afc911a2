// Checks once, before any load, that each server answers the way the bench assumes.
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface Expectation {
  url: string;
  method: 'GET' | 'OPTIONS';
  headers: IncomingHttpHeaders;
  status: number;
  /** Expected Access-Control-Allow-Origin, or undefined when the server must send none. */
  allowOrigin: string | undefined;
}

function send(expectation: Expectation): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(
      expectation.url,
      { method: expectation.method, headers: expectation.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export async function expectHeaders(expectation: Expectation): Promise<void> {
  const { status, headers } = await send(expectation);
  const allowOrigin = headers['access-control-allow-origin'];
  if (status !== expectation.status || allowOrigin !== expectation.allowOrigin) {
    throw new Error(
      `${expectation.method} ${expectation.url} answered ${status} with Access-Control-Allow-Origin ` +
        `${JSON.stringify(allowOrigin)}; the bench expects ${expectation.status} with ` +
        `${JSON.stringify(expectation.allowOrigin)}. Fix the server setup before trusting any figure.`,
    );
  }
}
