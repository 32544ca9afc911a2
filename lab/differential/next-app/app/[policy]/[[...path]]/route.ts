import { definePolicy, withCors } from '@cors-lab/cors-policy';
import { POLICIES } from '../../../../src/policies';

// Every answer is decided per request; nothing may be prerendered or cached by Next.
export const dynamic = 'force-dynamic';

/** withCors() around the same little Fetch handler for each policy of the differential set. */
const HANDLERS = new Map(
  Object.entries(POLICIES).map(([name, options]) => [
    name,
    withCors(definePolicy(options), () => Response.json({ ok: true })),
  ]),
);

interface RouteContext {
  params: Promise<{ policy: string; path?: string[] }>;
}

/** `/<policy>/...`: the handler of the policy named by the first segment, 404 for any other name. */
export async function GET(request: Request, { params }: RouteContext): Promise<Response> {
  const handler = HANDLERS.get((await params).policy);
  return handler === undefined ? new Response(null, { status: 404 }) : handler(request);
}

// Next answers OPTIONS itself unless the route exports it: preflights must reach withCors().
export const OPTIONS = GET;
