import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { definePolicy } from '../define-policy.js';
import type { Policy } from '../types.js';
import { corsMiddleware } from './express.js';

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example';

function createApp(policy: Policy, before?: express.RequestHandler) {
  const calls = { handler: 0 };
  const app = express();
  if (before) app.use(before);
  app.use(corsMiddleware(policy));
  app.all('/data', (_req, res) => {
    calls.handler++;
    res.json({ ok: true });
  });
  app.get('/missing', (_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.get('/boom', () => {
    throw new Error('handler failed');
  });
  const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).json({ error: error.message });
  };
  app.use(onError);
  return { app, calls };
}

const credentialed = definePolicy({
  origins: [APP, 'https://*.preview.example.com'],
  credentials: true,
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
});

function corsHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith('access-control-')),
  );
}

describe('corsMiddleware', () => {
  it('echoes an allowed origin on an actual request and lets the route answer', async () => {
    const { app, calls } = createApp(credentialed);
    const response = await request(app).get('/data').set('Origin', APP);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
    expect(corsHeaders(response.headers)).toEqual({
      'access-control-allow-origin': APP,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Request-Id',
    });
    expect(response.headers.vary).toBe('Origin');
    expect(calls.handler).toBe(1);
  });

  it('ends an allowed preflight with 204, Content-Length 0 and no body, without running the route', async () => {
    const { app, calls } = createApp(credentialed);
    const response = await request(app)
      .options('/data')
      .set('Origin', 'https://pr-7.preview.example.com')
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(response.status).toBe(204);
    expect(response.headers['content-length']).toBe('0');
    expect(response.text).toBe('');
    expect(corsHeaders(response.headers)).toEqual({
      'access-control-allow-origin': 'https://pr-7.preview.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'Content-Type,Authorization',
      'access-control-max-age': '600',
    });
    expect(calls.handler).toBe(0);
  });

  it('answers a preflight from a rejected origin with the status, Vary and no CORS headers', async () => {
    const { app, calls } = createApp(credentialed);
    const response = await request(app)
      .options('/data')
      .set('Origin', EVIL)
      .set('Access-Control-Request-Method', 'PUT');
    expect(response.status).toBe(204);
    expect(corsHeaders(response.headers)).toEqual({});
    expect(response.headers.vary).toBe('Origin');
    expect(calls.handler).toBe(0);
  });

  it('lets a rejected actual request reach the route, without CORS headers (the browser hides the response)', async () => {
    const { app, calls } = createApp(credentialed);
    const response = await request(app).post('/data').set('Origin', EVIL);
    expect(response.status).toBe(200);
    expect(corsHeaders(response.headers)).toEqual({});
    expect(response.headers.vary).toBe('Origin');
    expect(calls.handler).toBe(1);
  });

  it('sends Vary: Origin on a request without Origin, so a cache keeps answers apart', async () => {
    const { app } = createApp(credentialed);
    const response = await request(app).get('/data');
    expect(corsHeaders(response.headers)).toEqual({});
    expect(response.headers.vary).toBe('Origin');
  });

  it('keeps the CORS headers on a 404 from the route', async () => {
    const { app } = createApp(credentialed);
    const response = await request(app).get('/missing').set('Origin', APP);
    expect(response.status).toBe(404);
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
  });

  it('keeps the CORS headers on a 500 sent by the error handler after the route throws', async () => {
    const { app } = createApp(credentialed);
    const response = await request(app).get('/boom').set('Origin', APP);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: 'handler failed' });
    expect(response.headers['access-control-allow-origin']).toBe(APP);
    expect(response.headers.vary).toBe('Origin');
  });

  it('appends Origin to a Vary set by earlier middleware instead of overwriting it', async () => {
    const { app } = createApp(credentialed, (_req, res, next) => {
      res.setHeader('Vary', 'Accept-Encoding');
      next();
    });
    const response = await request(app).get('/data').set('Origin', APP);
    expect(response.headers.vary).toBe('Accept-Encoding, Origin');
  });

  it('leaves Vary: * alone', async () => {
    const { app } = createApp(credentialed, (_req, res, next) => {
      res.setHeader('Vary', '*');
      next();
    });
    const response = await request(app).get('/data').set('Origin', APP);
    expect(response.headers.vary).toBe('*');
  });

  it('does not add Vary for a wildcard policy, whose answer never depends on the origin', async () => {
    const { app } = createApp(definePolicy({ origins: '*' }));
    const response = await request(app).get('/data').set('Origin', EVIL);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.vary).toBeUndefined();
  });

  it('treats two Origin headers as malformed and grants nothing', async () => {
    const { app } = createApp(credentialed);
    // superagent sends one header line per array entry; its types only allow arrays for Cookie.
    const twoOrigins = [APP, EVIL] as unknown as string;
    app.get('/raw-origin', (req, res) => {
      res.json({ origin: req.headers.origin });
    });
    const response = await request(app).get('/raw-origin').set('Origin', twoOrigins);
    expect(response.body).toEqual({ origin: `${APP}, ${EVIL}` });
    expect(corsHeaders(response.headers)).toEqual({});
    expect(response.headers.vary).toBe('Origin');
  });

  it('never echoes a malformed Origin', async () => {
    const { app } = createApp(definePolicy({ origins: 'reflect-any' }));
    for (const origin of [
      `${APP}/`,
      'https://APP.example.com',
      `https://${'a'.repeat(8000)}.com`,
    ]) {
      const response = await request(app).get('/data').set('Origin', origin);
      expect(response.status).toBe(200);
      expect(corsHeaders(response.headers)).toEqual({});
    }
  });

  it('waits for an async predicate before calling the route', async () => {
    const policy = definePolicy({
      origins: async (origin) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return origin === APP;
      },
      credentials: true,
    });
    const { app } = createApp(policy);
    const allowed = await request(app).get('/data').set('Origin', APP);
    expect(allowed.headers['access-control-allow-origin']).toBe(APP);
    const refused = await request(app)
      .options('/data')
      .set('Origin', EVIL)
      .set('Access-Control-Request-Method', 'PUT');
    expect(refused.status).toBe(204);
    expect(corsHeaders(refused.headers)).toEqual({});
  });

  it('hands a predicate that throws to the error handler', async () => {
    const policy = definePolicy({
      origins: () => {
        throw new Error('origin store unavailable');
      },
    });
    const { app, calls } = createApp(policy);
    const response = await request(app).get('/data').set('Origin', APP);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: 'origin store unavailable' });
    expect(calls.handler).toBe(0);
  });

  it('answers with a custom preflight status', async () => {
    const { app } = createApp(definePolicy({ origins: [APP], preflightStatus: 200 }));
    const response = await request(app)
      .options('/data')
      .set('Origin', APP)
      .set('Access-Control-Request-Method', 'DELETE');
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('0');
  });
});
