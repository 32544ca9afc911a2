// Bad servers: each ends in one UnreachableError naming the URL, within the time limit, and no
// answer is read past the byte budget.
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@cors-lab/testkit';
import { sendExchange } from './send-exchange.js';
import { UnreachableError } from './unreachable.js';

const open: { server: TcpServer; sockets: Set<Socket> }[] = [];

/** A TCP server that writes `reply` (or nothing) to every connection and never closes it. */
async function tcp(reply: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => reply(socket));
  });
  open.push({ server, sockets });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const { server, sockets } of open.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function failure(promise: Promise<unknown>): Promise<UnreachableError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UnreachableError))
    throw new Error(`expected an UnreachableError, got ${String(error)}`);
  return error;
}

const get = (url: string) => ({ method: 'GET', url, headers: [] as [string, string][] });

describe('sendExchange on servers that do not answer properly', () => {
  it('names a refused connection and the port', async () => {
    const port = await freePort();
    const error = await failure(sendExchange(get(`http://127.0.0.1:${port}/`)));
    expect(error.kind).toBe('refused');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  it('gives up on a server that never answers at the timeout', async () => {
    const host = await tcp(() => undefined);
    const started = Date.now();
    const error = await failure(
      sendExchange(get(`http://${host}/`), { timeoutMs: 300, maxBodyBytes: 1024 }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops reading an endless body at the byte budget and keeps the head', async () => {
    const host = await tcp((socket) => {
      socket.write(
        'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const chunk = 'x'.repeat(4096);
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      }, 1);
    });
    const received = await sendExchange(get(`http://${host}/`), {
      timeoutMs: 5000,
      maxBodyBytes: 10_000,
    });
    expect(received.status).toBe(200);
    expect(received.headers['access-control-allow-origin']).toBe('*');
    expect(received.bodyBytes).toBe(10_000);
    expect(received.bodyTruncated).toBe(true);
  });

  it('keeps the head of a body that trickles past the timeout', async () => {
    const host = await tcp((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc');
    });
    const received = await sendExchange(get(`http://${host}/`), {
      timeoutMs: 300,
      maxBodyBytes: 1024,
    });
    expect(received.status).toBe(200);
    expect(received.bodyTruncated).toBe(true);
  });

  it('refuses response headers over the limit', async () => {
    const host = await tcp((socket) => {
      socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    const error = await failure(sendExchange(get(`http://${host}/`)));
    expect(error.kind).toBe('headers-too-large');
  });

  it('says when the other side does not speak HTTP', async () => {
    const host = await tcp((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n'));
    const error = await failure(sendExchange(get(`http://${host}/`)));
    expect(error.kind).toBe('not-http');
  });

  it('names a TLS failure when https meets a plain-http server', async () => {
    const host = await tcp((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const error = await failure(sendExchange(get(`https://${host}/`)));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('use http://');
  });

  it('names a host that does not resolve', async () => {
    const error = await failure(
      sendExchange(get('http://cors-doctor-test.invalid/'), {
        timeoutMs: 8000,
        maxBodyBytes: 1024,
      }),
    );
    expect(['dns', 'timeout']).toContain(error.kind);
    expect(error.message).toContain('cors-doctor-test.invalid');
  });

  it('keeps every Access-Control-Allow-Origin header the server sent', async () => {
    const host = await tcp((socket) =>
      socket.end(
        'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: a\r\naccess-control-allow-origin: b\r\nContent-Length: 0\r\n\r\n',
      ),
    );
    const received = await sendExchange(get(`http://${host}/`));
    expect(received.headers['access-control-allow-origin']).toEqual(['a', 'b']);
  });
});
