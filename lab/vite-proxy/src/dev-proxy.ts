import type { ProxyOptions } from 'vite';

/** The two proxy prefixes: the same forward, once leaving Host alone and once rewriting it. */
export const PROXY_PREFIXES = { same: '/api-same', changed: '/api-changed' } as const;

/**
 * Vite's `server.proxy` for the lab API: what CRA's `"proxy": "<api>"` did. `/api-same/x` and
 * `/api-changed/x` both reach `<api>/x`; only `changeOrigin` differs, and it rewrites the Host
 * header the API receives, never the Origin header.
 */
export function devProxy(apiOrigin: string): Record<string, ProxyOptions> {
  const forward = (prefix: string, changeOrigin: boolean): ProxyOptions => ({
    target: apiOrigin,
    changeOrigin,
    rewrite: (path) => path.slice(prefix.length) || '/',
  });
  return {
    [PROXY_PREFIXES.same]: forward(PROXY_PREFIXES.same, false),
    [PROXY_PREFIXES.changed]: forward(PROXY_PREFIXES.changed, true),
  };
}
