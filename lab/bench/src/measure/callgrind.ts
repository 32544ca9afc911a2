// Running a server under valgrind's callgrind so that only marked windows are counted: the server
// calls os.freemem() to zero the counters and os.totalmem() to dump them (see bench-control.mjs).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages, missingPackages, packageVersion } from '@cors-lab/debian-packages';

/** libuv functions behind os.freemem() and os.totalmem(), exported by the node binary. */
const ZERO_MARKER = 'uv_get_free_memory';
const DUMP_MARKER = 'uv_get_total_memory';

/** Installs valgrind as root on Debian, or fails naming the command to run. Returns its version. */
export function ensureValgrind(): string {
  ensureDebianPackages({
    purpose: 'Counting instructions per request',
    packages: ['valgrind'],
    missing: () =>
      missingPackages([
        { file: '/usr/bin/valgrind', pkg: 'valgrind' },
        { file: '/usr/libexec/valgrind/callgrind-amd64-linux', pkg: 'valgrind' },
      ]),
    alternative: 'Or run only the throughput part: pnpm bench --only throughput',
  });
  return packageVersion('valgrind') ?? 'unknown';
}

/** The valgrind command line in front of `node ...`; dumps go to `outDir`. */
export function callgrindArgs(outDir: string): string[] {
  return [
    '--tool=callgrind',
    `--callgrind-out-file=${join(outDir, 'callgrind.out.%p')}`,
    `--zero-before=${ZERO_MARKER}`,
    `--dump-before=${DUMP_MARKER}`,
    // Per-function totals are all the bench reads: skip per-line data to keep dumps small.
    '--dump-line=no',
  ];
}

/**
 * Node.js flags for a counted server: no V8 background threads (compilation lands on the thread it
 * serves from, deterministically), and a young generation large enough that no scavenge falls
 * inside a window (allocation is reported as bytes instead); --expose-gc for the scavenge between.
 */
export const COUNTED_NODE_FLAGS = [
  '--single-threaded',
  // The memory reducer starts a full collection some seconds after the last one when the heap
  // looks idle, which under callgrind's slowdown lands inside windows.
  '--no-memory-reducer',
  '--expose-gc',
  '--min-semi-space-size=64',
  '--max-semi-space-size=64',
];

/** Instructions executed ("Ir") in a callgrind dump, from its `totals:` (or `summary:`) line. */
export function parseCallgrindTotal(dump: string): number {
  const line = /^(?:totals|summary):\s*(\d+)/m.exec(dump);
  if (!line?.[1]) {
    throw new Error(
      `No "totals:" or "summary:" line in a callgrind dump (${dump.length} bytes): ` +
        'the run was cut short, or the dump format changed; read the file by hand.',
    );
  }
  return Number(line[1]);
}

/** The newest dump of process `pid` in `outDir`, read and then removed with all older ones. */
export function takeLatestDump(outDir: string, pid: number): number {
  const prefix = `callgrind.out.${pid}.`;
  const dumps = readdirSync(outDir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ name, index: Number(name.slice(prefix.length)) }))
    .filter((dump) => Number.isInteger(dump.index))
    .sort((a, b) => a.index - b.index);
  const latest = dumps.at(-1);
  if (!latest) throw new Error(`callgrind wrote no dump for process ${pid} in ${outDir}.`);
  const total = parseCallgrindTotal(readFileSync(join(outDir, latest.name), 'utf8'));
  for (const dump of dumps) rmSync(join(outDir, dump.name));
  return total;
}
