import { DEFAULT_ORIGINS } from '@cors-lab/scenarios';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLabApp } from '../app.js';
import type { LogEntry } from '@cors-lab/scenarios';
import { RequestLog } from './request-log.js';

const WEB = 'http://localhost:3000';

function apps(log = new RequestLog()) {
  const config = readConfig({});
  const main = createLabApp({
    policy: config.policy,
    origins: DEFAULT_ORIGINS,
    log,
    listener: 'main',
  });
  const alt = createLabApp({
    policy: config.altPolicy,
    origins: DEFAULT_ORIGINS,
    log,
    listener: 'alt',
  });
  return { main, alt, log };
}

async function entries(app: ReturnType<typeof apps>['main'], run: string): Promise<LogEntry[]> {
  const res = await request(app).get(`/__log?run=${run}`).set('Origin', WEB);
  expect(res.status).toBe(200);
  return (res.body as { entries: LogEntry[] }).entries;
}

describe('the request log', () => {
  it('records a refused preflight with the headers the server sent, and no actual request', async () => {
    const { main } = apps();
    await request(main)
      .options('/lab/exact?run=p1')
      .set('Origin', WEB)
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'x-request-id');
    const [preflight, ...rest] = await entries(main, 'p1');
    expect(rest).toEqual([]);
    expect(preflight).toMatchObject({
      listener: 'main',
      run: 'p1',
      method: 'OPTIONS',
      path: '/lab/exact',
      status: 204,
      truncated: false,
    });
    expect(preflight?.requestHeaders['access-control-request-headers']).toBe('x-request-id');
    expect(preflight?.responseHeaders).toMatchObject({
      'access-control-allow-origin': WEB,
      'access-control-allow-headers': 'Content-Type',
      vary: 'Origin',
    });
  });

  it('records a simple POST that the browser would block, with its 200', async () => {
    const { main } = apps();
    await request(main).post('/lab/none?run=p2').set('Origin', 'http://localhost:3001').send('x');
    const logged = await entries(main, 'p2');
    expect(logged.map((e) => [e.method, e.path, e.status])).toEqual([['POST', '/lab/none', 200]]);
    expect(logged[0]?.responseHeaders['access-control-allow-origin']).toBeUndefined();
  });

  it('records the status and headers of error answers as sent', async () => {
    const { main } = apps();
    await request(main).get('/lab/errors/guard-before-cors?run=p3').set('Origin', WEB);
    const [logged] = await entries(main, 'p3');
    expect(logged?.status).toBe(401);
    expect(logged?.responseHeaders['content-type']).toBe('application/json; charset=utf-8');
  });

  it('is shared by both listeners and names which one each request reached', async () => {
    const { main, alt } = apps();
    await request(main).get('/lab/redirect/to-exact?run=p4').set('Origin', WEB);
    await request(alt).get('/lab/exact?run=p4').set('Origin', 'null');
    const logged = await entries(main, 'p4');
    expect(logged.map((e) => [e.listener, e.path, e.requestHeaders.origin])).toEqual([
      ['main', '/lab/redirect/to-exact', WEB],
      ['alt', '/lab/exact', 'null'],
    ]);
  });

  it('does not record reads of itself', async () => {
    const { main, log } = apps();
    await request(main).get('/__log?run=p5').set('Origin', WEB);
    await request(main).get('/__log?run=p5');
    expect(log.size).toBe(0);
  });

  it('is readable by the three lab page origins and by no other', async () => {
    const { main } = apps();
    for (const origin of [WEB, 'http://localhost:3001', 'http://127.0.0.1:3000']) {
      const res = await request(main).get('/__log?run=x').set('Origin', origin);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const other = await request(main).get('/__log?run=x').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a read without a run id with a JSON 400 that shows the expected form', async () => {
    const res = await request(apps().main).get('/__log').set('Origin', WEB);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(
      'Query parameter "run" is null: expected one run id, e.g. /__log?run=abc123.',
    );
    expect(res.headers['access-control-allow-origin']).toBe(WEB);
  });

  it('forgets a run on DELETE', async () => {
    const { main } = apps();
    await request(main).get('/lab/none?run=p6');
    await request(main).get('/lab/none?run=p6');
    const res = await request(main).delete('/__log?run=p6').set('Origin', WEB);
    expect(res.body).toEqual({ run: 'p6', removed: 2 });
    expect(await entries(main, 'p6')).toEqual([]);
  });

  it('stays at its bound under many requests', async () => {
    const { main, log } = apps(new RequestLog({ capacity: 50 }));
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => request(main).get(`/lab/none?run=load-${i}`)),
    );
    expect(log.size).toBe(50);
    expect(await entries(main, 'load-0')).toEqual([]);
  });
});
