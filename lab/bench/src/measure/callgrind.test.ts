import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCallgrindTotal, takeLatestDump } from './callgrind.js';

// The head and tail of a real dump written by valgrind 3.19's callgrind, functions elided.
const DUMP = `# callgrind format
version: 1
creator: callgrind-3.19.0
pid: 4242
cmd:  /usr/bin/node --expose-gc node-host.ts
part: 3

desc: I1 cache:
desc: Timerange: Basic block 81262361 - 84120934
desc: Trigger: --dump-before=uv_get_total_memory

positions: line
events: Ir
summary: 162412904

fn=(1) 0x0000000000a9f1c0
0 38
totals: 162412904
`;

describe('parseCallgrindTotal', () => {
  it('reads the instruction count from the totals line', () => {
    expect(parseCallgrindTotal(DUMP)).toBe(162_412_904);
  });

  it('falls back to the summary line when a dump has no totals', () => {
    expect(parseCallgrindTotal('events: Ir\nsummary: 1200\n')).toBe(1200);
  });

  it('refuses a dump with neither, saying what to check', () => {
    expect(() => parseCallgrindTotal('# callgrind format\nevents: Ir\n')).toThrow(
      /No "totals:" or "summary:" line in a callgrind dump/,
    );
  });
});

describe('takeLatestDump', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the highest-numbered dump of the process and removes its older dumps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-callgrind-test-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'callgrind.out.7'), '');
    writeFileSync(join(dir, 'callgrind.out.7.2'), 'totals: 20\n');
    writeFileSync(join(dir, 'callgrind.out.7.10'), 'totals: 100\n');
    writeFileSync(join(dir, 'callgrind.out.8.11'), 'totals: 999\n');
    expect(takeLatestDump(dir, 7)).toBe(100);
    expect(readdirSync(dir).sort()).toEqual(['callgrind.out.7', 'callgrind.out.8.11']);
  });

  it('fails when the process wrote no dump', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-callgrind-test-'));
    dirs.push(dir);
    expect(() => takeLatestDump(dir, 7)).toThrow(/callgrind wrote no dump for process 7/);
  });
});
