// Requests for counted windows: one keep-alive connection, one request at a time, so every window
// of a case sees the same sequence of work.
import { Agent, request } from 'node:http';
import { headerValues, probeOnce } from '@cors-lab/testkit';
import type { CaseRequest } from '../cases.js';

/** Fails unless the server answers as the case assumes, so the figures measure CORS work. */
export async function expectAnswer(baseUrl: string, caseRequest: CaseRequest): Promise<void> {
  const url = `${baseUrl}${caseRequest.path}`;
  const answer = await probeOnce(url, 10 * 60_000, {
    method: caseRequest.method,
    headers: caseRequest.headers,
  });
  const allowOrigin = headerValues(answer, 'access-control-allow-origin');
  const expected =
    caseRequest.expectedAllowOrigin === undefined ? [] : [caseRequest.expectedAllowOrigin];
  if (answer.status !== caseRequest.expectedStatus || allowOrigin.join() !== expected.join()) {
    throw new Error(
      `${caseRequest.method} ${url} answered ${answer.status} with Access-Control-Allow-Origin ` +
        `${JSON.stringify(allowOrigin)}; the bench expects ${caseRequest.expectedStatus} with ` +
        `${JSON.stringify(expected)}. Fix the server setup before trusting any figure.`,
    );
  }
}

export class RequestLoop {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly baseUrl: string,
    private readonly caseRequest: CaseRequest,
  ) {}

  /** Sends `count` requests one after another; any status but the expected one fails the run. */
  async send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.once();
  }

  close(): void {
    this.agent.destroy();
  }

  private once(): Promise<void> {
    const { method, path, headers, expectedStatus } = this.caseRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        { method, headers, agent: this.agent },
        (res) => {
          res.resume();
          res.on('error', reject);
          res.on('end', () =>
            res.statusCode === expectedStatus
              ? resolve()
              : reject(
                  new Error(
                    `${method} ${path} answered ${res.statusCode}, expected ${expectedStatus}.`,
                  ),
                ),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }
}
