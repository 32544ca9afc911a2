// Which files of the repository make the template, and which folders are the lab.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders a starter keeps, copied whole (tracked files only). Everything else is the lab. */
export const TEMPLATE_DIRS = ['apps/api', 'apps/web', 'packages/cors-policy', 'packages/tsconfig'];

/** The parents of TEMPLATE_DIRS: their other children are lab folders too. */
const SHARED_PARENTS = ['apps', 'packages'];

/** Build output and installed dependencies, skipped when the repository is not a git checkout. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.next', '.turbo', '.git']);

/**
 * True when `repoRoot` is the top of a git work tree (a download of the sources is not).
 * @param {string} repoRoot
 */
function isGitCheckout(repoRoot) {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return realpathSync(top) === realpathSync(repoRoot);
  } catch {
    return false;
  }
}

/**
 * @param {string} root
 * @param {string} dir
 * @param {string[]} out
 */
function walk(root, dir, out) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile() && !entry.name.endsWith('.tsbuildinfo')) out.push(path);
  }
  return out;
}

/**
 * Every file of the repository under `dirs` (all of it when empty), as `/`-separated paths. In a
 * git checkout: what git tracks or would track (ignored files never), so build output and local
 * files stay out; otherwise a walk that skips SKIPPED_DIRS.
 * @param {string} repoRoot
 * @param {readonly string[]} [dirs]
 * @returns {string[]}
 */
export function listFiles(repoRoot, dirs = []) {
  if (isGitCheckout(repoRoot)) {
    const listed = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...dirs],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    // A tracked file deleted in the work tree is not part of what the template is now.
    return [...new Set(listed.split('\0'))]
      .filter((path) => path !== '' && existsSync(join(repoRoot, path)))
      .sort();
  }
  const roots = dirs.length > 0 ? dirs : [''];
  return roots
    .filter((dir) => existsSync(join(repoRoot, dir)))
    .flatMap((dir) => walk(repoRoot, dir, []))
    .sort();
}

/**
 * The lab's folders, from the repository's own files: every top-level folder except the shared
 * parents and `.github` (the starter gets its own workflow there), and every child of a shared
 * parent that is not a template folder (e.g. `packages/cors-predict`).
 * @param {readonly string[]} allFiles every file of the repository, as listFiles returns them
 * @returns {string[]}
 */
export function labDirs(allFiles) {
  const dirs = new Set();
  for (const path of allFiles) {
    const [top = '', child] = path.split('/');
    if (child === undefined) continue;
    if (SHARED_PARENTS.includes(top)) {
      const dir = `${top}/${child}`;
      if (path !== dir && !TEMPLATE_DIRS.includes(dir)) dirs.add(dir);
    } else if (top !== '.github') {
      dirs.add(top);
    }
  }
  return [...dirs].sort();
}

/** @param {string} path */
export function isDirectory(path) {
  return existsSync(path) && statSync(path).isDirectory();
}
