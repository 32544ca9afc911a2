// Each cors-policy adapter beside its framework alone: `<framework>` answers `GET /data` without
// CORS, `<framework>+cors-policy` behind the adapter with the same policy Express's case gets.
import type { NodeTarget } from './node-targets.js';
import { fastifyWith } from './fastify.js';
import { honoWith } from './hono.js';
import { koaWith } from './koa.js';
import { nodeHttpWith } from './node-http.js';

export const ADAPTER_TARGETS = {
  fastify: { answersCors: false, create: () => fastifyWith(undefined) },
  'fastify+cors-policy': { answersCors: true, create: (origins) => fastifyWith(origins) },
  koa: { answersCors: false, create: () => koaWith(undefined) },
  'koa+cors-policy': { answersCors: true, create: (origins) => koaWith(origins) },
  hono: { answersCors: false, create: () => honoWith(undefined) },
  'hono+cors-policy': { answersCors: true, create: (origins) => honoWith(origins) },
  'node-http': { answersCors: false, create: () => nodeHttpWith(undefined) },
  'node-http+cors-policy': { answersCors: true, create: (origins) => nodeHttpWith(origins) },
} satisfies Record<string, NodeTarget>;
