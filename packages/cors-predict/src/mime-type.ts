// The part of MIME Sniffing's "parse a MIME type" that decides the essence (type/subtype).
import { isToken, trimHttpWhitespace } from './http-syntax.js';

/**
 * The lowercased essence of a Content-Type value (`text/plain` for `Text/Plain;charset=utf-8`),
 * or `undefined` when the MIME Sniffing parser fails (`text /plain`, `text/plain,`, `,text/plain`).
 * Parameters never make the parse fail, so they are not read.
 */
export function parseMimeEssence(value: string): string | undefined {
  const input = trimHttpWhitespace(value);
  const slash = input.indexOf('/');
  if (slash < 0) return undefined;
  const type = input.slice(0, slash);
  if (!isToken(type)) return undefined;
  const semicolon = input.indexOf(';', slash + 1);
  const subtype = input
    .slice(slash + 1, semicolon < 0 ? undefined : semicolon)
    .replace(/[\t\n\r ]+$/, '');
  if (!isToken(subtype)) return undefined;
  return `${type.toLowerCase()}/${subtype.toLowerCase()}`;
}
