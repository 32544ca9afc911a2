#!/usr/bin/env node
// `pnpm bench [flags]`: the Express figures (packages/cors-policy/bench) and then the whole-stack
// Next.js figure (lab/security). With --json both land in one JSON object on stdout.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const json = args.includes('--json');
// --rebuild only means something to the Next.js bench (it rebuilds its fixture app).
const expressArgs = args.filter((arg) => arg !== '--rebuild');

const parts = [
  { key: 'express', filter: '@cors-lab/cors-policy', script: 'bench', args: expressArgs },
  { key: 'next', filter: '@cors-lab/security', script: 'bench:next', args },
];

const figures = {};
for (const part of parts) {
  const result = spawnSync('pnpm', ['-s', '--filter', part.filter, part.script, ...part.args], {
    stdio: ['inherit', json ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(
      `bench: ${part.filter} ${part.script} failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
  if (json) figures[part.key] = JSON.parse(result.stdout);
}
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
