import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './cli-options.js';

describe('parseBenchOptions', () => {
  it('takes both measures and every case by default', () => {
    const options = parseBenchOptions([]);
    expect(options).toMatchObject({
      json: false,
      measures: ['instructions', 'throughput'],
      cases: [],
      seconds: 2,
      rounds: 4,
      connections: 32,
      windows: 5,
      requestsPerWindow: 200,
      warmupRequests: 600,
    });
  });

  it('reads the flags the root `pnpm bench --json` passes, the pnpm separator included', () => {
    expect(
      parseBenchOptions([
        '--',
        '--json',
        '--duration',
        '0.5',
        '--rounds',
        '3',
        '--connections',
        '8',
      ]),
    ).toMatchObject({ json: true, seconds: 0.5, rounds: 3, connections: 8 });
  });

  it('narrows to one measure and to the cases named', () => {
    expect(
      parseBenchOptions(['--only', 'instructions', '--case', 'policy', '--case', 'hand']),
    ).toMatchObject({ measures: ['instructions'], cases: ['policy', 'hand'] });
  });

  it('refuses a measure it does not know, naming the two it does', () => {
    expect(() => parseBenchOptions(['--only', 'latency'])).toThrow(
      '--only latency is not valid: expected instructions or throughput.',
    );
  });

  it.each([
    ['--rounds', '0', 'a positive integer'],
    ['--windows', '2.5', 'a positive integer'],
    ['--requests', '', 'a positive integer'],
    ['--duration', '0', 'a number of seconds above 0'],
    ['--warmup-requests', 'many', 'a whole number, 0 or more'],
  ])('refuses %s %j: expected %s', (flag, value, expected) => {
    expect(() => parseBenchOptions([flag, value])).toThrow(
      `${flag} ${value} is not valid: expected ${expected}.`,
    );
  });

  it('answers --help without reading the other flags', () => {
    expect(parseBenchOptions(['--help', '--rounds', 'x'])).toBe('help');
  });
});
