// An experiment as predict() input: the page's request, and each hop's answer exactly as the
// experiment server filled it in for the Origin that really reached it.
import type { BrowserRequest, HopAnswer, ServerAnswer } from '@cors-lab/cors-predict';
import type { Experiment } from './experiment.js';
import {
  DEFAULT_PREFLIGHT,
  fillAnswer,
  type ExperimentServer,
  type LoggedRequest,
} from './experiment-server.js';

export function requestOf(experiment: Experiment, server: ExperimentServer): BrowserRequest {
  const { fetch: plan } = experiment;
  return {
    pageOrigin: server.origins.page,
    url: server.firstUrl(experiment),
    ...(plan.method && { method: plan.method }),
    ...(plan.headers && { headers: plan.headers }),
    ...(plan.credentials && { credentials: plan.credentials }),
    ...(plan.mode && { mode: plan.mode }),
    ...(plan.redirect && { redirect: plan.redirect }),
    ...(plan.body && { body: plan.body }),
    ...(plan.duplex && { duplex: plan.duplex }),
  } as BrowserRequest;
}

/**
 * Every hop's answers, filled with the Origin (and Access-Control-Request-*) the first fetch
 * carried there; a hop no request reached is filled as if the page's origin had come.
 */
export function answerOf(
  experiment: Experiment,
  server: ExperimentServer,
  log: readonly LoggedRequest[],
): ServerAnswer {
  const hops: HopAnswer[] = experiment.hops.map((plan, hop) => {
    const reached = log.filter((entry) => entry.hop === hop);
    const preflight = reached.find(
      (entry) => entry.method === 'OPTIONS' && entry.accessControlRequestMethod,
    );
    const actual = reached.find((entry) => entry !== preflight);
    const next = experiment.hops[hop + 1] ? server.hopUrl(experiment, hop + 1) : undefined;
    const tokens = (entry: LoggedRequest | undefined) => ({
      '{origin}': entry ? entry.origin : server.origins.page,
      '{acrm}': entry?.accessControlRequestMethod ?? experiment.fetch.method ?? 'GET',
      '{acrh}': entry?.accessControlRequestHeaders,
      '{page}': server.origins.page,
      '{next}': next,
      '{next-userinfo}': next && server.hopUrl(experiment, hop + 1, true),
      '{next-path}': `/x/${experiment.id}/${hop + 1}`,
    });
    const toObserved = (filled: ReturnType<typeof fillAnswer>) => {
      const headers: Record<string, string[]> = {};
      for (const [name, value] of filled.headers) (headers[name] ??= []).push(value);
      return { status: filled.status, headers };
    };
    return {
      preflight: toObserved(fillAnswer(plan.preflight ?? DEFAULT_PREFLIGHT, tokens(preflight))),
      response: toObserved(fillAnswer(plan.response, tokens(actual))),
    };
  });
  const [first, ...next] = hops;
  return { preflight: first?.preflight, response: first?.response, next };
}
