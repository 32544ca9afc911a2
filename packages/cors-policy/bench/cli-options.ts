// Command-line flags of `pnpm bench`.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  json: boolean;
  connections: number;
  /** Seconds of each measured run. */
  seconds: number;
  /** Runs per case: one per round, each round starting at a different case. */
  rounds: number;
  warmupSeconds: number;
}

export const USAGE = `Usage: pnpm bench [--json] [--duration <s>] [--rounds <n>] [--connections <n>] [--warmup <s>]
  --json           print one JSON object on stdout (progress goes to stderr)
  --duration <s>   seconds per measured run (default 2)
  --rounds <n>     runs per case, each round starting at a different case (default 4)
  --connections <n> concurrent connections (default 32)
  --warmup <s>     seconds of unmeasured load before a case's first run (default 1)`;

// Each flag names what it accepts: a count, a run length, or an optional warm-up.
const RULES = {
  connections: {
    accepts: (n: number) => Number.isInteger(n) && n > 0,
    expected: 'a positive integer',
  },
  rounds: {
    accepts: (n: number) => Number.isInteger(n) && n > 0,
    expected: 'a positive integer',
  },
  duration: { accepts: (n: number) => n > 0, expected: 'a number of seconds above 0' },
  warmup: { accepts: (n: number) => n >= 0, expected: 'a number of seconds, 0 or more' },
} as const;

function numberFlag(flag: keyof typeof RULES, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || !RULES[flag].accepts(number)) {
    throw new Error(`--${flag} ${value} is not valid: expected ${RULES[flag].expected}.\n${USAGE}`);
  }
  return number;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  // `pnpm bench -- --json` may hand the separator through: drop it rather than stop parsing.
  const args = argv.filter((arg) => arg !== '--');
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      duration: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '4' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  return {
    json: values.json,
    seconds: numberFlag('duration', values.duration),
    rounds: numberFlag('rounds', values.rounds),
    connections: numberFlag('connections', values.connections),
    warmupSeconds: numberFlag('warmup', values.warmup),
  };
}
