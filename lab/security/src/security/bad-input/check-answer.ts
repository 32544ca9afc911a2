import { rawHeaderValues, type RawAnswer } from '@cors-lab/testkit';
import type { BadInputCase } from './cases.js';

/**
 * What is wrong with a server's answer to a bad-input case: a grant (Allow-Origin for a bad origin,
 * another origin than the allowed one, or the bad method/header list approved) or an injected line.
 */
export function problemsWith(answer: RawAnswer, badCase: BadInputCase, allowed: string): string[] {
  const problems: string[] = [];
  const injected = answer.headerLines.filter((line) => /injected/i.test(line));
  if (injected.length > 0) problems.push(`injected header line(s) ${JSON.stringify(injected)}`);
  const allowOrigin = rawHeaderValues(answer, 'access-control-allow-origin');
  if (badCase.badOrigin && allowOrigin.length > 0) {
    problems.push(
      `granted a bad Origin: Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)}`,
    );
  }
  if (!badCase.badOrigin && allowOrigin.some((value) => value !== allowed)) {
    problems.push(
      `Access-Control-Allow-Origin ${JSON.stringify(allowOrigin)}, expected none or ${JSON.stringify(allowed)}`,
    );
  }
  const forbidden = badCase.forbiddenGrant;
  if (forbidden !== undefined && forbidden !== '') {
    for (const name of ['access-control-allow-methods', 'access-control-allow-headers']) {
      for (const value of rawHeaderValues(answer, name)) {
        const items = value.split(',').map((item) => item.trim());
        if (value === forbidden.trim() || items.includes(forbidden.trim())) {
          problems.push(`${name} approves ${JSON.stringify(forbidden.slice(0, 60))}`);
        }
      }
    }
  }
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  return problems;
}
