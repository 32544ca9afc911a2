// The replay route with real servers: who may ask, which hosts it reaches, and what it never sends.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from './route';

const LAB = 'http://localhost:3000';
let server: Server;
let target: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200, { 'Access-Control-Allow-Origin': LAB, 'X-Hidden': 'yes' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/me`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.unstubAllEnvs();
  received.length = 0;
});

function ask(body: unknown, headers: Record<string, string> = { Origin: LAB }) {
  return POST(
    new Request(`${LAB}/api/lab/doctor`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const replay = (url: string) => ({
  url,
  method: 'GET',
  headers: [['X-Trace', '1']],
  credentials: 'include',
  mode: 'cors',
});

describe('POST /api/lab/doctor', () => {
  it('replays a loopback URL in development with the page origin, never the visitor’s cookies', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const response = await POST(
      new Request(`${LAB}/api/lab/doctor`, {
        method: 'POST',
        headers: { Origin: LAB, Cookie: 'session=secret', Authorization: 'Bearer visitor' },
        body: JSON.stringify(replay(target)),
      }),
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      engines: Record<string, { outcome: string }>;
      exchanges: { headers: Record<string, string> }[];
    };
    expect(report.engines.chromium?.outcome).toBe('blocked');
    expect(report.exchanges[0]?.headers['x-hidden']).toBe('yes');
    expect(received.length).toBeGreaterThan(0);
    for (const headers of received) {
      expect(headers.origin).toBe(LAB);
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    }
  });

  it('is off in a production build without LAB_REMOTE_TARGETS', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const response = await ask(replay(target));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain('LAB_REMOTE_TARGETS');
    expect(received).toHaveLength(0);
  });

  it('refuses hosts that are not loopback, and pages of other origins', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect((await ask(replay('https://example.com/'))).status).toBe(403);
    expect((await ask(replay(target), { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await ask(replay(target), {})).status).toBe(403);
    expect(received).toHaveLength(0);
  });

  it('names what is wrong with a malformed replay request', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const response = await ask({ ...replay(target), mode: 'navigate' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('"navigate"');
  });
});
