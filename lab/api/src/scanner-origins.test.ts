import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { RequestLog } from './log/request-log.js';
import { createLabApp } from './app.js';

const ALLOWED = 'https://app.example.com,https://*.example.org';

/** One crafted Origin per scanner class of docs/cors-reference.md, for the allow-list above. */
const SCANNER_ORIGINS: Record<string, readonly string[]> = {
  'arbitrary origin reflected': ['https://evil.com', 'https://attacker.net'],
  'null trusted': ['null'],
  'prefix match': ['https://app.example.com.attacker.net', 'https://a.example.org.attacker.net'],
  'suffix match': ['https://attackerapp.example.com', 'https://attackerexample.org'],
  'substring match': ['https://app.example.co', 'https://example.com', 'https://pp.example.com'],
  'unescaped dot in a regex': [
    'https://appXexample.com',
    'https://app.exampleXcom',
    'https://aXexample.org',
  ],
  'special characters after the host': [
    'https://app.example.com_.attacker.net',
    'https://app.example.com%60.attacker.net',
    'https://app.example.com`.attacker.net',
    "https://app.example.com'.attacker.net",
    'https://app.example.com!.attacker.net',
    'https://app.example.com&.attacker.net',
    'https://app.example.com$.attacker.net',
    'https://app.example.com=.attacker.net',
    'https://app.example.com;.attacker.net',
    'https://app.example.com}.attacker.net',
    'https://a.example.org%60.attacker.net',
  ],
  'any subdomain of an exact origin trusted': ['https://evil.app.example.com'],
  'the bare domain of a subdomain pattern trusted': ['https://example.org'],
  'http trusted for an https site': ['http://app.example.com', 'http://a.example.org'],
  'third-party hosting trusted': [
    'https://attacker.github.io',
    'https://example-org.netlify.app',
    'https://app-example-com.vercel.app',
  ],
  'spelling tricks a browser never sends': [
    'https://app.example.com/',
    'https://app.example.com:443',
    'https://APP.example.com',
    'https://user@app.example.com',
    'https://app.example.com, https://evil.com',
    'https://app.example.com:8443',
  ],
};

/** Positive controls: without them a policy that allows nothing would pass every test above. */
const GENUINE = [
  'https://app.example.com',
  'https://a.example.org',
  'https://deep.sub.example.org',
];

function appWith(credentials: boolean) {
  const config = readConfig({
    CORS_ALLOWED_ORIGINS: ALLOWED,
    CORS_CREDENTIALS: String(credentials),
  });
  return createLabApp({
    policy: config.policy,
    origins: config.origins,
    log: new RequestLog(),
    listener: 'main',
  });
}

for (const credentials of [true, false]) {
  describe(`with CORS_ALLOWED_ORIGINS=${ALLOWED} and CORS_CREDENTIALS=${credentials}`, () => {
    const app = appWith(credentials);

    for (const [scannerClass, origins] of Object.entries(SCANNER_ORIGINS)) {
      it(`gives no Access-Control-Allow-Origin to "${scannerClass}" origins, on requests and preflights`, async () => {
        for (const origin of origins) {
          const actual = await request(app).get('/api/notes').set('Origin', origin);
          expect(actual.headers['access-control-allow-origin'], origin).toBeUndefined();
          expect(actual.headers['access-control-allow-credentials'], origin).toBeUndefined();
          const preflight = await request(app)
            .options('/api/notes')
            .set('Origin', origin)
            .set('Access-Control-Request-Method', 'PUT')
            .set('Access-Control-Request-Headers', 'content-type');
          expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
          expect(preflight.headers['access-control-allow-methods'], origin).toBeUndefined();
        }
      });
    }

    it('echoes each genuine origin exactly, with Vary: Origin', async () => {
      for (const origin of GENUINE) {
        const res = await request(app).get('/api/notes').set('Origin', origin);
        expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
        expect(res.headers.vary).toBe('Origin');
        expect(res.headers['access-control-allow-credentials']).toBe(
          credentials ? 'true' : undefined,
        );
      }
    });
  });
}
