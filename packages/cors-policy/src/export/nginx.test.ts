import { describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import { CorsExportError } from './export-error.js';
import { toNginxConfig } from './nginx.js';

const listPolicy = definePolicy({
  origins: ['https://app.example.com', 'https://*.preview.example.com:8443'],
  credentials: true,
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
});

describe('toNginxConfig', () => {
  it('puts the allow-list in a map at http level, as anchored case-sensitive regexes that echo the origin', () => {
    const { http } = toNginxConfig(listPolicy);
    expect(http).toContain('map $http_origin $cors_allow_origin {');
    expect(http).toContain('"~^https://app\\.example\\.com$" $http_origin;');
    expect(http).toContain(
      '"~^https://(?:[a-z0-9_-]{1,63}\\.)+preview\\.example\\.com:8443$" $http_origin;',
    );
    expect(http).toContain('default "";');
  });

  it('sends every header with always, so 4xx and 5xx answers keep them', () => {
    const { location } = toNginxConfig(listPolicy);
    const addHeaders = location.split('\n').filter((line) => line.includes('add_header'));
    expect(addHeaders.length).toBeGreaterThan(5);
    for (const line of addHeaders) expect(line.trim()).toMatch(/ always;$/);
  });

  it('answers preflights with the policy status and Vary: Origin', () => {
    const { location } = toNginxConfig(listPolicy);
    expect(location).toMatch(
      /if \(\$cors_preflight\) \{[^}]*add_header Vary Origin always;\s*return 204;/,
    );
    const status200 = toNginxConfig(
      definePolicy({ origins: ['https://a.example'], preflightStatus: 200 }),
    );
    expect(status200.location).toContain('return 200;');
  });

  it('hides the upstream CORS headers so a proxied app cannot add a second Allow-Origin', () => {
    expect(toNginxConfig(listPolicy).location).toContain(
      'proxy_hide_header Access-Control-Allow-Origin;',
    );
  });

  it('gates credentials and the preflight lists on an allowed origin', () => {
    const { http } = toNginxConfig(listPolicy);
    expect(http).toContain('map $cors_allow_origin $cors_allow_credentials {');
    expect(http).toContain('map $cors_allow_origin $cors_max_age {');
  });

  it("writes '*' as a constant header without Vary or an origin map", () => {
    const { http, location } = toNginxConfig(definePolicy({ origins: '*' }));
    expect(http).not.toContain('$http_origin');
    expect(location).toContain('add_header Access-Control-Allow-Origin "*" always;');
    expect(location).not.toContain('Vary');
  });

  it('trusts null only when the policy opts in', () => {
    expect(toNginxConfig(listPolicy).http).not.toContain('null');
    const withNull = definePolicy({ origins: ['https://a.example'], allowNullOrigin: true });
    expect(toNginxConfig(withNull).http).toContain('"~^null$" $http_origin;');
  });

  it('names its variables after the prefix, so several policies share one http block', () => {
    const { http, location } = toNginxConfig(listPolicy, { prefix: 'api_cors' });
    expect(http).toContain('$api_cors_allow_origin');
    expect(location).toContain('if ($api_cors_preflight)');
    expect(() => toNginxConfig(listPolicy, { prefix: 'api-cors' })).toThrow(/prefix "api-cors"/);
  });

  it('refuses a predicate, reflect-any and a name nginx would read as a variable', () => {
    const refusal = (policy: Parameters<typeof toNginxConfig>[0]) => {
      try {
        toNginxConfig(policy);
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(definePolicy({ origins: () => true }))).toMatchObject({
      code: 'predicate-origin',
      message: expect.stringContaining('list the exact origins'),
    });
    expect(refusal(definePolicy({ origins: 'reflect-any' }))).toBeInstanceOf(CorsExportError);
    expect(
      refusal(definePolicy({ origins: ['https://a.example'], allowedHeaders: ['X-$host'] })),
    ).toMatchObject({ code: 'nginx-variable-in-name' });
  });
});
