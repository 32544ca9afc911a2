import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { PROXY_HEADERS } from './lib/server/logged';
import { config, proxy } from './proxy';

function preflight(origin: string): NextRequest {
  return new NextRequest('http://localhost:3000/edge/echo?run=proxy-test', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT' },
  });
}

describe('proxy.ts on /edge', () => {
  it('applies to every path under /edge and nowhere else', () => {
    expect(config.matcher).toBe('/edge/:path*');
  });

  it('ends a preflight from the alt-port page with 204 and its exact origin', () => {
    const response = proxy(preflight('http://localhost:3001'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gives a preflight from 127.0.0.1:3000 no CORS headers: the other host spelling is not listed', () => {
    const response = proxy(preflight('http://127.0.0.1:3000'));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an actual request through with the policy headers, and tells the route which ones', () => {
    const response = proxy(
      new NextRequest('http://localhost:3000/edge/echo', {
        headers: { Origin: 'http://localhost:3001' },
      }),
    );
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    expect(response.headers.get(`x-middleware-request-${PROXY_HEADERS}`)).toContain(
      'access-control-allow-origin',
    );
  });
});
