// What the Public Suffix List costs once: its size, and building the lookup on first use (the
// per-lookup cost is counted under callgrind by the repository's bench). The first use can only
// happen once per process, so each sample is a fresh process.
// `pnpm --filter @cors-lab/cors-policy bench:public-suffix`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  PUBLIC_SUFFIX_LIST_VERSION,
  publicSuffixCoveredBy,
} from '../src/public-suffix/public-suffix.js';
import { PUBLIC_SUFFIX_RULES } from '../src/public-suffix/list.generated.js';

const SAMPLE = '--sample';
const SAMPLES = 7;

/** One first use in this process: wall and CPU milliseconds. */
function firstUse(): { wallMs: number; cpuMs: number } {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  publicSuffixCoveredBy('example.com');
  const used = process.cpuUsage(cpu);
  return {
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
    cpuMs: (used.user + used.system) / 1e3,
  };
}

const median = (values: number[]): number =>
  Number(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]?.toFixed(1));

if (process.argv.includes(SAMPLE)) {
  process.stdout.write(JSON.stringify(firstUse()));
} else {
  const samples = Array.from(
    { length: SAMPLES },
    () =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [...process.execArgv, fileURLToPath(import.meta.url), SAMPLE],
          {
            encoding: 'utf8',
          },
        ),
      ) as { wallMs: number; cpuMs: number },
  );
  console.log(
    JSON.stringify(
      {
        list: PUBLIC_SUFFIX_LIST_VERSION,
        dataBytes: Buffer.byteLength(PUBLIC_SUFFIX_RULES),
        dataGzipBytes: gzipSync(PUBLIC_SUFFIX_RULES).length,
        firstUseBuild: {
          samples: SAMPLES,
          medianWallMs: median(samples.map((s) => s.wallMs)),
          medianCpuMs: median(samples.map((s) => s.cpuMs)),
        },
      },
      null,
      2,
    ),
  );
}
