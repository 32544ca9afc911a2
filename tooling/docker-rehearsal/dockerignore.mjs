// Decides which context paths `docker build` would send, from .dockerignore's rules:
// patterns are relative to the context root, `**` spans folders, `!` re-includes, the last match wins,
// and a pattern that matches a folder excludes everything under it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {(relativePath: string) => boolean} true when the path stays out of the build context */
export function loadDockerignore(contextDir) {
  const file = join(contextDir, '.dockerignore');
  return compileDockerignore(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

export function compileDockerignore(text) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = normalise(negated ? line.slice(1) : line);
      return { negated, regex: patternToRegex(pattern) };
    });

  return (relativePath) => {
    const path = normalise(relativePath);
    // A path is also excluded when one of its parent folders is (Docker never descends into them).
    const candidates = ancestorsAndSelf(path);
    let excluded = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negated;
    }
    return excluded;
  };
}

function normalise(path) {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

function ancestorsAndSelf(path) {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

function patternToRegex(pattern) {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches anything below.
      if (pattern[index + 2] === '/') {
        source += '(?:.*/)?';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
