// The starter's root package.json, turbo.json and ignore files, derived from the lab's own so that
// a version, a task setting or an ignore rule lives in one place.
import { StarterError } from './starter-error.mjs';

/**
 * The commands a package.json script runs: the first word of each command in a chain, after any
 * `NAME=value` assignments (`PORT=1 node x && tsc -p y` → node, tsc).
 * @param {string} script
 * @returns {string[]}
 */
export function scriptCommands(script) {
  return script
    .split(/&&|\|\||[;|]/)
    .map((command) => command.trim().split(/\s+/))
    .map((words) => words.find((word) => !/^[A-Za-z_]\w*=/.test(word)) ?? '')
    .filter((word) => word !== '');
}

/**
 * The bare package names a JavaScript file imports (`'typescript-eslint'`, `'@eslint/js'`).
 * @param {string} source
 * @returns {string[]}
 */
export function importedPackages(source) {
  const names = [];
  for (const [, specifier = ''] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.push(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : String(parts[0]));
  }
  return names;
}

/**
 * @typedef {object} Manifest
 * @property {string} [name]
 * @property {Record<string, string>} [scripts]
 * @property {Record<string, string>} [dependencies]
 * @property {Record<string, string>} [devDependencies]
 * @property {Record<string, string>} [peerDependencies]
 * @property {string | Record<string, string>} [bin]
 */

/**
 * The lab's root devDependencies that the starter's root needs: the packages its root config files
 * import, the packages whose commands its scripts (root and packages) run, and their peers.
 * @param {object} options
 * @param {Record<string, string>} options.labDevDependencies the lab's root devDependencies
 * @param {(name: string) => Manifest} options.installed the installed manifest of a root devDependency
 * @param {readonly string[]} options.scripts every script of the starter
 * @param {readonly string[]} options.rootSources the starter's root config files (eslint.config.mjs)
 * @returns {Record<string, string>} name → version specifier, sorted by name
 */
export function starterDevDependencies({ labDevDependencies, installed, scripts, rootSources }) {
  const commands = new Set(scripts.flatMap(scriptCommands));
  const imports = new Set(rootSources.flatMap(importedPackages));
  const binsOf = (/** @type {string} */ name) => {
    const { bin } = installed(name);
    if (typeof bin === 'string') return [name.replace(/^@[^/]+\//, '')];
    return Object.keys(bin ?? {});
  };
  const kept = new Set(
    Object.keys(labDevDependencies).filter(
      (name) => imports.has(name) || binsOf(name).some((bin) => commands.has(bin)),
    ),
  );
  for (const name of kept) {
    for (const peer of Object.keys(installed(name).peerDependencies ?? {})) {
      if (peer in labDevDependencies) kept.add(peer);
    }
  }
  return Object.fromEntries(
    [...kept].sort().map((name) => [name, /** @type {string} */ (labDevDependencies[name])]),
  );
}

/**
 * The lab's turbo.json with only the tasks some starter package has a script for.
 * @param {{ tasks?: Record<string, unknown> }} labTurbo
 * @param {readonly Manifest[]} packages the starter's packages
 */
export function starterTurboJson(labTurbo, packages) {
  const names = new Set(packages.map((manifest) => manifest.name));
  const scripts = new Set(packages.flatMap((manifest) => Object.keys(manifest.scripts ?? {})));
  const tasks = Object.entries(labTurbo.tasks ?? {}).filter(([task]) => {
    const hash = task.lastIndexOf('#');
    if (hash === -1) return scripts.has(task);
    const owner = packages.find((manifest) => manifest.name === task.slice(0, hash));
    return names.has(task.slice(0, hash)) && task.slice(hash + 1) in (owner?.scripts ?? {});
  });
  return { ...labTurbo, tasks: Object.fromEntries(tasks) };
}

/**
 * An ignore file (.gitignore, .prettierignore, .dockerignore) without the rules for lab folders,
 * and without a commented paragraph whose comment names one (up to the next blank line).
 * @param {string} text
 * @param {readonly string[]} labDirs
 */
export function starterIgnoreFile(text, labDirs) {
  const inLab = (/** @type {string} */ path) =>
    labDirs.some((dir) => path === dir || path.startsWith(`${dir}/`));
  let droppingParagraph = false;
  return text
    .split('\n')
    .filter((line) => {
      const trimmed = line.trim();
      if (trimmed === '') droppingParagraph = false;
      if (droppingParagraph) return false;
      if (trimmed.startsWith('#')) {
        droppingParagraph = labDirs.some((dir) =>
          new RegExp(`(^|[\\s(])${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`).test(trimmed),
        );
        return !droppingParagraph;
      }
      const path = trimmed
        .replace(/^!/, '')
        .replace(/^\/+/, '')
        .replace(/^\*\*\//, '');
      return path === '' || !inLab(path);
    })
    .join('\n');
}

/**
 * Every package the starter takes from the pnpm catalog (`"name": "catalog:"`).
 * @param {readonly Manifest[]} manifests
 * @returns {Set<string>}
 * @throws {StarterError} for a named catalog, which the starter's workspace file does not carry
 */
export function catalogNames(manifests) {
  const used = new Set();
  for (const manifest of manifests) {
    for (const [name, spec] of Object.entries({
      ...manifest.dependencies,
      ...manifest.devDependencies,
    })) {
      if (spec === 'catalog:' || spec === 'catalog:default') used.add(name);
      else if (spec.startsWith('catalog:')) {
        throw new StarterError(
          `${manifest.name} takes ${name} from the named catalog "${spec}": template:new copies only the default catalog; use "catalog:".`,
        );
      }
    }
  }
  return used;
}

/**
 * Fills `{{key}}` placeholders of a starter-only text.
 * @param {string} path for the error message
 * @param {string} text
 * @param {Record<string, string>} values
 * @throws {StarterError} for a placeholder without a value
 */
export function fillPlaceholders(path, text, values) {
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, key) => {
    if (!(key in values)) {
      throw new StarterError(
        `${path}: ${placeholder} has no value; known: ${Object.keys(values).join(', ')}.`,
      );
    }
    return /** @type {string} */ (values[key]);
  });
}
