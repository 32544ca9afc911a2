import type { PolicyOptions } from '@cors-lab/cors-policy';

/** The policies every server is given, named for the URL path that serves each one. */
export const POLICIES: Readonly<Record<string, PolicyOptions>> = {
  // The production shape: exact origins, a subdomain pattern, cookies, custom headers.
  credentialed: {
    origins: ['https://app.example.com', 'http://localhost:3000', 'https://*.preview.example.com'],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  },
  // One origin, every default: flask_cors would send no Vary for a plain string here.
  single: { origins: ['https://app.example.com'] },
  // A public API.
  public: { origins: '*', allowedHeaders: '*', exposedHeaders: '*' },
  // A pattern with a port, the opaque null origin trusted, preflights answered 200.
  'pattern-port': {
    origins: ['https://*.example.org:8443', 'http://127.0.0.1:3000'],
    allowNullOrigin: true,
    methods: ['GET', 'PATCH'],
    allowedHeaders: ['Authorization'],
    preflightStatus: 200,
  },
  // Cannot be written for nginx or flask_cors: both exports refuse it.
  'reflect-any': { origins: 'reflect-any' },
};
