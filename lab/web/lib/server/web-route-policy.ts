import { definePolicy, type Policy } from '@cors-lab/cors-policy';
import { originsFromEnv, resolvePolicy, webRouteById } from '@cors-lab/scenarios';

/**
 * The policy the catalogue gives one of this app's routes, with page roles resolved to the origins
 * this server is configured with. Throws at startup, naming the route, if the catalogue lacks it.
 */
export function webRoutePolicy(id: string): Policy<true> {
  const route = webRouteById(id);
  if (!route || route.kind === 'proxy') {
    throw new Error(
      `The catalogue has no route handler or proxy route "${id}"; expected one in WEB_ROUTES of @cors-lab/scenarios.`,
    );
  }
  return definePolicy(resolvePolicy(route.policy, originsFromEnv(process.env)));
}
