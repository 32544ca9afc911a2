// Next 16's proxy (formerly middleware): one policy for every path under /edge, so the routes there
// stay free of CORS code. Preflights end here; other requests go on with the policy's headers.
import { applyCors, preflight } from '@cors-lab/cors-policy';
import { NextResponse, type NextRequest } from 'next/server';
import { PROXY_HEADERS, handOver } from './lib/server/logged';
import { recordExchange } from './lib/server/request-log-store';
import { webRoutePolicy } from './lib/server/web-route-policy';

const policy = webRoutePolicy('next-proxy-edge');

export function proxy(request: NextRequest): Response {
  const early = preflight(policy, request);
  if (early) {
    recordExchange(request, early);
    return early;
  }
  const cors = applyCors(policy, request, new Response(null));
  // The route's request log cannot see headers set here, so they travel with the request.
  const forwarded = new Headers(request.headers);
  forwarded.set(PROXY_HEADERS, handOver(cors.headers));
  const response = NextResponse.next({ request: { headers: forwarded } });
  cors.headers.forEach((value, name) => response.headers.set(name, value));
  return response;
}

export const config = { matcher: '/edge/:path*' };
