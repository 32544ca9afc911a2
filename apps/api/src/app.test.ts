import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { readConfig } from './config.js';

const WEB = 'http://localhost:3000';
const OTHER = 'http://localhost:3001';
const ALLOWED_ACTUAL = {
  'access-control-allow-origin': WEB,
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'X-Request-Id',
  vary: 'Origin',
};

function mainApp(env: Record<string, string> = {}) {
  return createApp(readConfig(env));
}

function corsHeaders(headers: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.startsWith('access-control-') || name === 'vary',
    ),
  );
}

describe('the API', () => {
  it('answers /health with JSON and never sends X-Powered-By', async () => {
    const res = await request(mainApp()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the allowed origin its CORS headers with credentials and the exposed request id', async () => {
    const res = await request(mainApp()).get('/api/notes').set('Origin', WEB);
    expect(corsHeaders(res.headers)).toEqual(ALLOWED_ACTUAL);
  });

  it('gives another origin no CORS headers, only Vary: Origin', async () => {
    const res = await request(mainApp()).get('/api/notes').set('Origin', OTHER);
    expect(res.status).toBe(200);
    expect(corsHeaders(res.headers)).toEqual({ vary: 'Origin' });
  });

  it('answers a preflight from the allowed origin with 204, the defaults and max-age 600', async () => {
    const res = await request(mainApp())
      .options('/api/notes/1')
      .set('Origin', WEB)
      .set('Access-Control-Request-Method', 'PATCH')
      .set('Access-Control-Request-Headers', 'content-type,x-request-id');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(corsHeaders(res.headers)).toEqual({
      'access-control-allow-origin': WEB,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE',
      'access-control-allow-headers': 'Content-Type,X-Request-Id',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
  });

  it('creates, reads, replaces, edits and deletes a note', async () => {
    const server = mainApp();
    const created = await request(server).post('/api/notes').send({ text: 'Buy milk' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 1, text: 'Buy milk', done: false });
    expect(created.headers.location).toBe('/api/notes/1');
    expect((await request(server).get('/api/notes/1')).body.text).toBe('Buy milk');
    const replaced = await request(server)
      .put('/api/notes/1')
      .send({ text: 'Buy bread', done: true });
    expect(replaced.body).toMatchObject({ id: 1, text: 'Buy bread', done: true });
    const edited = await request(server).patch('/api/notes/1').send({ done: false });
    expect(edited.body).toMatchObject({ text: 'Buy bread', done: false });
    expect((await request(server).delete('/api/notes/1')).status).toBe(204);
    expect((await request(server).get('/api/notes/1')).status).toBe(404);
  });

  it('keeps at most 100 notes, dropping the oldest', async () => {
    const server = mainApp();
    for (let i = 1; i <= 105; i++)
      await request(server)
        .post('/api/notes')
        .send({ text: `n${i}` });
    const { notes } = (await request(server).get('/api/notes')).body as {
      notes: { text: string }[];
    };
    expect(notes).toHaveLength(100);
    expect(notes[0]?.text).toBe('n6');
  });

  it('refuses a note without text with a JSON 400 that says what to send', async () => {
    const res = await request(mainApp()).post('/api/notes').set('Origin', WEB).send({ text: 42 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/"text" must be a non-empty string.*\{"text": "Buy milk"\}/);
    expect(corsHeaders(res.headers)).toEqual(ALLOWED_ACTUAL);
  });

  it('answers malformed JSON with a JSON 400 that keeps the CORS headers', async () => {
    const res = await request(mainApp())
      .post('/api/notes')
      .set('Origin', WEB)
      .set('Content-Type', 'application/json')
      .send('{"text": "unterminated');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'The request body is not valid JSON.', status: 400 });
    expect(corsHeaders(res.headers)).toEqual(ALLOWED_ACTUAL);
  });

  it('answers an unknown path with a JSON 404 that keeps the CORS headers', async () => {
    const res = await request(mainApp()).get('/api/nowhere').set('Origin', WEB);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'No route for GET /api/nowhere.', status: 404 });
    expect(corsHeaders(res.headers)).toEqual(ALLOWED_ACTUAL);
  });

  it('answers a missing note with a JSON 404 and no CORS headers for a rejected origin', async () => {
    const res = await request(mainApp()).get('/api/notes/999999999').set('Origin', OTHER);
    expect(res.status).toBe(404);
    expect(res.body.status).toBe(404);
    expect(corsHeaders(res.headers)).toEqual({ vary: 'Origin' });
  });

  it('logs in with a cookie session, knows who I am, and logs out', async () => {
    const agent = request.agent(mainApp());
    const login = await agent.post('/api/session').set('Origin', WEB).send({ name: 'ada' });
    expect(login.status).toBe(201);
    expect(login.headers['set-cookie']?.[0]).toMatch(
      /^cors_lab_session=[A-Za-z0-9_-]{32}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect((await agent.get('/api/session/me')).body).toEqual({ authenticated: true, name: 'ada' });
    expect((await agent.delete('/api/session')).status).toBe(204);
    const after = await agent.get('/api/session/me');
    expect(after.status).toBe(401);
    expect(after.body.error).toMatch(/Not logged in/);
  });

  it('applies the configured origins to the main API', async () => {
    const res = await request(mainApp({ CORS_ALLOWED_ORIGINS: `${OTHER}, https://*.example.org` }))
      .get('/health')
      .set('Origin', 'https://a.example.org');
    expect(res.headers['access-control-allow-origin']).toBe('https://a.example.org');
  });
});
