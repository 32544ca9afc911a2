// Which server wrote the answer, so the fix can be given in its own configuration language.
import type { RawHeaders } from '../send/send-exchange.js';
import { corsPackageFix } from './stacks/cors-package.js';
import { corsPolicyFix } from './stacks/cors-policy.js';
import { expressFix } from './stacks/express.js';
import { flaskFix } from './stacks/flask.js';
import { genericFix } from './stacks/generic.js';
import { nextFix } from './stacks/next.js';
import { nginxFix } from './stacks/nginx.js';
import type { Requirement } from './requirement.js';

export const STACKS = ['express', 'cors', 'cors-policy', 'next', 'flask', 'nginx'] as const;
export type Stack = (typeof STACKS)[number] | 'generic';
/** What `--stack` accepts. */
export type StackChoice = (typeof STACKS)[number] | 'auto';

export const STACK_TITLES: Readonly<Record<Stack, string>> = {
  express: 'Express, hand-written middleware',
  cors: 'Express with the cors package',
  'cors-policy': '@cors-lab/cors-policy',
  next: 'Next.js route handler or proxy.ts',
  flask: 'Flask with flask_cors',
  nginx: 'nginx',
  generic: 'any server',
};

const RENDER: Readonly<Record<Stack, (need: Requirement) => string>> = {
  express: expressFix,
  cors: corsPackageFix,
  'cors-policy': corsPolicyFix,
  next: nextFix,
  flask: flaskFix,
  nginx: nginxFix,
  generic: genericFix,
};

export interface StackGuess {
  stack: Stack;
  /** The header that gave it away, or `--stack`. */
  evidence: string;
}

function first(headers: RawHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(', ') : value) ?? '';
}

/** The stack from `--stack`, or guessed from the answers' X-Powered-By, Server and x-nextjs-* headers. */
export function pickStack(choice: StackChoice, answers: readonly RawHeaders[]): StackGuess {
  if (choice !== 'auto') return { stack: choice, evidence: '--stack' };
  for (const headers of answers) {
    const poweredBy = first(headers, 'x-powered-by');
    const server = first(headers, 'server');
    if (
      /next\.js/i.test(poweredBy) ||
      Object.keys(headers).some((name) => name.startsWith('x-nextjs-'))
    ) {
      return {
        stack: 'next',
        evidence: poweredBy ? `X-Powered-By: ${poweredBy}` : 'x-nextjs-* headers',
      };
    }
    if (/express/i.test(poweredBy))
      return { stack: 'cors', evidence: `X-Powered-By: ${poweredBy}` };
    if (/werkzeug|flask/i.test(server)) return { stack: 'flask', evidence: `Server: ${server}` };
    if (/nginx/i.test(server)) return { stack: 'nginx', evidence: `Server: ${server}` };
  }
  return { stack: 'generic', evidence: 'no X-Powered-By or Server header names a known stack' };
}

/** The configuration change for `stack`. */
export function renderFix(stack: Stack, need: Requirement): string {
  return RENDER[stack](need);
}
