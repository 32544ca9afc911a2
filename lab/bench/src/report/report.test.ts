import { describe, expect, it } from 'vitest';
import type { CaseSpec } from '../cases.js';
import { goalsOf, instructionRows, throughputRows } from './report.js';
import { spreadOf } from './spread.js';

const spec = (id: string, baseline: string, floor?: string): CaseSpec => ({
  id,
  label: id,
  server: { host: 'node', target: 'express', origins: 2 },
  request: 'get',
  baseline,
  floor,
});
const windows = (...instructions: number[]) =>
  instructions.map((n) => ({
    instructionsPerRequest: n,
    allocatedBytesPerRequest: n / 100,
    collections: 0,
  }));

describe('spreadOf', () => {
  it('gives the median of an even count as the mean of the middle two, and the spread in percent', () => {
    expect(spreadOf([110, 90, 100, 104])).toEqual({
      median: 102,
      min: 90,
      max: 110,
      spreadPercent: 19.6,
    });
  });

  it('refuses an empty list instead of reporting NaN', () => {
    expect(() => spreadOf([])).toThrow(/a case produced no runs/);
  });
});

describe('instructionRows', () => {
  const cases = [
    spec('express', 'express'),
    spec('hand-2', 'express'),
    spec('policy-2', 'express', 'hand-2'),
  ];

  it('takes each case to its baseline and its floor by its least window', () => {
    const rows = instructionRows(
      cases,
      new Map([
        ['express', windows(700_000, 720_000, 710_000)],
        ['hand-2', windows(730_000, 727_000, 731_000)],
        ['policy-2', windows(727_000, 726_000, 740_000)],
      ]),
    );
    expect(
      rows.map((row) => [row.id, row.instructionsPerRequest.min, row.vsBaseline, row.vsFloor]),
    ).toEqual([
      ['express', 700_000, 1, undefined],
      ['hand-2', 727_000, 1.039, undefined],
      ['policy-2', 726_000, 1.037, 0.999],
    ]);
    expect(rows[2]?.instructionsPerRequest.median).toBe(727_000);
    expect(rows[2]?.windows).toEqual([727_000, 726_000, 740_000]);
  });

  it('leaves windows with a garbage collection inside out of the figures, and counts them', () => {
    const [row] = instructionRows(
      [spec('express', 'express')],
      new Map([
        [
          'express',
          [
            ...windows(700_000, 702_000),
            { instructionsPerRequest: 900_000, allocatedBytesPerRequest: 1, collections: 1 },
          ],
        ],
      ]),
    );
    expect(row?.instructionsPerRequest).toMatchObject({ median: 701_000, max: 702_000 });
    expect(row?.windowsWithCollection).toBe(1);
  });
});

describe('instructionRows for micro cases', () => {
  it('gives the cost per call as the count above the baseline divided by the calls', () => {
    const rows = instructionRows(
      [
        spec('micro-slice-domains', 'micro-slice-domains'),
        { ...spec('micro-public-suffix', 'micro-slice-domains'), callsPerRequest: 1000 },
      ],
      new Map([
        ['micro-slice-domains', windows(300_000, 301_000)],
        ['micro-public-suffix', windows(421_500, 420_000)],
      ]),
    );
    expect(rows.map((row) => [row.id, row.instructionsPerCall])).toEqual([
      ['micro-slice-domains', undefined],
      ['micro-public-suffix', 120],
    ]);
    const goals = goalsOf([
      ...rows,
      { ...rows[1]!, id: 'micro-pattern', instructionsPerCall: 119.5 },
    ]);
    expect(goals).toEqual([
      {
        goal: 'public-suffix lookup ≤ the per-request pattern match',
        measured: '120 vs 119.5 instructions/call (ratio 1.004)',
        met: false,
      },
    ]);
  });
});

describe('goalsOf', () => {
  const row = (id: string, median: number) =>
    instructionRows([spec(id, id)], new Map([[id, windows(median)]]))[0]!;

  it('judges corsMiddleware against the floor at both sizes and against half of cors at 10,000', () => {
    const goals = goalsOf([
      row('hand-2', 730_000),
      row('policy-2', 731_000),
      row('hand-10k', 730_000),
      row('policy-10k', 729_000),
      row('cors-10k', 1_500_000),
    ]);
    expect(goals.map((goal) => [goal.goal, goal.met])).toEqual([
      ['corsMiddleware ≤ hand-written floor, 2 origins', false],
      ['corsMiddleware ≤ hand-written floor, 10,000 origins', true],
      ['corsMiddleware ≤ half of cors 2.8.6, 10,000 origins', true],
    ]);
    expect(goals[2]?.measured).toBe(
      'policy-10k 729000 vs cors-10k 1500000 × 0.5 = 750000 instructions/request',
    );
  });

  it('skips a goal whose cases were not run', () => {
    expect(goalsOf([row('policy-2', 1)])).toEqual([]);
  });
});

describe('throughputRows', () => {
  it('gives throughput as a ratio of speeds and CPU as a ratio of costs', () => {
    const [base, ours] = throughputRows(
      [spec('express', 'express'), spec('policy-2', 'express')],
      new Map([
        ['express', [{ requestsPerSecond: 4000, cpuMicrosPerRequest: 250 }]],
        ['policy-2', [{ requestsPerSecond: 3000, cpuMicrosPerRequest: 300 }]],
      ]),
    );
    expect(base).toMatchObject({ throughputVsBaseline: 1, cpuVsBaseline: 1 });
    expect(ours).toMatchObject({ throughputVsBaseline: 0.75, cpuVsBaseline: 1.2 });
  });

  it('gives the ratios to the hand-written floor beside those to the baseline', () => {
    const [, , ours] = throughputRows(
      [
        spec('express', 'express'),
        spec('hand-2', 'express'),
        spec('policy-2', 'express', 'hand-2'),
      ],
      new Map([
        ['express', [{ requestsPerSecond: 4000, cpuMicrosPerRequest: 250 }]],
        ['hand-2', [{ requestsPerSecond: 3750, cpuMicrosPerRequest: 280 }]],
        ['policy-2', [{ requestsPerSecond: 3000, cpuMicrosPerRequest: 308 }]],
      ]),
    );
    expect(ours).toMatchObject({ floor: 'hand-2', throughputVsFloor: 0.8, cpuVsFloor: 1.1 });
  });
});
