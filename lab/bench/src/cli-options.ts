// Command-line flags of `pnpm bench`.
import { parseArgs } from 'node:util';

export type Measure = 'instructions' | 'throughput';

export interface BenchOptions {
  json: boolean;
  /** Which measures to take (both by default). */
  measures: Measure[];
  /** Only the cases whose id contains one of these (all by default). */
  cases: string[];
  rebuild: boolean;
  connections: number;
  /** Seconds of each throughput run. */
  seconds: number;
  /** Throughput runs per case, each round starting at a different case. */
  rounds: number;
  warmupSeconds: number;
  /** Counted callgrind windows per case. */
  windows: number;
  requestsPerWindow: number;
  warmupRequests: number;
}

export const USAGE = `Usage: pnpm bench [--json] [--only instructions|throughput] [--case <id>]... [flags]
  --json                 print one JSON object on stdout (progress goes to stderr)
  --only <measure>       instructions (callgrind, deterministic) or throughput (autocannon, noisy)
  --case <id>            only cases whose id contains this text; repeatable (e.g. --case policy)
  --rebuild              run next build for next-app/ even if it looks current
 throughput:
  --duration <s>         seconds per measured run (default 2)
  --rounds <n>           runs per case, each round starting at a different case (default 4)
  --connections <n>      concurrent connections (default 32)
  --warmup <s>           seconds of unmeasured load before a case's first run (default 1)
 instructions:
  --windows <n>          counted windows per case, interleaved across cases (default 5)
  --requests <n>         requests per window (default 200)
  --warmup-requests <n>  uncounted requests per case first (default 600)`;

const positiveInteger = {
  accepts: (n: number) => Number.isInteger(n) && n > 0,
  expected: 'a positive integer',
};
// Each flag names what it accepts: a count, a run length, or an optional warm-up.
const RULES = {
  connections: positiveInteger,
  rounds: positiveInteger,
  windows: positiveInteger,
  requests: positiveInteger,
  'warmup-requests': {
    accepts: (n: number) => Number.isInteger(n) && n >= 0,
    expected: 'a whole number, 0 or more',
  },
  duration: { accepts: (n: number) => n > 0, expected: 'a number of seconds above 0' },
  warmup: { accepts: (n: number) => n >= 0, expected: 'a number of seconds, 0 or more' },
} as const;

function numberFlag(flag: keyof typeof RULES, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || !RULES[flag].accepts(number)) {
    throw new Error(`--${flag} ${value} is not valid: expected ${RULES[flag].expected}.\n${USAGE}`);
  }
  return number;
}

function measuresOf(only: string | undefined): Measure[] {
  if (only === undefined) return ['instructions', 'throughput'];
  if (only === 'instructions' || only === 'throughput') return [only];
  throw new Error(`--only ${only} is not valid: expected instructions or throughput.\n${USAGE}`);
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  // `pnpm bench -- --json` may hand the separator through: drop it rather than stop parsing.
  const args = argv.filter((arg) => arg !== '--');
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      case: { type: 'string', multiple: true, default: [] },
      rebuild: { type: 'boolean', default: false },
      duration: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '1' },
      windows: { type: 'string', default: '5' },
      requests: { type: 'string', default: '200' },
      'warmup-requests': { type: 'string', default: '600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    json: values.json,
    measures: measuresOf(values.only),
    cases: values.case,
    rebuild: values.rebuild,
    seconds: numberFlag('duration', values.duration),
    rounds: numberFlag('rounds', values.rounds),
    connections: numberFlag('connections', values.connections),
    warmupSeconds: numberFlag('warmup', values.warmup),
    windows: numberFlag('windows', values.windows),
    requestsPerWindow: numberFlag('requests', values.requests),
    warmupRequests: numberFlag('warmup-requests', values['warmup-requests']),
  };
}
