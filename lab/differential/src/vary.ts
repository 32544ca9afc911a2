import type { HttpAnswer } from '@cors-lab/testkit';

/**
 * Whether a shared cache must key this answer on Origin: some `Vary` line (a server may send
 * several, Next.js sends its own first) lists `Origin` or `*`.
 */
export function variesOnOrigin(answer: HttpAnswer): boolean {
  return answer.rawHeaders.some(
    (value, i) =>
      i % 2 === 1 &&
      answer.rawHeaders[i - 1]?.toLowerCase() === 'vary' &&
      value.split(',').some((name) => ['origin', '*'].includes(name.trim().toLowerCase())),
  );
}
