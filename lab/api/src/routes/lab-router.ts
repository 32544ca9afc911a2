import { corsMiddleware, definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { LAB_ROUTES, resolvePolicy, type LabRoute, type Origins } from '@cors-lab/scenarios';
import cors from 'cors';
import { Router, type RequestHandler } from 'express';
import { appendSlash } from './append-slash.js';
import { fixedCors } from './fixed-cors.js';
import { mistakeMiddlewares } from './mistakes.js';
import { routeResponse } from './responses.js';
import { mountSeedMethod } from './seed-methods.js';

/**
 * Every lab route of the catalogue, each with its own CORS behaviour, for the listener named
 * `listener` (`main` or `alt`). Paths are absolute (`/lab/...`).
 */
export function labRouter(origins: Origins, listener: string, thirdPartyApiKey: string): Router {
  const router = Router();
  for (const route of LAB_ROUTES) {
    mountLabRoute(
      router,
      route,
      routeResponse(route, origins, listener, thirdPartyApiKey),
      origins,
    );
  }
  return router;
}

function mountLabRoute(
  router: Router,
  route: LabRoute,
  handler: RequestHandler,
  origins: Origins,
): void {
  const { cors: routeCors } = route;
  const policy =
    routeCors.kind === 'policy'
      ? definePolicy(resolvePolicy(routeCors.policy, origins))
      : undefined;
  // A trailing-slash redirect runs before CORS, as a framework's routing does.
  const first: RequestHandler[] =
    route.response.kind === 'append-slash' ? [appendSlash(policy)] : [];
  switch (routeCors.kind) {
    case 'none':
      router.all(route.path, ...first, handler);
      return;
    case 'policy':
      router.all(route.path, ...first, corsMiddleware(policy!), handler);
      return;
    case 'fixed':
      router.all(route.path, ...first, fixedCors(routeCors.preflight, routeCors.response), handler);
      return;
    case 'cors-package':
      router.all(
        route.path,
        ...first,
        cors(toCorsOptions(definePolicy(resolvePolicy(routeCors.policy, origins)))),
        handler,
      );
      return;
    case 'seed':
      mountSeedMethod(router, route.path, routeCors.method, origins, handler);
      return;
    case 'mistake': {
      const middlewares: RequestHandler[] = mistakeMiddlewares(routeCors.mistake, origins);
      router.all(route.path, ...first, ...middlewares, handler);
      return;
    }
  }
}
