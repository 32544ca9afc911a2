// Finds what a starter would carry of the lab: a lab package's name, a path into a lab folder, a
// Markdown link to a file the starter does not have.
import { posix } from 'node:path';

/**
 * @typedef {object} LabPattern
 * @property {RegExp} pattern
 * @property {string} what shown in the error
 * @property {string} [folder] a top-level lab folder: ignored where the starter has one of that name
 */

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The patterns that give the lab away, built from the lab's own names so a new lab package or
 * folder is covered without editing this file.
 * @param {object} lab
 * @param {readonly string[]} lab.packageNames every lab package's name, e.g. `@cors-lab/scenarios`
 * @param {readonly string[]} lab.dirs every lab folder, e.g. `lab`, `e2e`, `packages/cors-predict`
 * @returns {LabPattern[]}
 */
export function labPatterns({ packageNames, dirs }) {
  /** @type {LabPattern[]} */
  const patterns = [];
  for (const name of packageNames) {
    patterns.push({
      pattern: new RegExp(`(?<![\\w@/-])${escape(name)}(?![\\w-])`, 'g'),
      what: `the lab package ${name}`,
    });
    // Unscoped names that cannot be an ordinary word (cors-predict, e2e) count on their own too.
    const bare = name.replace(/^@[^/]+\//, '');
    if (bare !== name && /[-\d]/.test(bare)) {
      patterns.push({
        pattern: new RegExp(`(?<![\\w@/.-])${escape(bare)}(?![\\w-])`, 'g'),
        what: `the lab package ${name}`,
      });
    }
  }
  for (const dir of dirs) {
    // `lab/`, `../docs/` and `packages/cors-predict`, but not `https://nextjs.org/docs/`, `@cors-lab/`
    // or the word "docs": a top-level folder counts only with its slash.
    const end = dir.includes('/') ? '(?:/|(?![\\w.-]))' : '/';
    patterns.push({
      pattern: new RegExp(`(?<![\\w@.-])(?<!\\w/)${escape(dir)}${end}`, 'g'),
      what: `the lab folder ${dir}/`,
      ...(dir.includes('/') ? {} : { folder: dir }),
    });
  }
  return patterns;
}

/**
 * True when `folder` is also a folder of the starter beside `path` or above it (a package's own
 * `scripts/`), so that `folder/` there means that one, not the lab's top-level folder.
 * @param {readonly string[]} paths every file of the starter
 * @param {string} path
 * @param {string} folder
 */
function isLocalFolder(paths, path, folder) {
  const parts = path.split('/').slice(0, -1);
  for (let depth = parts.length; depth > 0; depth -= 1) {
    const prefix = `${parts.slice(0, depth).join('/')}/${folder}/`;
    if (paths.some((other) => other.startsWith(prefix))) return true;
  }
  return false;
}

/**
 * Every line of every text file that names the lab.
 * @param {ReadonlyMap<string, string>} texts path → content, every text file of the starter
 * @param {LabPattern[]} patterns from labPatterns
 * @returns {string[]} `path:line: "match" (what)`, in path order
 */
export function findLabReferences(texts, patterns) {
  const paths = [...texts.keys()];
  /** @type {string[]} */
  const found = [];
  for (const [path, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    const applicable = patterns.filter(
      ({ folder }) => folder === undefined || !isLocalFolder(paths, path, folder),
    );
    text.split('\n').forEach((line, index) => {
      for (const { pattern, what } of applicable) {
        for (const match of line.matchAll(pattern)) {
          found.push(`${path}:${index + 1}: "${match[0]}" (${what})`);
        }
      }
    });
  }
  return found;
}

/**
 * Relative Markdown links whose target is not in the starter.
 * @param {ReadonlyMap<string, string>} texts path → content, every file of the starter
 * @returns {string[]} `path:line: link`
 */
export function brokenMarkdownLinks(texts) {
  const paths = [...texts.keys()];
  const exists = (/** @type {string} */ target) =>
    texts.has(target) || paths.some((path) => path.startsWith(`${target}/`));
  /** @type {string[]} */
  const broken = [];
  for (const [path, text] of texts) {
    if (!path.endsWith('.md')) continue;
    text.split('\n').forEach((line, index) => {
      for (const [, link = ''] of line.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z][a-z\d+.-]*:/i.test(link) || link.startsWith('#')) continue;
        const target = posix.normalize(
          posix.join(posix.dirname(path), link.replace(/[#?].*$/, '')),
        );
        if (target.startsWith('../') || !exists(target.replace(/\/$/, ''))) {
          broken.push(`${path}:${index + 1}: ${link}`);
        }
      }
    });
  }
  return broken;
}
