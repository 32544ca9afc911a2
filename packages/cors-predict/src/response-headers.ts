// Reading a response's raw headers the way the browser does: names case-insensitive, each
// occurrence kept, values normalized, `get` joining occurrences with ", ".
import type { HeaderValue } from '@cors-lab/cors-policy';
import type { ObservedResponse } from './types.js';
import { isToken, trimHttpWhitespace, trimTabOrSpace } from './http-syntax.js';

/** Lowercased name -> every value sent under that name, in order, normalized. */
export type ResponseHeaderList = ReadonlyMap<string, readonly string[]>;

/** Builds the header list; `undefined` values mean the header was not sent. */
export function toHeaderList(headers: ObservedResponse['headers']): ResponseHeaderList {
  const list = new Map<string, string[]>();
  for (const [rawName, value] of Object.entries(headers)) {
    const values = asArray(value);
    if (values.length === 0) continue;
    const name = rawName.toLowerCase();
    const existing = list.get(name) ?? [];
    existing.push(...values.map(trimHttpWhitespace));
    list.set(name, existing);
  }
  return list;
}

function asArray(value: HeaderValue): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Fetch's "get": every value of `name` joined by ", ", or `undefined` when absent. */
export function getHeader(list: ResponseHeaderList, name: string): string | undefined {
  return list.get(name)?.join(', ');
}

/** The header's values, one per occurrence, for messages that quote what the server sent. */
export function describeHeader(list: ResponseHeaderList, name: string): string {
  const values = list.get(name) ?? [];
  return values.map((value) => JSON.stringify(value)).join(' and ');
}

/**
 * Fetch's "extract header list values" for the `#token` lists (Allow-Methods, Allow-Headers,
 * Expose-Headers): `undefined` when absent, `'failure'` when any element is not a token (a quoted
 * string, `no no`), else the elements. Empty elements (`, a,,b`) are allowed by the list rule.
 */
export function extractTokenList(
  list: ResponseHeaderList,
  name: string,
): readonly string[] | 'failure' | undefined {
  const values = list.get(name);
  if (values === undefined) return undefined;
  const tokens: string[] = [];
  for (const value of values) {
    for (const element of value.split(',')) {
      const trimmed = trimTabOrSpace(element);
      if (trimmed === '') continue;
      if (!isToken(trimmed)) return 'failure';
      tokens.push(trimmed);
    }
  }
  return tokens;
}
