import { describe, expect, it } from 'vitest';
import {
  entriesOnPath,
  headerValue,
  logUrl,
  runLogFromJsonLines,
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
    expect(runLogFromJsonLines(text, 'a')).toEqual([
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
    expect(runLogFromJsonLines(text, 'b')[0]?.responseHeaders).toEqual({
      'access-control-allow-origin': 'x',
    });
  });
});
