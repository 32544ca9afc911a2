// Reads a Dockerfile into stages of instructions, the way BuildKit's parser splits it:
// comments and blank lines dropped, backslash continuations joined, flags (`--from=x`) separated.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ keyword: string, flags: Record<string, string>, args: string, line: number }} Instruction
 * @typedef {{ name: string | undefined, from: string, fromLine: number, instructions: Instruction[] }} Stage
 * @typedef {{ path: string, globalArgs: Record<string, string | undefined>, stages: Stage[] }} Dockerfile
 */

/** @returns {Dockerfile} */
export function readDockerfile(path) {
  return parseDockerfile(readFileSync(path, 'utf8'), path);
}

/** @returns {Dockerfile} */
export function parseDockerfile(text, path = 'Dockerfile') {
  /** @type {Dockerfile} */
  const file = { path, globalArgs: {}, stages: [] };
  for (const instruction of logicalLines(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match)
        throw new Error(
          `${path}:${instruction.line}: FROM expects "image [AS name]", got "${instruction.args}".`,
        );
      file.stages.push({
        name: match[2],
        from: match[1],
        fromLine: instruction.line,
        instructions: [],
      });
    } else if (file.stages.length === 0) {
      if (instruction.keyword !== 'ARG') {
        throw new Error(
          `${path}:${instruction.line}: only ARG may come before the first FROM, found ${instruction.keyword}.`,
        );
      }
      const [name, value] = splitAssignment(instruction.args);
      file.globalArgs[name] = value;
    } else {
      file.stages.at(-1).instructions.push(instruction);
    }
  }
  if (file.stages.length === 0)
    throw new Error(`${path}: no FROM instruction, so there is no stage to build.`);
  return file;
}

/** `NAME=value` or `NAME` (an ARG without a default). */
export function splitAssignment(text) {
  const at = text.indexOf('=');
  return at === -1
    ? [text.trim(), undefined]
    : [text.slice(0, at).trim(), unquote(text.slice(at + 1).trim())];
}

/** ENV accepts several `KEY=value` pairs on one line; values may be quoted. */
export function parseEnvPairs(text) {
  const pairs = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  let consumed = '';
  for (const match of text.matchAll(pattern)) {
    pairs.push([match[1], unquote(match[2])]);
    consumed += match[0];
  }
  if (consumed.replace(/\s/g, '') !== text.replace(/\s/g, '')) {
    throw new Error(
      `ENV "${text}" is not a list of KEY=value pairs (the legacy "ENV KEY value" form is not supported).`,
    );
  }
  return pairs;
}

/** Exec form `["a", "b"]` becomes an argv; shell form stays a string for `sh -c`. */
export function commandOf(args) {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) {
    const argv = JSON.parse(trimmed);
    if (!Array.isArray(argv) || argv.some((part) => typeof part !== 'string')) {
      throw new Error(`"${args}" looks like exec form but is not a JSON array of strings.`);
    }
    return { argv };
  }
  return { shell: trimmed };
}

function unquote(value) {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return JSON.parse(value);
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}

function* logicalLines(text) {
  let buffer = '';
  let startLine = 0;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const raw = lines[index];
    const trimmed = raw.trim();
    // Comment lines are dropped even in the middle of a continued instruction, as BuildKit does.
    if (trimmed.startsWith('#') || (trimmed === '' && buffer === '')) continue;
    if (buffer === '') startLine = index + 1;
    if (trimmed.endsWith('\\')) {
      buffer += `${trimmed.slice(0, -1)} `;
      continue;
    }
    buffer += trimmed;
    if (buffer.trim() !== '') yield splitInstruction(buffer.trim(), startLine);
    buffer = '';
  }
  if (buffer.trim() !== '') yield splitInstruction(buffer.trim(), startLine);
}

function splitInstruction(text, line) {
  const match = /^(\S+)\s*(.*)$/s.exec(text);
  const keyword = match[1].toUpperCase();
  let rest = match[2];
  /** @type {Record<string, string>} */
  const flags = {};
  // Flags come first (`COPY --from=builder --chown=node:node src dest`); HEALTHCHECK's own
  // options (`--interval=...`) are flags too, before its CMD.
  for (
    let flag = /^--([a-z-]+)=(\S+)\s*/.exec(rest);
    flag;
    flag = /^--([a-z-]+)=(\S+)\s*/.exec(rest)
  ) {
    flags[flag[1]] = flag[2];
    rest = rest.slice(flag[0].length);
  }
  return { keyword, flags, args: rest.replace(/\s+$/, ''), line };
}
