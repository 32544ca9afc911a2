// The seed article's four ways to "fix CORS", written as it wrote them, each scoped to one lab path.
import type { Origins, SeedMethod } from '@cors-lab/scenarios';
import cors from 'cors';
import type { RequestHandler, Router } from 'express';

/** Mounts `method` and `handler` on `path` the way the seed article does it. */
export function mountSeedMethod(
  router: Router,
  path: string,
  method: SeedMethod,
  origins: Origins,
  handler: RequestHandler,
): void {
  switch (method) {
    case 'cors-default':
      router.all(path, cors(), handler);
      return;
    case 'cors-configured':
      router.all(
        path,
        cors({
          origin: origins.web,
          methods: ['GET', 'POST', 'PUT', 'DELETE'],
          allowedHeaders: ['Content-Type', 'Authorization'],
          credentials: true,
        }),
        handler,
      );
      return;
    case 'cors-per-route':
      // Only GET and PUT get the middleware; OPTIONS falls to Express's automatic answer.
      router.get(path, cors({ origin: origins.web }), handler);
      router.put(path, cors({ origin: origins.web }), handler);
      return;
    case 'manual-headers':
      router.all(path, manualHeaders(origins.web), handler);
      return;
  }
}

function manualHeaders(origin: string): RequestHandler {
  return (req, res, next) => {
    res.header('Access-Control-Allow-Origin', origin);
    res.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.header('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    res.header('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.sendStatus(200);
    } else {
      next();
    }
  };
}
