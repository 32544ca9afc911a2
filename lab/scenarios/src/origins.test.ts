import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGINS, originsFromEnv, targetOrigin } from './origins.js';

describe('originsFromEnv', () => {
  it('falls back to the documented defaults for every role', () => {
    expect(originsFromEnv({})).toEqual({
      web: 'http://localhost:3000',
      'web-alt-port': 'http://localhost:3001',
      'web-alt-host': 'http://127.0.0.1:3000',
      api: 'http://localhost:8000',
      'api-alt-port': 'http://localhost:8001',
      'closed-port': 'http://localhost:8009',
      'web-tls': 'https://localhost:3443',
      'web-public': 'http://127.0.0.2:3000',
      'api-tls': 'https://localhost:8443',
      'api-alt-host': 'http://127.0.0.1:8000',
      'api-tls-alt-host': 'https://127.0.0.1:8443',
      flask: 'http://localhost:8002',
      nginx: 'http://localhost:8003',
      vite: 'http://localhost:5173',
    });
  });

  it('takes each origin from its environment variable', () => {
    const origins = originsFromEnv({ API_ORIGIN: 'http://localhost:8100', WEB_ORIGIN: '' });
    expect(origins.api).toBe('http://localhost:8100');
    expect(origins.web).toBe('http://localhost:3000');
  });

  it('rejects a value with a trailing slash, naming the variable and the expected form', () => {
    expect(() => originsFromEnv({ WEB_ORIGIN: 'http://localhost:3000/' })).toThrow(
      /WEB_ORIGIN="http:\/\/localhost:3000\/" is not a bare origin.*"http:\/\/localhost:3000"/,
    );
  });

  it('rejects a value that is not a URL', () => {
    expect(() => originsFromEnv({ API_ORIGIN: 'localhost 8000' })).toThrow(
      /API_ORIGIN="localhost 8000" is not a URL/,
    );
  });
});

describe('targetOrigin', () => {
  it("resolves 'same-page-origin' to the origin of the page that runs the scenario", () => {
    expect(targetOrigin(DEFAULT_ORIGINS, 'same-page-origin', 'web-alt-host')).toBe(
      'http://127.0.0.1:3000',
    );
    expect(targetOrigin(DEFAULT_ORIGINS, 'api-alt-port', 'web-alt-host')).toBe(
      'http://localhost:8001',
    );
  });
});
