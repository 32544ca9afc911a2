import { predict, type Prediction } from '@cors-lab/cors-predict';
import {
  PROXY_PREFIX,
  chainAnswer,
  compare,
  entriesOnPath,
  expectationFor,
  headerValue,
  loggedPathname,
  loggedTarget,
  readRunLog,
  requestUrl,
  type Engine,
  type LogEntry,
  type LoggedRequest,
  type Observation,
  type ScenarioResult,
  type ServerView,
  type Origins,
  type PageOriginRole,
  type Scenario,
  type ScenarioRequest,
  type TargetRole,
} from '@cors-lab/scenarios';
import { browserRequest, fetchCall } from './fetch-call';
import { observeFromFrame } from './frame-request';
import { observe } from './observe';

export interface RunContext {
  origins: Origins;
  page: PageOriginRole;
  engine: Engine | undefined;
  runId: (scenario: Scenario) => string;
}

/**
 * Which server keeps the log of requests to a target. The API's two listeners share one log and
 * the dev proxy forwards to the API, so all three read the API's; Flask and nginx keep their own
 * (nginx's holds its own answers, and what it forwards shows up in the API's); a closed port keeps none.
 */
type LogSource = 'api' | 'web' | 'closed-port' | 'flask' | 'nginx';

function logSource(target: TargetRole): LogSource {
  return target === 'web' || target === 'closed-port' || target === 'flask' || target === 'nginx'
    ? target
    : 'api';
}

/** The target role a logged request reached: the API names its listener in every entry. */
const LISTENER_TARGET: Readonly<Record<string, TargetRole>> = {
  main: 'api',
  alt: 'api-alt-port',
  tls: 'api-tls',
};

/**
 * Where a page reads a server's log. An https page reads over https (WebKit blocks http://localhost
 * from it as mixed content); the public-address page reads through its own origin (Chromium's
 * Local Network Access would refuse it the loopback API), the API's log via the dev proxy.
 */
function logOrigin(
  source: Exclude<LogSource, 'closed-port'>,
  origins: Origins,
  page: PageOriginRole,
): string {
  // Flask and nginx scenarios run from the plain-http pages only.
  if (source === 'flask' || source === 'nginx') return origins[source];
  if (page === 'web-public') {
    return source === 'api' ? `${origins[page]}${PROXY_PREFIX}` : origins[page];
  }
  if (page === 'web-tls') return source === 'api' ? origins['api-tls'] : origins['web-tls'];
  return origins[source];
}

/** What one request did, seen from the page and from the servers' request logs. */
export interface Exchange {
  observed: Observation;
  prediction: Prediction;
  /** Counts on the request's own path; absent when its server keeps no log we could read. */
  server: ServerView | undefined;
  reached: ScenarioResult['reached'];
  /** The last preflight and the last actual request on the request's path, as the log recorded them. */
  sentPreflight: LogEntry | undefined;
  sentResponse: LogEntry | undefined;
}

/**
 * Sends the setup steps, then the request (`repeat` times), then reads back every log the run
 * touched and asks predict() (for `engine`, when known) about what every hop really answered.
 */
export async function exchange(
  request: ScenarioRequest,
  setup: readonly ScenarioRequest[],
  alsoReached: readonly TargetRole[],
  { origins, page, engine }: Omit<RunContext, 'runId'>,
  runId: string,
): Promise<Exchange> {
  for (const step of setup) {
    await (step.fromPage
      ? observeFromFrame(step, origins, step.fromPage, runId)
      : observe(fetchCall(step, origins, page, runId)));
  }
  let observed = await observe(fetchCall(request, origins, page, runId));
  for (let i = 1; i < (request.repeat ?? 1); i += 1) {
    observed = await observe(fetchCall(request, origins, page, runId));
  }

  const targets = [request.target, ...setup.map((step) => step.target), ...alsoReached];
  const { entries, unreadable } = await readLogs(targets, origins, page, runId);
  const ownTarget = loggedTarget(request.target);
  const requestLog = unreadable.has(logSource(request.target))
    ? undefined
    : entries.filter(({ target }) => target === ownTarget).map(({ entry }) => entry);
  const path = loggedPathname(request);
  const setupPaths = new Set(
    setup.filter((step) => loggedTarget(step.target) === ownTarget).map(loggedPathname),
  );

  let server: ServerView | undefined;
  let sentPreflight: LogEntry | undefined;
  let sentResponse: LogEntry | undefined;
  if (requestLog) {
    const { preflights, actual } = entriesOnPath(requestLog, path);
    sentPreflight = preflights.at(-1);
    sentResponse = actual.at(-1);
    server = {
      preflights: preflights.length,
      actual: actual.length,
      others: entries
        .filter(
          ({ target, entry }) =>
            !(target === ownTarget && (entry.path === path || setupPaths.has(entry.path))),
        )
        .map(({ target, entry }) => ({
          target,
          path: entry.path,
          method: entry.method,
          origin: headerValue(entry.requestHeaders, 'origin'),
        })),
      sentHeaders: Object.keys(sentResponse?.responseHeaders ?? {}).map((name) =>
        name.toLowerCase(),
      ),
    };
  }

  const prediction = predict(
    browserRequest(request, origins, page, runId),
    chainAnswer(entries, requestUrl(request, origins, page, runId), origins),
    engine ? { engine } : {},
  );
  const reached = entries.map(({ target, entry }) => {
    const origin = headerValue(entry.requestHeaders, 'origin');
    return {
      target,
      method: entry.method,
      path: entry.path,
      status: entry.status,
      ...(origin === undefined ? {} : { origin }),
    };
  });
  return { observed, prediction, server, reached, sentPreflight, sentResponse };
}

export async function runScenario(
  scenario: Scenario,
  context: RunContext,
): Promise<ScenarioResult> {
  const started = performance.now();
  const { page, engine } = context;
  const runId = context.runId(scenario);
  const expected = expectationFor(scenario, page, engine);
  if (!expected) {
    throw new Error(
      `Scenario ${scenario.id} has no expectation for page origin ${page}; add one to its \`expected\` or drop ${page} from \`pageOrigins\`.`,
    );
  }
  const hops = Object.values(scenario.expected).flatMap(
    (expectation) => expectation?.server?.alsoReached?.map((hop) => hop.target) ?? [],
  );
  const { observed, prediction, server, reached } = await exchange(
    scenario.request,
    scenario.setup ?? [],
    hops,
    context,
    runId,
  );
  const checks = compare(expected, observed, server);
  const engineEntry = scenario.engines?.find((entry) => entry.engine === engine);
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    category: scenario.category,
    runId,
    expected,
    observed,
    predicted: {
      outcome: prediction.outcome,
      reason: prediction.reason,
      explanation: prediction.explanation,
      fix: prediction.fix,
      preflight: prediction.preflight,
      reachesServer: prediction.reachesServer,
    },
    reached,
    checks,
    pass: checks.every((check) => check.pass),
    predictionAgrees: prediction.outcome === observed.outcome,
    explanation: scenario.explanation,
    fix: scenario.fix,
    durationMs: Math.round(performance.now() - started),
  };
  if (server) result.server = server;
  if (engineEntry?.expected[page]) {
    result.engineNote = { note: engineEntry.note, source: engineEntry.source };
  }
  return result;
}

interface RunLogs {
  /** Every logged request of the run, oldest first per server, with the target it reached. */
  entries: LoggedRequest[];
  /** Servers whose log could not be read (no server answered there). */
  unreadable: Set<LogSource>;
}

/** Reads, once per server, the log of every server the run may have reached. */
async function readLogs(
  targets: readonly TargetRole[],
  origins: Origins,
  page: PageOriginRole,
  runId: string,
): Promise<RunLogs> {
  const sources = new Set(targets.map(logSource));
  const unreadable = new Set<LogSource>();
  const read = [...sources].map(async (source) => {
    // Nothing listens on the closed port, so nothing can have reached it.
    if (source === 'closed-port') return [];
    const log = await readRunLog(logOrigin(source, origins, page), runId);
    if (!log) {
      unreadable.add(source);
      return [];
    }
    return log.map((entry) => ({
      target: (entry.listener && LISTENER_TARGET[entry.listener]) || source,
      entry,
    }));
  });
  return { entries: (await Promise.all(read)).flat(), unreadable };
}
