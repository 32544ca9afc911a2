import { parseArgs } from 'node:util';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** The run stops here even before its time is up. */
  maxRequests: number;
  skipBuild: boolean;
}

export const LOAD_USAGE = `Usage: pnpm test:load [--connections <n>] [--duration <s>] [--max-requests <n>] [--skip-build]
  --connections <n>   concurrent connections, 1-1024 (default 64)
  --duration <s>      seconds of load, 1-600 (default 30)
  --max-requests <n>  stop after this many responses (default 5,000,000)
  --skip-build        use the existing lab/api/dist`;

function bounded(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(
      `--${name} ${JSON.stringify(raw)} is invalid: expected a whole number from 1 to ${max}.\n${LOAD_USAGE}`,
    );
  }
  return value;
}

/** @throws Error with the usage when a flag is unknown or out of range. */
export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        connections: { type: 'string' },
        duration: { type: 'string' },
        'max-requests': { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${LOAD_USAGE}`, { cause: error });
  }
  return {
    connections: bounded('connections', values.connections, 64, 1024),
    durationSeconds: bounded('duration', values.duration, 30, 600),
    maxRequests: bounded('max-requests', values['max-requests'], 5_000_000, 100_000_000),
    skipBuild: values['skip-build'] ?? false,
  };
}
