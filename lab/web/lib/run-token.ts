/**
 * Eight random hex digits that keep one page load's run ids apart from another's. Uses
 * getRandomValues, which every engine offers outside secure contexts too (randomUUID does not).
 */
export function runToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
