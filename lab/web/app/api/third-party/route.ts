// The production answer for an API without CORS: the page calls this route, which calls the API
// server-side with a key from the server's environment and answers under the catalogue's policy.
import { withCors } from '@cors-lab/cors-policy';
import { logged } from '../../../lib/server/logged';
import { thirdPartyBackend } from '../../../lib/server/third-party';
import { webRoutePolicy } from '../../../lib/server/web-route-policy';

const handle = logged(withCors(webRoutePolicy('third-party-backend'), thirdPartyBackend()));

export const GET = handle;
export const OPTIONS = handle;
