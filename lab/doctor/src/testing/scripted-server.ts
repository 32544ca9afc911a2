// A node:http server whose answers a test writes by hand, recording every request it gets: the
// "other stack" the doctor must judge with nothing but the headers on the wire.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  /** `undefined` values are left out, so a script can write one object for several answers. */
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers `(method, path, headers)`; unknown paths get a 404 without CORS headers. */
export type Script = (request: ReceivedRequest) => ScriptedAnswer | undefined;

export interface ScriptedServer {
  origin: string;
  received: ReceivedRequest[];
  server: Server;
  close: () => Promise<void>;
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(entry);
      const answer = script(entry) ?? { status: 404 };
      const headers = Object.entries(answer.headers ?? {}).filter(
        (entry): entry is [string, string | string[]] => entry[1] !== undefined,
      );
      response.writeHead(answer.status, Object.fromEntries(headers));
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    server,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
