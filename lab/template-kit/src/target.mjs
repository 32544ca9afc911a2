// Where a starter may be written: a new or empty folder that this repository's pnpm workspace
// will not mistake for one of its own packages.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isDirectory } from './template-files.mjs';
import { StarterError } from './starter-error.mjs';

/**
 * The workspace globs of a pnpm-workspace.yaml (`packages:` list), as written.
 * @param {string} yaml
 * @returns {string[]}
 */
export function workspaceGlobs(yaml) {
  const globs = [];
  let inPackages = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    const item = inPackages && /^\s+-\s+['"]?([^'"#\s]+)['"]?/.exec(line);
    if (item) globs.push(String(item[1]));
  }
  return globs;
}

/**
 * Turns a workspace glob (`apps/*`, `tools/**`, `e2e`) into a RegExp over `/`-separated paths.
 * @param {string} glob
 */
function globToRegExp(glob) {
  const source = glob
    .replace(/\/+$/, '')
    .split('/')
    .map((part) =>
      part === '**'
        ? '.*'
        : part
            .split('*')
            .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The realpath of `dir`, or of its nearest existing parent joined with the rest.
 * @param {string} dir
 */
function realTarget(dir) {
  const missing = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(basename(current));
    current = dirname(current);
  }
  return join(realpathSync(current), ...missing);
}

/**
 * Resolves and checks the folder a starter goes into.
 * @param {object} options
 * @param {string} options.repoRoot this repository
 * @param {string} options.target the folder as the person typed it
 * @param {string} options.cwd what a relative `target` is relative to
 * @param {readonly string[]} options.packageDirs the starter's package folders (e.g. `apps/api`)
 * @returns {string} the absolute target folder
 * @throws {StarterError} when the folder is not empty, is a file, or would become part of this workspace
 */
export function checkTarget({ repoRoot, target, cwd, packageDirs }) {
  const dir = realTarget(resolve(cwd, target));
  if (existsSync(dir) && !isDirectory(dir)) {
    throw new StarterError(
      `${dir} is a file, not a folder: pass a new folder, e.g. pnpm template:new ../my-app.`,
    );
  }
  if (isDirectory(dir) && readdirSync(dir).length > 0) {
    throw new StarterError(
      `${dir} is not empty: pass a new or empty folder (e.g. pnpm template:new ../my-app), or empty this one first. Nothing was written.`,
    );
  }

  const root = realpathSync(repoRoot);
  const rel = relative(root, dir).split('\\').join('/');
  if (!rel.startsWith('../') && rel !== '..') {
    const workspaceFile = join(root, 'pnpm-workspace.yaml');
    const globs = existsSync(workspaceFile)
      ? workspaceGlobs(readFileSync(workspaceFile, 'utf8'))
      : [];
    const candidates = ['', ...packageDirs].map((sub) => (sub ? `${rel}/${sub}` : rel));
    for (const path of candidates) {
      const glob = globs.find((pattern) => globToRegExp(pattern).test(path));
      if (glob) {
        throw new StarterError(
          `${dir} is inside this repository, where its folder ${path} matches the workspace pattern "${glob}" of ${workspaceFile}: pnpm would take the starter's packages for this repository's own (same names, a second lockfile). Write it outside the repository, e.g. pnpm template:new ../my-app.`,
        );
      }
    }
  }
  return dir;
}
