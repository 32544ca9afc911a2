// Markdown the lab keeps and a starter leaves out: a template package's README may point at its
// lab siblings inside a `<!-- lab-only -->` … `<!-- /lab-only -->` block.
import { StarterError } from './starter-error.mjs';

const START = '<!-- lab-only -->';
const END = '<!-- /lab-only -->';

/**
 * `text` without its lab-only blocks (markers included), blank lines collapsed where one was cut.
 * @param {string} path for the error message
 * @param {string} text Markdown
 * @returns {string}
 * @throws {StarterError} for a block that is never closed or a stray closing marker
 */
export function stripLabOnly(path, text) {
  if (!text.includes(START) && !text.includes(END)) return text;
  /** @type {string[]} */
  const kept = [];
  let openedAt = 0;
  text.split('\n').forEach((line, index) => {
    const marker = line.trim();
    if (marker === START) {
      if (openedAt) throw new StarterError(`${path}:${index + 1}: ${START} inside another block.`);
      openedAt = index + 1;
    } else if (marker === END) {
      if (!openedAt) throw new StarterError(`${path}:${index + 1}: ${END} without ${START}.`);
      openedAt = 0;
    } else if (!openedAt) {
      kept.push(line);
    }
  });
  if (openedAt) {
    throw new StarterError(`${path}:${openedAt}: ${START} is never closed: add ${END} after it.`);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n');
}
