// The starter's pnpm-workspace.yaml, written from the lab's: its own package globs, the catalog cut
// down to what the starter depends on, every other setting as the lab has it.
import { StarterError } from './starter-error.mjs';

/** The starter's workspace packages. */
const STARTER_GLOBS = ['apps/*', 'packages/*'];

/**
 * Splits YAML into top-level blocks: a key line with its indented lines, and the comments and
 * blank lines just above it.
 * @param {string} yaml
 * @returns {{ key: string, lines: string[] }[]}
 */
function topLevelBlocks(yaml) {
  const blocks = [];
  let pending = [];
  for (const line of yaml.replace(/\n+$/, '').split('\n')) {
    const key = /^([\w-]+):/.exec(line);
    if (key) {
      blocks.push({ key: String(key[1]), lines: [...pending, line] });
      pending = [];
    } else if (/^\s+\S/.test(line) && !/^\s+#/.test(line) && blocks.length > 0) {
      blocks.at(-1)?.lines.push(...pending, line);
      pending = [];
    } else {
      pending.push(line);
    }
  }
  if (blocks.length === 0 && pending.length > 0) blocks.push({ key: '', lines: pending });
  return blocks;
}

/**
 * `'@types/node': ^20` or `react: ^19` → the package name.
 * @param {string} line
 */
function catalogEntryName(line) {
  const entry = /^\s+(['"]?)([^'"\s:]+)\1:\s/.exec(line);
  return entry?.[2];
}

/**
 * @param {string} labYaml the repository's pnpm-workspace.yaml
 * @param {ReadonlySet<string>} used every package the starter takes from the catalog
 * @returns {string}
 * @throws {StarterError} when the starter uses a catalog entry the lab does not have
 */
export function starterWorkspaceYaml(labYaml, used) {
  const blocks = topLevelBlocks(labYaml);
  const out = [];
  const inCatalog = new Set();
  for (const block of blocks) {
    if (block.key === 'packages') {
      const comments = block.lines.filter((line) => !/^(packages:|\s)/.test(line));
      out.push(...comments, 'packages:', ...STARTER_GLOBS.map((glob) => `  - ${glob}`));
    } else if (block.key === 'catalog') {
      out.push(
        ...block.lines.filter((line) => {
          const name = /^\s/.test(line) ? catalogEntryName(line) : undefined;
          if (name === undefined) return true;
          if (used.has(name)) inCatalog.add(name);
          return used.has(name);
        }),
      );
    } else {
      out.push(...block.lines);
    }
  }
  const missing = [...used].filter((name) => !inCatalog.has(name));
  if (missing.length > 0) {
    throw new StarterError(
      `The template depends on ${missing.map((name) => `"${name}": "catalog:"`).join(', ')}, but the catalog in pnpm-workspace.yaml has no such entry: add it there.`,
    );
  }
  return `${out.join('\n')}\n`;
}
