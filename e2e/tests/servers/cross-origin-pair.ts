// Two tiny servers on two origins: a page, and an API with one route that allows the page's
// exact origin and one that sends no CORS header at all.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface CrossOriginPair {
  pageOrigin: string;
  apiOrigin: string;
  /** `METHOD /path` of every request that reached the API, in order. */
  apiRequests: string[];
  close(): Promise<void>;
}

export const PAGE_HTML = `<!doctype html>
<title>cors-lab engine smoke test</title>
<p id="origin"></p>
<script>
  document.getElementById('origin').textContent = location.origin;
  document.body.dataset.state = 'ready';
</script>`;

// Binds the first free port of the range; several workers may be choosing at the same time.
async function listenInRange(
  handler: RequestListener,
  first: number,
  last: number,
): Promise<Server> {
  for (let port = first; port <= last; port++) {
    const server = createServer(handler);
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) return server;
  }
  throw new Error(
    `No free port in ${first}-${last}: stop whatever holds them (ss -ltnp) and retry.`,
  );
}

function portOf(server: Server): number {
  const address = server.address();
  if (typeof address !== 'object' || !address)
    throw new Error(`Server has no port: ${String(address)}`);
  return address.port;
}

export async function startCrossOriginPair(host: string): Promise<CrossOriginPair> {
  const apiRequests: string[] = [];
  const page = await listenInRange(
    (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    },
    3100,
    3199,
  );
  const pageOrigin = `http://${host}:${portOf(page)}`;
  const api = await listenInRange(
    (request, response) => {
      apiRequests.push(`${request.method} ${request.url}`);
      if (request.url === '/allowed') {
        response.writeHead(200, {
          'content-type': 'text/plain',
          'access-control-allow-origin': pageOrigin,
        });
        response.end('allowed');
      } else if (request.url === '/blocked') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('blocked');
      } else {
        response.writeHead(404).end();
      }
    },
    8100,
    8199,
  );
  const apiOrigin = `http://${host}:${portOf(api)}`;
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    pageOrigin,
    apiOrigin,
    apiRequests,
    close: async () => void (await Promise.all([close(page), close(api)])),
  };
}
