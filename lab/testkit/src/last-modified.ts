import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The newest modification time (ms) among `paths`, folders walked recursively; missing paths are
 * skipped, 0 when none exists. Tells whether a build (e.g. a Next app's `.next/BUILD_ID`) is older
 * than its sources.
 */
export function lastModified(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}
