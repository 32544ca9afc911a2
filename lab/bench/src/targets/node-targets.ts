// The servers the bench runs in one Node.js process, by name. Adding a server (Fastify, Koa, Hono
// on Node, plain node:http, a policy with public-suffix patterns) is one entry here.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import cors from 'cors';
import express from 'express';
import type { RequestHandler } from 'express';
import { corsMiddleware } from '@cors-lab/cors-policy';
import { ADAPTER_TARGETS } from './adapter-targets.js';
import { benchPolicy } from './bench-policy.js';
import { ALLOWED_HEADERS, ALLOWED_METHODS, MAX_AGE_SECONDS } from './cors-config.js';
import { handWrittenCors } from './hand-written-cors.js';
import { MICRO_TARGETS } from './micro.js';

export interface NodeTarget {
  /** Whether an allowed request gets Access-Control-Allow-Origin back (checked before measuring). */
  answersCors: boolean;
  /** A server not yet listening, answering `GET /data` with a small JSON body. */
  create(origins: readonly string[]): Server | Promise<Server>;
}

function expressWith(middleware: RequestHandler | undefined): Server {
  const app = express();
  if (middleware) app.use(middleware);
  app.get('/data', (_req, res) => {
    res.json({ ok: true });
  });
  return createServer(app);
}

export const NODE_TARGETS = {
  express: { answersCors: false, create: () => expressWith(undefined) },
  'express+cors-policy': {
    answersCors: true,
    create: (origins) => expressWith(corsMiddleware(benchPolicy(origins))),
  },
  'express+cors': {
    answersCors: true,
    create: (origins) =>
      expressWith(
        cors({
          origin: [...origins],
          credentials: true,
          methods: [...ALLOWED_METHODS],
          allowedHeaders: [...ALLOWED_HEADERS],
          maxAge: MAX_AGE_SECONDS,
        }),
      ),
  },
  'express+hand-written': {
    answersCors: true,
    create: (origins) => expressWith(handWrittenCors(origins)),
  },
  ...ADAPTER_TARGETS,
  ...MICRO_TARGETS,
} satisfies Record<string, NodeTarget>;

export type NodeTargetName = keyof typeof NODE_TARGETS;

export function isNodeTargetName(name: string): name is NodeTargetName {
  return Object.hasOwn(NODE_TARGETS, name);
}
