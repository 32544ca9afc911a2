// The few HTTP grammar pieces the Fetch Standard leans on (RFC 9110 token, HTTP whitespace).

const TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

/** Whether `value` is a non-empty RFC 9110 token: letters, digits and ``!#$%&'*+-.^_`|~``. */
export function isToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const isAlphanumeric =
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a);
    if (!isAlphanumeric && !TOKEN_SYMBOLS.includes(value.charAt(index))) return false;
  }
  return true;
}

/** HTTP tab or space, as allowed around list elements. */
export function isTabOrSpace(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** Fetch's "normalize": strips leading and trailing HTTP whitespace (tab, LF, CR, space), nothing else. */
export function trimHttpWhitespace(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

/** Trims tab and space only, as the ABNF list rule (`#element`) does around each element. */
export function trimTabOrSpace(value: string): string {
  return value.replace(/^[\t ]+|[\t ]+$/g, '');
}

/** Whether `value` can be sent as a header value: no NUL, CR or LF, and every code unit a byte. */
export function isHeaderValue(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0 || code === 0x0a || code === 0x0d || code > 0xff) return false;
  }
  return true;
}
