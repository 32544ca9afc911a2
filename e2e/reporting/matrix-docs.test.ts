import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectResults } from './matrix-docs.js';

const folders: string[] = [];

function shard(runs: { project: string; pageOrigin: string }[], phases?: object): string {
  const folder = mkdtempSync(join(tmpdir(), 'cors-lab-shard-'));
  folders.push(folder);
  mkdirSync(join(folder, 'matrix'));
  for (const [index, run] of runs.entries()) {
    writeFileSync(join(folder, 'matrix', `${index}.json`), JSON.stringify(run));
  }
  if (phases) writeFileSync(join(folder, 'engine-summary.json'), JSON.stringify({ phases }));
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("merging the shards' results", () => {
  it("reads every shard's runs and each shard's phases", () => {
    const first = shard([{ project: 'chromium', pageOrigin: 'http://localhost:3000' }], {
      wallMs: 1,
    });
    const second = shard([{ project: 'webkit', pageOrigin: 'http://localhost:3000' }], {
      wallMs: 2,
    });
    const { runs, phases } = collectResults([first, second]);
    expect(runs.map((run) => run.project)).toEqual(['chromium', 'webkit']);
    expect(phases).toEqual([{ wallMs: 1 }, { wallMs: 2 }]);
  });

  it('refuses the same engine and page origin from two shards, naming both folders', () => {
    const run = { project: 'chromium', pageOrigin: 'http://localhost:3000' };
    const first = shard([run]);
    const second = shard([run]);
    expect(() => collectResults([first, second])).toThrow(
      `chromium from http://localhost:3000 is in both ${first} and ${second}`,
    );
  });

  it('refuses a folder without matrix/, saying which folder to pass', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cors-lab-shard-'));
    folders.push(empty);
    expect(() => collectResults([empty])).toThrow(
      /has no matrix\/ folder; pass the test-results folder/,
    );
  });
});
