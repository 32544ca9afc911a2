import { describe, expect, it } from 'vitest';
import { PROXY_PREFIXES, devProxy } from './dev-proxy.js';

describe('devProxy', () => {
  const proxy = devProxy('http://localhost:8000');

  it('forwards both prefixes to the API with the prefix removed', () => {
    for (const prefix of Object.values(PROXY_PREFIXES)) {
      expect(proxy[prefix]?.target).toBe('http://localhost:8000');
      expect(proxy[prefix]?.rewrite?.(`${prefix}/lab/none?run=1`)).toBe('/lab/none?run=1');
    }
  });

  it('rewrites Host on /api-changed only', () => {
    expect(proxy[PROXY_PREFIXES.same]?.changeOrigin).toBe(false);
    expect(proxy[PROXY_PREFIXES.changed]?.changeOrigin).toBe(true);
  });
});
