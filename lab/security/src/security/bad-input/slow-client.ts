import { probeOnce } from '@cors-lab/testkit';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BadInputTarget } from './bad-input-target.js';

export interface SlowClientResult {
  connections: number;
  /** Slow connections the server had closed by the end. */
  closedByServer: number;
  /** Health checks made during the trickle, and the slowest one. */
  healthChecks: number;
  healthFailures: string[];
  slowestHealthMs: number;
}

/**
 * Slowloris: `connections` sockets send a request line, then one header byte pair every
 * `intervalMs` for `durationMs`, never finishing; meanwhile the health path must keep answering.
 */
export async function slowClients(
  target: BadInputTarget,
  connections: number,
  durationMs: number,
  intervalMs = 500,
): Promise<SlowClientResult> {
  const sockets: Socket[] = [];
  let closedByServer = 0;
  let closedSnapshot: number;
  for (let i = 0; i < connections; i++) {
    const socket = connect({ port: target.port, host: '127.0.0.1' });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      closedByServer += 1;
    });
    socket.write(
      `GET ${target.path} HTTP/1.1\r\nHost: localhost:${target.port}\r\nOrigin: https://attacker.net\r\n`,
    );
    sockets.push(socket);
  }
  const healthFailures: string[] = [];
  let healthChecks = 0;
  let slowestHealthMs = 0;
  const deadline = Date.now() + durationMs;
  let tick = 0;
  try {
    while (Date.now() < deadline) {
      for (const socket of sockets) if (!socket.destroyed) socket.write(`X-Slow-${tick}: a\r\n`);
      tick += 1;
      const started = performance.now();
      healthChecks += 1;
      try {
        const answer = await probeOnce(
          `http://127.0.0.1:${target.port}${target.healthPath}`,
          intervalMs * 4,
        );
        if (answer.status !== 200) healthFailures.push(`health answered ${answer.status}`);
      } catch (error) {
        healthFailures.push(String(error));
      }
      slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
      await sleep(intervalMs);
    }
  } finally {
    // Snapshot first: our own destroy() below closes the rest.
    closedSnapshot = closedByServer;
    for (const socket of sockets) socket.destroy();
  }
  return {
    connections,
    closedByServer: closedSnapshot,
    healthChecks,
    healthFailures,
    slowestHealthMs,
  };
}
