import { describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { toFlaskCors } from './flask.js';

describe('toFlaskCors', () => {
  it('writes every origin as a case-sensitive regex anchored at both ends', () => {
    const call = toFlaskCors(
      definePolicy({ origins: ['https://app.example.com', 'https://*.preview.example.com'] }),
    );
    expect(call).toContain(
      'origins=[r"(?-i:https://app\\.example\\.com)\\Z", r"(?-i:https://(?:[a-z0-9_-]{1,63}\\.)+preview\\.example\\.com)\\Z"]',
    );
  });

  it('carries credentials, the lists and max age over as keyword arguments', () => {
    const call = toFlaskCors(
      definePolicy({
        origins: ['https://app.example.com'],
        credentials: true,
        methods: ['PUT'],
        allowedHeaders: ['Content-Type', 'X-Request-Id'],
        exposedHeaders: ['X-Request-Id'],
        maxAge: 600,
      }),
      { app: 'api' },
    );
    expect(call).toMatch(/^CORS\(api, origins=/);
    // GET, HEAD and POST are listed too: flask_cors drops Allow-Headers for an unlisted method.
    expect(call).toContain('methods=["PUT", "GET", "HEAD", "POST"]');
    expect(call).toContain('allow_headers=["Content-Type", "X-Request-Id"]');
    expect(call).toContain('expose_headers=["X-Request-Id"]');
    expect(call).toContain('supports_credentials=True');
    expect(call).toContain('max_age=600');
  });

  it("sends '*' itself rather than echoing the origin", () => {
    expect(toFlaskCors(definePolicy({ origins: '*', allowedHeaders: '*' }))).toBe(
      'CORS(app, origins="*", send_wildcard=True, methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"], allow_headers="*", supports_credentials=False)',
    );
  });

  it('refuses what flask_cors 3.0.10 cannot express the same way', () => {
    const base = { origins: ['https://app.example.com'] };
    expect(() => toFlaskCors(definePolicy({ origins: async () => true }))).toThrow(
      /origins is a predicate function/,
    );
    expect(() => toFlaskCors(definePolicy({ origins: 'reflect-any' }))).toThrow(/reflect-any/);
    expect(() => toFlaskCors(definePolicy({ ...base, methods: ['Purge'] }))).toThrow(
      /methods "Purge" is not uppercase.*write "PURGE"/,
    );
    expect(() => toFlaskCors(definePolicy({ ...base, allowedHeaders: ['X-Price$'] }))).toThrow(
      /allowedHeaders "X-Price\$"/,
    );
    expect(() => toFlaskCors(definePolicy({ ...base, maxAge: 0 }))).toThrow(/maxAge 0/);
    expect(() => toFlaskCors(definePolicy(base), { app: 'my app' })).toThrow(/not a Python name/);
  });
});
