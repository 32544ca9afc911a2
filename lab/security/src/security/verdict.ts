/** What a response did with a crafted Origin. */
export type Verdict =
  /** No Access-Control-Allow-Origin at all. */
  | 'refused'
  /** An Allow-Origin that is not the probe (a fixed origin, or `*` without credentials): no grant. */
  | 'other-origin'
  /** Allow-Origin is the probe itself: the attacker's page may read the response. */
  | 'reflected'
  /** `*` together with Allow-Credentials true on a credentialed route. */
  | 'wildcard-credentials';

export const FAILING_VERDICTS: ReadonlySet<Verdict> = new Set([
  'reflected',
  'wildcard-credentials',
]);

/**
 * Judges one response to a probe from every value of its Allow-Origin and Allow-Credentials headers
 * (repeated headers count one by one: a browser rejects them, a scanner still flags the echo).
 */
export function judge(
  probeOrigin: string,
  allowOrigin: readonly string[],
  allowCredentials: readonly string[],
): Verdict {
  if (allowOrigin.length === 0) return 'refused';
  const values = allowOrigin.flatMap((value) => [value, ...value.split(',')]).map((v) => v.trim());
  if (values.includes(probeOrigin)) return 'reflected';
  if (values.includes('*') && allowCredentials.some((value) => value.trim() === 'true')) {
    return 'wildcard-credentials';
  }
  return 'other-origin';
}
