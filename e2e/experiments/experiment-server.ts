// One handler on three listeners (the page's origin, an API origin, another API origin) that
// answers each hop of an experiment as planned and logs every request that reaches it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Experiment, HopPlan, Place, PlannedAnswer } from './experiment.js';

/** One request as it reached a listener. */
export interface LoggedRequest {
  experiment: string;
  hop: number;
  place: Place;
  method: string;
  /** The Origin header, absent when the browser sent none. */
  origin?: string;
  accessControlRequestMethod?: string;
  accessControlRequestHeaders?: string;
  authorization: boolean;
  cookie?: string;
  contentType?: string;
  bodyBytes: number;
}

export interface ExperimentServer {
  origins: Record<Place, string>;
  log: LoggedRequest[];
  /** The URL of `experiment`'s first hop. */
  firstUrl(experiment: Experiment): string;
  /** The URL of `experiment`'s hop `hop`, with user:secret@ when `userinfo`. */
  hopUrl(experiment: Experiment, hop: number, userinfo?: boolean): string;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html><title>cors-lab engine experiments</title>
<script>document.documentElement.dataset.state = 'ready';</script>`;

function readBody(request: IncomingMessage): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => resolve(bytes));
    request.on('error', () => resolve(bytes));
  });
}

function listen(handler: (place: Place) => Parameters<typeof createServer>[1], place: Place) {
  return new Promise<Server>((resolve, reject) => {
    const server = createServer(handler(place));
    server.once('error', reject);
    // Port 0: the OS picks a free port, so runs never collide with anything else on the machine.
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export async function startExperimentServer(
  experiments: readonly Experiment[],
): Promise<ExperimentServer> {
  const byId = new Map(experiments.map((experiment) => [experiment.id, experiment]));
  const log: LoggedRequest[] = [];
  const origins = {} as Record<Place, string>;

  const hopUrl = (experiment: Experiment, hop: number, userinfo = false) => {
    const plan = experiment.hops[hop];
    if (!plan) throw new Error(`Experiment ${experiment.id} has no hop ${hop}.`);
    const origin = origins[plan.at];
    const base = userinfo ? origin.replace('://', '://user:secret@') : origin;
    return `${base}/x/${experiment.id}/${hop}`;
  };

  const tokens = (request: IncomingMessage, experiment: Experiment, hop: number): Tokens => ({
    '{origin}': request.headers.origin,
    '{acrm}': request.headers['access-control-request-method'],
    '{acrh}': request.headers['access-control-request-headers'],
    '{page}': origins.page,
    '{next}': experiment.hops[hop + 1] ? hopUrl(experiment, hop + 1) : undefined,
    '{next-userinfo}': experiment.hops[hop + 1] ? hopUrl(experiment, hop + 1, true) : undefined,
    '{next-path}': `/x/${experiment.id}/${hop + 1}`,
  });

  const answer = (
    response: ServerResponse,
    planned: PlannedAnswer,
    request: IncomingMessage,
    experiment: Experiment,
    hop: number,
  ) => {
    const { status, headers } = fillAnswer(planned, tokens(request, experiment, hop));
    // Raw pairs keep repeated headers as separate header lines.
    response.writeHead(status, headers.flat());
    response.end(status === 204 || request.method === 'HEAD' ? undefined : 'ok');
  };

  const handler = (place: Place) => async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
      return;
    }
    if (url.pathname === '/set-cookie') {
      // A cookie for the whole host: cookies ignore ports, so every listener receives it.
      response.writeHead(200, {
        'set-cookie': 'experiment=1; Path=/; SameSite=Lax',
        'access-control-allow-origin': request.headers.origin ?? '*',
        'access-control-allow-credentials': 'true',
      });
      response.end('ok');
      return;
    }
    const match = /^\/x\/([^/]+)\/(\d+)$/.exec(url.pathname);
    const experiment = match ? byId.get(match[1] ?? '') : undefined;
    const hop = Number(match?.[2]);
    const plan: HopPlan | undefined = experiment?.hops[hop];
    if (!experiment || !plan) {
      response.writeHead(404).end();
      return;
    }
    const bodyBytes = await readBody(request);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    log.push({
      experiment: experiment.id,
      hop,
      place,
      method: request.method ?? '',
      ...(header('origin') !== undefined && { origin: header('origin') }),
      ...(header('access-control-request-method') !== undefined && {
        accessControlRequestMethod: header('access-control-request-method'),
      }),
      ...(header('access-control-request-headers') !== undefined && {
        accessControlRequestHeaders: header('access-control-request-headers'),
      }),
      authorization: request.headers.authorization !== undefined,
      ...(header('cookie') !== undefined && { cookie: header('cookie') }),
      ...(header('content-type') !== undefined && { contentType: header('content-type') }),
      bodyBytes,
    });
    const isPreflight =
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-method'] !== undefined;
    answer(
      response,
      isPreflight ? (plan.preflight ?? DEFAULT_PREFLIGHT) : plan.response,
      request,
      experiment,
      hop,
    );
  };

  const servers = await Promise.all(
    (['page', 'api', 'other'] as const).map(async (place) => {
      const server = await listen(handler, place);
      const address = server.address();
      if (typeof address !== 'object' || !address) throw new Error(`No port for ${place}`);
      origins[place] = `http://localhost:${address.port}`;
      return server;
    }),
  );

  return {
    origins,
    log,
    firstUrl: (experiment) => hopUrl(experiment, 0),
    hopUrl,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** The values the `{...}` placeholders of a planned answer stand for; `undefined`: leave the header out. */
export type Tokens = Record<string, string | undefined>;

/** A planned answer with its placeholders filled, as name/value pairs in the order planned. */
export function fillAnswer(
  planned: PlannedAnswer,
  values: Tokens,
): { status: number; headers: [string, string][] } {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(planned.headers ?? {})) {
    for (const one of typeof value === 'string' ? [value] : value) {
      let filled: string | undefined = one;
      for (const [token, replacement] of Object.entries(values)) {
        if (filled === undefined || !filled.includes(token)) continue;
        filled = replacement === undefined ? undefined : filled.replaceAll(token, replacement);
      }
      if (filled !== undefined) headers.push([name, filled]);
    }
  }
  return { status: planned.status, headers };
}

/** A preflight answer that allows whatever was asked, uncached so no experiment leans on another. */
export const DEFAULT_PREFLIGHT: PlannedAnswer = {
  status: 204,
  headers: {
    'access-control-allow-origin': '{origin}',
    'access-control-allow-methods': '{acrm}',
    'access-control-allow-headers': '{acrh}',
    'access-control-allow-credentials': 'true',
    'access-control-max-age': '0',
  },
};
