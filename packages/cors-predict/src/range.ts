// Fetch's "parse a single range header value" with allowWhitespace false, as the safelist uses it.

export interface SingleRange {
  start: bigint | undefined;
  end: bigint | undefined;
}

/**
 * Parses `bytes=N-[M]` or `bytes=-M` exactly (no whitespace, one range, start <= end), or returns
 * `undefined`. BigInt because the digits are unbounded and `bytes=1<60 zeros>-...` must compare right.
 */
export function parseSingleRange(value: string): SingleRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(value);
  if (!match) return undefined;
  const [, startDigits = '', endDigits = ''] = match;
  const start = startDigits === '' ? undefined : BigInt(startDigits);
  const end = endDigits === '' ? undefined : BigInt(endDigits);
  if (start === undefined && end === undefined) return undefined;
  if (start !== undefined && end !== undefined && start > end) return undefined;
  return { start, end };
}
