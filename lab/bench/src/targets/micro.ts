// Per-call costs counted through the same windows as requests: a node:http route that makes
// CALLS_PER_REQUEST calls before answering like `node-http`. Each call first slices a fresh
// string, as the policy's inputs are (a header value, a host cut out of a pattern), so no call
// finds its string's hash already computed; the `micro-slice-*` targets make only those slices,
// and the bench subtracts their count. Each loop is its own function, so no call site is shared.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { decide, definePolicy, publicSuffixCoveredBy } from '@cors-lab/cors-policy';
import { route } from './node-http.js';

export const CALLS_PER_REQUEST = 1000;

// A leading space to slice off: each call gets a new string.
/** Pattern hosts as users write them: refused (`vercel.app`, `a.b.github.io`) or not (`www.ck` is an exception). */
const DOMAINS = [
  ' example.com',
  ' preview.example.co.uk',
  ' vercel.app',
  ' a.b.github.io',
  ' www.ck',
];
/** Origins a `https://*.example.com` policy sees: one the pattern allows, one it refuses. */
const ORIGINS = [' https://pr-1.example.com', ' https://evil.example'];

const patternPolicy = definePolicy({ origins: ['https://*.example.com'], credentials: true });

/** Answers like `node-http`, with how many calls answered in a header so none is dead code. */
function serving(calls: () => number): Server {
  return createServer((req, res) => {
    res.setHeader('X-Calls-Answered', String(calls()));
    route(req, res);
  });
}

const input = (inputs: readonly string[], call: number): string =>
  (inputs[call % inputs.length] as string).slice(1);

export const MICRO_TARGETS = {
  'micro-slice-domains': {
    answersCors: false,
    create: () =>
      serving(() => {
        let answered = 0;
        for (let call = 0; call < CALLS_PER_REQUEST; call++) {
          if (input(DOMAINS, call).length > 0) answered++;
        }
        return answered;
      }),
  },
  'micro-public-suffix': {
    answersCors: false,
    create: () =>
      serving(() => {
        let answered = 0;
        for (let call = 0; call < CALLS_PER_REQUEST; call++) {
          if (publicSuffixCoveredBy(input(DOMAINS, call)) !== undefined) answered++;
        }
        return answered;
      }),
  },
  'micro-slice-origins': {
    answersCors: false,
    create: () =>
      serving(() => {
        let answered = 0;
        for (let call = 0; call < CALLS_PER_REQUEST; call++) {
          if (input(ORIGINS, call).length > 0) answered++;
        }
        return answered;
      }),
  },
  /** What the policy runs per request for an origin no exact entry names: decide()'s pattern path. */
  'micro-pattern': {
    answersCors: false,
    create: () =>
      serving(() => {
        let answered = 0;
        for (let call = 0; call < CALLS_PER_REQUEST; call++) {
          if (decide(patternPolicy, { method: 'GET', origin: input(ORIGINS, call) }).allowed) {
            answered++;
          }
        }
        return answered;
      }),
  },
} satisfies Record<string, { answersCors: boolean; create(): Server }>;

export type MicroTargetName = keyof typeof MICRO_TARGETS;
