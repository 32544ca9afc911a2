import { describe, expect, it } from 'vitest';
import { enginesFromEnv, scenarioCounts } from './browser-matrix.js';

describe('enginesFromEnv', () => {
  it('runs every engine unless told otherwise', () => {
    expect(enginesFromEnv(undefined)).toEqual(['chromium', 'firefox', 'webkit']);
    expect(enginesFromEnv(' ')).toEqual(['chromium', 'firefox', 'webkit']);
    expect(enginesFromEnv('chromium')).toEqual(['chromium']);
    expect(enginesFromEnv('firefox, webkit,firefox')).toEqual(['firefox', 'webkit']);
  });

  it('names an unknown engine and lists the known ones', () => {
    expect(() => enginesFromEnv('chromium,safari')).toThrow(
      'DOCKER_CHECK_ENGINES="chromium,safari" names "safari"; expected a comma-separated list of chromium, firefox, webkit.',
    );
  });
});

describe('scenarioCounts', () => {
  it("reads the matrix reporter's per-engine totals", () => {
    const output = [
      'Matrix (one page load per engine and page origin):',
      '  chromium           142 scenario runs in 9.6 s: http://127.0.0.1:41901 35 in 2.1 s',
      '  firefox            141 scenario runs in 12.0 s: http://localhost:41901 70 in 4.6 s',
      '  docs/browser-matrix.* left as they are: the servers were external',
    ].join('\n');
    expect([...scenarioCounts(output)]).toEqual([
      ['chromium', 142],
      ['firefox', 141],
    ]);
  });
});
