// What the lab keeps and a starter leaves out: lines between a `lab-only` and a `/lab-only` marker,
// each alone on its line as a comment of the file's kind: `<!-- lab-only -->` in Markdown,
// `// lab-only` in JavaScript and TypeScript, `# lab-only` in YAML and ignore files.
import { StarterError } from './starter-error.mjs';

const MARKER = /^(?:<!--|\/\/|#)\s*(\/?)lab-only\s*(?:-->)?$/;

/**
 * `text` without its lab-only blocks (markers included), blank lines collapsed where one was cut.
 * @param {string} path for the error message
 * @param {string} text
 * @returns {string}
 * @throws {StarterError} for a block that is never closed, a nested one or a stray closing marker
 */
export function stripLabOnly(path, text) {
  if (!text.includes('lab-only')) return text;
  /** @type {string[]} */
  const kept = [];
  let openedAt = 0;
  text.split('\n').forEach((line, index) => {
    const marker = MARKER.exec(line.trim());
    if (marker && marker[1] === '') {
      if (openedAt) throw new StarterError(`${path}:${index + 1}: lab-only inside another block.`);
      openedAt = index + 1;
    } else if (marker) {
      if (!openedAt) throw new StarterError(`${path}:${index + 1}: /lab-only without lab-only.`);
      openedAt = 0;
    } else if (!openedAt) {
      kept.push(line);
    }
  });
  if (openedAt) {
    throw new StarterError(
      `${path}:${openedAt}: the lab-only block is never closed: add its /lab-only marker.`,
    );
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n');
}
