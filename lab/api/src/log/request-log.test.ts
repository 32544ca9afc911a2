import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.js';

function entry(run: string | null, requestHeaders: Record<string, string | string[]> = {}) {
  return {
    time: '2026-01-01T00:00:00.000Z',
    listener: 'main',
    run,
    method: 'GET',
    path: '/lab/none',
    requestHeaders,
    status: 200,
    responseHeaders: { 'content-length': 2 },
  };
}

describe('RequestLog', () => {
  it('keeps at most its capacity, dropping the oldest entries first', () => {
    const log = new RequestLog({ capacity: 3 });
    for (let i = 1; i <= 5; i++) log.record(entry(`run-${i}`));
    expect(log.size).toBe(3);
    expect(log.all().map((e) => e.run)).toEqual(['run-3', 'run-4', 'run-5']);
    expect(log.all().map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('defaults to 2,000 entries', () => {
    const log = new RequestLog();
    for (let i = 0; i < 2500; i++) log.record(entry('r'));
    expect(log.size).toBe(2000);
    expect(log.limits.capacity).toBe(2000);
  });

  it('returns one run oldest first and forgets it on request', () => {
    const log = new RequestLog();
    log.record(entry('a'));
    log.record(entry('b'));
    log.record(entry('a'));
    expect(log.forRun('a').map((e) => e.seq)).toEqual([1, 3]);
    expect(log.clearRun('a')).toBe(2);
    expect(log.forRun('a')).toEqual([]);
    expect(log.forRun('b')).toHaveLength(1);
  });

  it('cuts a 64 KiB header value to 1 KiB and says so', () => {
    const log = new RequestLog();
    const stored = log.record(entry('r', { origin: 'x'.repeat(65536) }));
    expect(stored.truncated).toBe(true);
    expect(stored.requestHeaders.origin).toBe(`${'x'.repeat(1024)}…[64512 more characters]`);
  });

  it('keeps at most 4 KiB of headers per side, however many headers arrive', () => {
    const log = new RequestLog();
    const many = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`x-h${i}`, 'v'.repeat(100)]),
    );
    const stored = log.record(entry('r', many));
    const size = Object.entries(stored.requestHeaders).reduce(
      (sum, [name, value]) => sum + name.length + String(value).length,
      0,
    );
    expect(size).toBeLessThanOrEqual(4096);
    expect(stored.truncated).toBe(true);
  });

  it('keeps every value of a repeated header as an array and a single one as a string', () => {
    const log = new RequestLog();
    const stored = log.record(
      entry('r', { origin: ['https://a.test', 'https://b.test'], host: ['h'] }),
    );
    expect(stored.requestHeaders).toEqual({
      origin: ['https://a.test', 'https://b.test'],
      host: 'h',
    });
    expect(stored.responseHeaders).toEqual({ 'content-length': '2' });
  });

  it('refuses a capacity that is not a positive integer, saying what is expected', () => {
    expect(() => new RequestLog({ capacity: 0 })).toThrow(
      /capacity 0 is invalid: expected a positive integer/,
    );
  });
});
