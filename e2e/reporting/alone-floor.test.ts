import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAloneFloor, writeAloneFloor } from './alone-floor.js';

const dirs: string[] = [];
const fileIn = () => {
  const dir = mkdtempSync(join(tmpdir(), 'alone-floor-'));
  dirs.push(dir);
  return join(dir, 'nested', 'launch-floor-alone.json');
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the floor kept from a one-worker run', () => {
  it('reads back what was written', () => {
    const file = fileIn();
    const floor = {
      measuredAt: '2026-01-01T00:00:00.000Z',
      loadAverage: 0.4,
      floors: { chromium: 1_200, firefox: 3_900, webkit: 2_100 },
      floorMs: 7_200,
    };
    writeAloneFloor(floor, file);
    expect(readAloneFloor(file)).toEqual(floor);
  });

  it('is absent when no run kept one, or the file is not one', () => {
    const file = fileIn();
    expect(readAloneFloor(file)).toBeUndefined();
    writeAloneFloor({ measuredAt: 'x', loadAverage: 0, floors: {}, floorMs: 1 }, file);
    writeFileSync(file, '{"floorMs": "soon"}');
    expect(readAloneFloor(file)).toBeUndefined();
    writeFileSync(file, 'not json');
    expect(readAloneFloor(file)).toBeUndefined();
  });
});
