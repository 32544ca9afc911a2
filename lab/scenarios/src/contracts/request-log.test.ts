import { describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import {
  entriesOnPath,
  headerValue,
  logPrefixUrl,
  logUrl,
  parseLogSelection,
  readRunsLog,
  runLogFromJsonLines,
  selects,
  serverAnswer,
  type LogEntry,
} from './request-log.js';

function entry(method: string, path: string, extra: Partial<LogEntry> = {}): LogEntry {
  return {
    time: '2026-01-01T00:00:00.000Z',
    run: 'r1',
    method,
    path,
    requestHeaders: {},
    status: 200,
    responseHeaders: {},
    ...extra,
  };
}

const preflight = entry('OPTIONS', '/lab/cache/600', {
  requestHeaders: { 'access-control-request-method': 'PUT' },
  status: 204,
  responseHeaders: { 'access-control-max-age': '600' },
});

describe('request log reading', () => {
  it('builds the log URL with the run id escaped', () => {
    expect(logUrl('http://localhost:8000', 'a&b')).toBe('http://localhost:8000/__log?run=a%26b');
  });

  it('builds the prefix URL with the prefix escaped', () => {
    expect(logPrefixUrl('http://localhost:8000', 'a&b.')).toBe(
      'http://localhost:8000/__log?runPrefix=a%26b.',
    );
  });

  it('selects one run exactly, or every run starting with a prefix', () => {
    const query = (text: string) => parseLogSelection(new URLSearchParams(text));
    expect(query('run=a1.x')).toEqual({ selection: { run: 'a1.x' } });
    expect(query('runPrefix=a1.')).toEqual({ selection: { runPrefix: 'a1.' } });
    const one = { run: 'a1.x' };
    const prefix = { runPrefix: 'a1.' };
    expect(selects(one, { run: 'a1.x' })).toBe(true);
    expect(selects(one, { run: 'a1.xy' })).toBe(false);
    expect(selects(prefix, { run: 'a1.y' })).toBe(true);
    expect(selects(prefix, { run: 'b1.y' })).toBe(false);
    expect(selects(prefix, { run: null })).toBe(false);
  });

  it('refuses a query with no run, an empty one, or both a run and a prefix, naming the fix', () => {
    for (const text of ['', 'run=', 'runPrefix=', 'run=a&runPrefix=a']) {
      const parsed = parseLogSelection(new URLSearchParams(text));
      expect(parsed, text).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toMatch(/\/__log\?run=abc123/);
    }
  });

  it('reads every run of a prefix in one request and groups the entries by run', async () => {
    const logged = [
      entry('GET', '/a', { run: 't1.a' }),
      entry('GET', '/b', { run: 't1.b' }),
      entry('PUT', '/a', { run: 't1.a' }),
    ];
    const urls: string[] = [];
    const server: Server = createServer((request, response) => {
      urls.push(request.url ?? '');
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ runPrefix: 't1.', entries: logged }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const byRun = await readRunsLog(`http://127.0.0.1:${port}`, 't1.');
      expect(urls).toEqual(['/__log?runPrefix=t1.']);
      expect(byRun?.get('t1.a')?.map((e) => e.method)).toEqual(['GET', 'PUT']);
      expect(byRun?.get('t1.b')?.map((e) => e.path)).toEqual(['/b']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts as preflights only OPTIONS requests that carry Access-Control-Request-Method', () => {
    const plainOptions = entry('OPTIONS', '/lab/cache/600');
    const { preflights, actual } = entriesOnPath(
      [preflight, entry('PUT', '/lab/cache/600'), plainOptions, entry('GET', '/elsewhere')],
      '/lab/cache/600',
    );
    expect(preflights).toEqual([preflight]);
    expect(actual.map((e) => e.method)).toEqual(['PUT', 'OPTIONS']);
  });

  it('hands predict() the last preflight and the last actual response on the path', () => {
    const first = entry('PUT', '/lab/cache/600', { status: 201 });
    const last = entry('PUT', '/lab/cache/600', {
      status: 200,
      responseHeaders: { vary: 'Origin' },
    });
    expect(serverAnswer([preflight, first, last], '/lab/cache/600')).toEqual({
      preflight: { status: 204, headers: { 'access-control-max-age': '600' } },
      response: { status: 200, headers: { vary: 'Origin' } },
    });
  });

  it('answers an empty ServerAnswer when nothing reached the path', () => {
    expect(serverAnswer([entry('GET', '/other')], '/lab/none')).toEqual({});
  });

  it('finds a header whatever its case and joins repeated values as a browser would', () => {
    expect(headerValue({ Origin: 'null' }, 'origin')).toBe('null');
    expect(headerValue({ 'set-cookie': ['a=1', 'b=2'] }, 'Set-Cookie')).toBe('a=1, b=2');
    expect(headerValue({}, 'origin')).toBeUndefined();
  });
});

describe('runLogFromJsonLines', () => {
  const line = (run: string, acao: string | string[]) =>
    JSON.stringify({
      time: '2026-01-01T00:00:00+00:00',
      run,
      method: 'GET',
      path: '/double/lab/exact',
      status: '200',
      requestHeaders: { origin: 'http://localhost:3000', 'access-control-request-method': '' },
      responseHeaders: { 'access-control-allow-origin': acao, vary: '' },
    });

  it("keeps the run's lines, drops nginx's empty values and keeps a repeated header as a list", () => {
    const text = [
      line('a', ['http://localhost:3000', 'http://localhost:3000']),
      line('b', ['', 'x']),
      '',
    ].join('\n');
    expect(runLogFromJsonLines(text, { run: 'a' })).toEqual([
      {
        time: '2026-01-01T00:00:00+00:00',
        run: 'a',
        method: 'GET',
        path: '/double/lab/exact',
        status: 200,
        requestHeaders: { origin: 'http://localhost:3000' },
        responseHeaders: {
          'access-control-allow-origin': ['http://localhost:3000', 'http://localhost:3000'],
        },
      },
    ]);
    expect(runLogFromJsonLines(text, { run: 'b' })[0]?.responseHeaders).toEqual({
      'access-control-allow-origin': 'x',
    });
  });

  it('keeps every run of a prefix, and takes an empty run for none', () => {
    const text = [line('t1.a', 'x'), line('t2.a', 'x'), line('t1.b', 'x'), line('', 'x')].join(
      '\n',
    );
    expect(runLogFromJsonLines(text, { runPrefix: 't1.' }).map((e) => e.run)).toEqual([
      't1.a',
      't1.b',
    ]);
    expect(runLogFromJsonLines(text, { runPrefix: 't' })).toHaveLength(3);
  });
});
