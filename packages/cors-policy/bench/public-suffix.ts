// What the Public Suffix List costs: its size, the one-time parse on first use, and a lookup
// next to the pattern work it guards (parsing a pattern at definePolicy() time, and the
// per-request pattern match). `pnpm --filter @cors-lab/cors-policy bench:public-suffix`.
import { gzipSync } from 'node:zlib';
import { matchesPattern, parseOriginPattern } from '../src/origin.js';
import {
  PUBLIC_SUFFIX_LIST_VERSION,
  publicSuffixCoveredBy,
} from '../src/public-suffix/public-suffix.js';
import { PUBLIC_SUFFIX_RULES } from '../src/public-suffix/list.generated.js';

const DOMAINS = ['example.com', 'preview.example.co.uk', 'vercel.app', 'a.b.github.io', 'www.ck'];
const ROUNDS = 5;
const ITERATIONS = 200_000;

/** Median nanoseconds per call over ROUNDS rounds of ITERATIONS calls. */
function nsPerCall(body: (index: number) => unknown): number {
  const rounds: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) if (body(i) !== undefined) sink++;
    rounds.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  if (sink < 0) console.log(sink);
  return Number(rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]?.toFixed(1));
}

const firstUseStart = process.hrtime.bigint();
publicSuffixCoveredBy('example.com');
const firstUseMs = Number(process.hrtime.bigint() - firstUseStart) / 1e6;

const pattern = parseOriginPattern('https://*.preview.example.com', 'origins[0]', true);
const origins = ['https://pr-1.preview.example.com', 'https://evil.example'];

console.log(
  JSON.stringify(
    {
      list: PUBLIC_SUFFIX_LIST_VERSION,
      dataBytes: Buffer.byteLength(PUBLIC_SUFFIX_RULES),
      dataGzipBytes: gzipSync(PUBLIC_SUFFIX_RULES).length,
      firstUseParseMs: Number(firstUseMs.toFixed(2)),
      nsPerCall: {
        publicSuffixLookup: nsPerCall((i) =>
          publicSuffixCoveredBy(DOMAINS[i % DOMAINS.length] ?? ''),
        ),
        patternMatchPerRequest: nsPerCall((i) =>
          matchesPattern(origins[i % origins.length] ?? '', pattern) ? 1 : undefined,
        ),
        parsePatternWithoutList: nsPerCall(() =>
          parseOriginPattern('https://*.preview.example.com', 'origins[0]', true),
        ),
        parsePatternWithList: nsPerCall(() =>
          parseOriginPattern('https://*.preview.example.com', 'origins[0]', false),
        ),
      },
    },
    null,
    2,
  ),
);
