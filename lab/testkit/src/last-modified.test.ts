import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastModified } from './last-modified.js';

const folder = mkdtempSync(join(tmpdir(), 'cors-lab-last-modified-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(path: string, seconds: number): string {
  const full = join(folder, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, seconds, seconds);
  return full;
}

describe('lastModified', () => {
  it('takes the newest file, walking folders and skipping missing paths', () => {
    const top = file('top.txt', 1_000);
    file('app/a/deep.ts', 3_000);
    file('app/b.ts', 2_000);
    expect(lastModified([top])).toBe(1_000_000);
    expect(lastModified([top, join(folder, 'app'), join(folder, 'missing')])).toBe(3_000_000);
  });

  it('is 0 when nothing exists', () => {
    expect(lastModified([join(folder, 'missing')])).toBe(0);
  });
});
