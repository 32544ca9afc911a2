import { preflightHeaders, responseHeaders, type Requirement } from '../requirement.js';

/** Any server: the headers themselves. */
export function genericFix(need: Requirement): string {
  const lines = ['Send, on the response to the request itself:'];
  for (const [name, value] of responseHeaders(need)) lines.push(`  ${name}: ${value}`);
  if (need.preflight) {
    lines.push('and answer the OPTIONS preflight with 204, before any authentication, and:');
    for (const [name, value] of preflightHeaders(need)) lines.push(`  ${name}: ${value}`);
  }
  return lines.join('\n');
}
