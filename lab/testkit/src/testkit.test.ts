import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, ProcessGroup, probeOnce, rawExchange, rawHeaderValues } from './index.js';

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.end(`${req.method} ${req.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Alive and not a zombie waiting to be reaped by whoever inherited it. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('freePorts', () => {
  it('gives distinct ports that can then be listened on', async () => {
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const candidate of ports) {
      const probe = createServer();
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen(candidate, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => probe.close(resolve));
    }
  });
});

describe('ProcessGroup', () => {
  it('stops the whole group, grandchildren included', async () => {
    const group = ProcessGroup.start('sleeper', 'sh', ['-c', 'sleep 60 & echo $!; wait']);
    const grandchild = await new Promise<number>((resolve) =>
      group.child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString()))),
    );
    expect(isRunning(grandchild)).toBe(true);
    await group.stop(1000);
    expect(group.alive).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(grandchild)).toBe(false);
  });

  it('fails waitForHttp with the output when the process exits first', async () => {
    const group = ProcessGroup.start('failing', 'sh', ['-c', 'echo boom >&2; exit 3']);
    const [closed] = await freePorts(1);
    await expect(group.waitForHttp(`http://127.0.0.1:${closed}/`, 5000)).rejects.toThrow(
      /failing exited \(3\).*boom/s,
    );
  });

  it('reports a command that is not installed instead of hanging', async () => {
    const group = ProcessGroup.start('missing', 'no-such-command-cors-lab', []);
    expect(await group.exited()).toBeNull();
    expect(group.alive).toBe(false);
    expect(group.outputTail).toMatch(/no-such-command-cors-lab: .*ENOENT/);
  });

  it('leaves no process behind when stopped after the leader exited', async () => {
    const group = ProcessGroup.start('quick', 'true', []);
    await group.exited();
    await group.stop();
    expect(
      execFileSync('sh', ['-c', `ps -o pid= -g ${group.pid} || true`])
        .toString()
        .trim(),
    ).toBe('');
  });
});

describe('HTTP probes', () => {
  it('probeOnce reads status, body and repeated headers apart', async () => {
    const answer = await probeOnce(`http://127.0.0.1:${port}/x`, 2000, { method: 'PUT' });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('PUT /x');
    expect(answer.rawHeaders.filter((_, i) => i % 2 === 0)).toContain('Set-Cookie');
  });

  it('probeOnce gives up at its deadline', async () => {
    await expect(probeOnce(`http://127.0.0.1:${port}/slow`, 300)).rejects.toThrow(
      /did not answer within 300 ms/,
    );
  });

  it('rawExchange sends bytes an HTTP client refuses and reads the answer head', async () => {
    const answer = await rawExchange(
      port,
      Buffer.from('GET /raw HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n', 'latin1'),
      2000,
    );
    expect(answer.status).toBe(400);
    const ok = await rawExchange(port, Buffer.from('GET /ok HTTP/1.1\r\nHost: x\r\n\r\n'), 2000);
    expect(ok.status).toBe(200);
    expect(rawHeaderValues(ok, 'set-cookie')).toEqual(['a=1', 'b=2']);
  });
});
