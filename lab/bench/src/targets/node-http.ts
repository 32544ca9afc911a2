// Plain node:http alone and behind corsMiddleware called by hand, as the package README shows.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { corsMiddleware } from '@cors-lab/cors-policy';
import { benchPolicy } from './bench-policy.js';

const BODY = JSON.stringify({ ok: true });

/** The route every node:http target answers: `GET /data`, else 404. */
export function route(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' && req.url === '/data') {
    res.setHeader('Content-Type', 'application/json');
    res.end(BODY);
    return;
  }
  res.statusCode = 404;
  res.end();
}

export function nodeHttpWith(origins: readonly string[] | undefined): Server {
  if (origins === undefined) return createServer(route);
  const cors = corsMiddleware(benchPolicy(origins));
  return createServer((req, res) => {
    cors(req, res, (error) => {
      if (error) {
        res.statusCode = 500;
        res.end();
        return;
      }
      route(req, res);
    });
  });
}
