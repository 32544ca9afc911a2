import { decide } from '../decide.js';
import { isLivePolicy, type PolicySource } from '../live-policy.js';
import type { Decision, Policy } from '../types.js';
import { appendVary } from '../vary.js';
import { corsRequestOf, type NodeRequestLike } from './express.js';

/** What the plugin uses of a Fastify request (structural: no dependency on fastify). */
export interface FastifyRequestLike extends NodeRequestLike {
  corsPolicyVary?: string | undefined;
}

/** What the plugin uses of a Fastify reply. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string): FastifyReplyLike;
  getHeader(name: string): number | string | readonly string[] | undefined;
  send(): FastifyReplyLike;
}

type Done = (error?: Error) => void;

/** What the plugin uses of a Fastify instance. */
export interface FastifyInstanceLike {
  decorateRequest(name: 'corsPolicyVary', value: string): unknown;
  addHook(
    name: 'onRequest',
    hook: (request: FastifyRequestLike, reply: FastifyReplyLike, done: Done) => void,
  ): unknown;
  addHook(
    name: 'onSend',
    hook: (
      request: FastifyRequestLike,
      reply: FastifyReplyLike,
      payload: unknown,
      done: (error: Error | null, payload: unknown) => void,
    ) => void,
  ): unknown;
}

export type FastifyCorsPlugin = ((
  instance: FastifyInstanceLike,
  options: unknown,
  done: Done,
) => void) & { readonly [key: symbol]: unknown };

/**
 * A Fastify plugin: its `onRequest` hook, the first of the lifecycle, sets the CORS headers and
 * answers preflights itself, so they never reach authentication hooks or the router (no OPTIONS
 * route needed); its `onSend` hook appends `Origin` to `Vary` again in case a route replaced it.
 * Registered without encapsulation, so it covers every route; register it before auth.
 * @example await app.register(corsPlugin(definePolicy({ origins: ['https://app.example.com'] })))
 */
export function corsPlugin(source: PolicySource): FastifyCorsPlugin {
  const live = isLivePolicy(source) ? source : undefined;
  const fixed = source as Policy;
  const plugin = (instance: FastifyInstanceLike, _options: unknown, done: Done): void => {
    instance.decorateRequest('corsPolicyVary', '');
    instance.addHook('onRequest', (request, reply, next) => {
      let decision: Decision | Promise<Decision>;
      try {
        decision = decide(live === undefined ? fixed : live.current, corsRequestOf(request));
      } catch (error) {
        next(error as Error);
        return;
      }
      if (decision instanceof Promise) {
        decision.then((settled) => answer(settled, request, reply, next), next);
      } else {
        answer(decision, request, reply, next);
      }
    });
    instance.addHook('onSend', (request, reply, payload, next) => {
      if (request.corsPolicyVary) setVary(reply, request.corsPolicyVary);
      next(null, payload);
    });
    done();
  };
  // What fastify-plugin sets: hooks apply to the registering instance, not a child context.
  return Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: 'cors-policy',
  });
}

function answer(
  decision: Decision,
  request: FastifyRequestLike,
  reply: FastifyReplyLike,
  next: Done,
): void {
  const { headers } = decision;
  for (const name in headers) reply.header(name, headers[name] as string);
  if (decision.vary !== undefined) {
    request.corsPolicyVary = decision.vary;
    setVary(reply, decision.vary);
  }
  if (decision.status === undefined) {
    next();
    return;
  }
  // Safari waits for a body on a 204 without Content-Length.
  reply.code(decision.status).header('Content-Length', '0').send();
}

function setVary(reply: FastifyReplyLike, token: string): void {
  const current = reply.getHeader('vary');
  const existing =
    current === undefined
      ? undefined
      : Array.isArray(current)
        ? current.join(', ')
        : String(current);
  const next = appendVary(existing, token);
  if (next !== existing) reply.header('Vary', next);
}
