// A route handler behind the Fetch adapter: withCors answers preflights and adds the policy's
// headers to every other response. The policy is the catalogue's `next-route-handler` route.
import { withCors } from '@cors-lab/cors-policy';
import { echo } from '../../../../lib/server/echo';
import { logged } from '../../../../lib/server/logged';
import { webRoutePolicy } from '../../../../lib/server/web-route-policy';

const handle = logged(withCors(webRoutePolicy('next-route-handler'), echo('next-route-handler')));

export const GET = handle;
export const PUT = handle;
// Without an OPTIONS export Next answers preflights itself, with no CORS headers.
export const OPTIONS = handle;
