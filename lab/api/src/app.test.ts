import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLabApp } from './app.js';
import { readConfig } from './config.js';
import { RequestLog } from './log/request-log.js';

const WEB = 'http://localhost:3000';
const ALT_PORT = 'http://localhost:3001';

function labApp(listener: 'main' | 'alt') {
  const config = readConfig({});
  return createLabApp({
    policy: listener === 'main' ? config.policy : config.altPolicy,
    origins: config.origins,
    log: new RequestLog(),
    listener,
  });
}

describe('the lab around the template API', () => {
  it('serves the template API unchanged under the main policy', async () => {
    const res = await request(labApp('main')).get('/api/notes').set('Origin', WEB);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(WEB);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it('answers an unknown path with the template’s JSON 404 and its CORS headers', async () => {
    const res = await request(labApp('main')).get('/nowhere').set('Origin', WEB);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'No route for GET /nowhere.', status: 404 });
    expect(res.headers['access-control-allow-origin']).toBe(WEB);
  });

  it('records template requests in the log too, preflights included', async () => {
    const log = new RequestLog();
    const config = readConfig({});
    const app = createLabApp({
      policy: config.policy,
      origins: config.origins,
      log,
      listener: 'main',
    });
    await request(app)
      .options('/api/notes?run=r1')
      .set('Origin', WEB)
      .set('Access-Control-Request-Method', 'PUT');
    expect(log.forRun('r1').map((entry) => [entry.method, entry.status])).toEqual([
      ['OPTIONS', 204],
    ]);
  });
});

describe('the alt-port listener', () => {
  it('serves the same API under a policy for the alt-port page only', async () => {
    const server = labApp('alt');
    const fromAlt = await request(server).get('/api/notes').set('Origin', ALT_PORT);
    expect(fromAlt.headers['access-control-allow-origin']).toBe(ALT_PORT);
    const fromWeb = await request(server).get('/api/notes').set('Origin', WEB);
    expect(fromWeb.headers['access-control-allow-origin']).toBeUndefined();
    expect(fromWeb.headers.vary).toBe('Origin');
  });

  it('serves the lab routes too, so redirects can land on it', async () => {
    const res = await request(labApp('alt')).get('/lab/wildcard?run=r').set('Origin', 'null');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
