import { corsMiddleware, definePolicy, toCorsOptions } from '@cors-lab/cors-policy';
import { LAB_ROUTES, resolvePolicy, type LabRoute, type Origins } from '@cors-lab/scenarios';
import cors from 'cors';
import { Router, type RequestHandler } from 'express';
import { mistakeMiddlewares } from './mistakes.js';
import { routeResponse } from './responses.js';
import { mountSeedMethod } from './seed-methods.js';

/** Every lab route of the catalogue, each with its own CORS behaviour. Paths are absolute (`/lab/...`). */
export function labRouter(origins: Origins, thirdPartyApiKey: string): Router {
  const router = Router();
  for (const route of LAB_ROUTES) mountLabRoute(router, route, origins, thirdPartyApiKey);
  return router;
}

function mountLabRoute(
  router: Router,
  route: LabRoute,
  origins: Origins,
  thirdPartyApiKey: string,
): void {
  const handler = routeResponse(route, origins, thirdPartyApiKey);
  const { cors: routeCors } = route;
  switch (routeCors.kind) {
    case 'none':
      router.all(route.path, handler);
      return;
    case 'policy':
      router.all(
        route.path,
        corsMiddleware(definePolicy(resolvePolicy(routeCors.policy, origins))),
        handler,
      );
      return;
    case 'cors-package':
      router.all(
        route.path,
        cors(toCorsOptions(definePolicy(resolvePolicy(routeCors.policy, origins)))),
        handler,
      );
      return;
    case 'seed':
      mountSeedMethod(router, route.path, routeCors.method, origins, handler);
      return;
    case 'mistake': {
      const middlewares: RequestHandler[] = mistakeMiddlewares(routeCors.mistake, origins);
      router.all(route.path, ...middlewares, handler);
      return;
    }
  }
}
