// The launch floor measured with one engine at a time (`pnpm test:e2e:floor`), kept for later
// runs: engines launched side by side share the CPU, so their own floors are longer and flatter
// the ratio, while each engine's floor alone is what no run can beat.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a one-worker run keeps its floors; in e2e/.cache, beside the engine choice. */
export const ALONE_FLOOR_FILE = fileURLToPath(
  new URL('../.cache/launch-floor-alone.json', import.meta.url),
);

export interface AloneFloor {
  /** ISO time of the one-worker run that measured it. */
  measuredAt: string;
  /** 1-minute load average when that run started. */
  loadAverage: number;
  /** Each engine's launch plus first page, by project. */
  floors: Record<string, number>;
  /** Their sum over chromium, firefox and webkit. */
  floorMs: number;
}

export function writeAloneFloor(floor: AloneFloor, file = ALONE_FLOOR_FILE): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(floor, null, 2)}\n`);
}

/** The kept floor, or undefined when no one-worker run has measured one (or it is unreadable). */
export function readAloneFloor(file = ALONE_FLOOR_FILE): AloneFloor | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const floor = JSON.parse(text) as Partial<AloneFloor>;
    return typeof floor.floorMs === 'number' && typeof floor.measuredAt === 'string'
      ? (floor as AloneFloor)
      : undefined;
  } catch {
    return undefined;
  }
}
