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
  readRunsLog,
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
  type ScenarioStep,
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

/** A server that keeps a log a page can read. */
type ReadableSource = Exclude<LogSource, 'closed-port'>;

/** One run's entries in each server's log; undefined where no server answered the read. */
export type RunLogReader = (source: ReadableSource) => LogEntry[] | undefined;

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
function logOrigin(source: ReadableSource, origins: Origins, page: PageOriginRole): string {
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

/** What the page did for one request and its setup steps, before any log is read. */
export interface Sent {
  /** What the page saw of the last request (the only one unless it repeats). */
  observed: Observation;
  /** Each request the page made, in order, with its time: setup steps, then the request. */
  steps: ScenarioStep[];
}

/** Sends the setup steps, then the request (`repeat` times), timing each. */
export async function send(
  request: ScenarioRequest,
  setup: readonly ScenarioRequest[],
  { origins, page }: Omit<RunContext, 'runId' | 'engine'>,
  runId: string,
): Promise<Sent> {
  const steps: ScenarioStep[] = [];
  const step = async (name: string, call: ScenarioRequest) => {
    // A setup step may come from another page origin, through a frame there.
    const observed = await (call.fromPage
      ? observeFromFrame(call, origins, call.fromPage, runId)
      : observe(fetchCall(call, origins, page, runId)));
    steps.push({ name, ms: observed.durationMs });
    return observed;
  };
  for (const [index, one] of setup.entries()) await step(`setup ${index + 1}`, one);
  const repeat = request.repeat ?? 1;
  let observed = await step(repeat > 1 ? 'request 1' : 'request', request);
  for (let i = 2; i <= repeat; i += 1) observed = await step(`request ${i}`, request);
  return { observed, steps };
}

/** The servers whose logs show requests to these targets (a closed port keeps none). */
function readableSources(targets: readonly TargetRole[]): ReadableSource[] {
  return [...new Set(targets.map(logSource))].filter(
    (source): source is ReadableSource => source !== 'closed-port',
  );
}

/** Reads, once per server, one run's log from every server it may have reached (the /lab page). */
export async function readRunLogs(
  targets: readonly TargetRole[],
  { origins, page }: Omit<RunContext, 'runId' | 'engine'>,
  runId: string,
): Promise<RunLogReader> {
  const sources = readableSources(targets);
  const read = await Promise.all(
    sources.map(async (source) => {
      const log = await readRunLog(logOrigin(source, origins, page), runId);
      return [source, log] as const;
    }),
  );
  const logs = new Map(read);
  return (source) => logs.get(source);
}

/**
 * Reads, in one request per server, the logs of every run of a page load (run ids starting with
 * `runPrefix`), and hands back each run's share: /matrix reads once instead of once per scenario.
 */
export async function readPageLogs(
  scenarios: readonly Scenario[],
  { origins, page }: Omit<RunContext, 'runId' | 'engine'>,
  runPrefix: string,
): Promise<(runId: string) => RunLogReader> {
  const sources = readableSources(scenarios.flatMap(targetsOf));
  const read = await Promise.all(
    sources.map(async (source) => {
      const byRun = await readRunsLog(logOrigin(source, origins, page), runPrefix);
      return [source, byRun] as const;
    }),
  );
  const logs = new Map(read);
  return (runId) => (source) => {
    const byRun = logs.get(source);
    return byRun && (byRun.get(runId) ?? []);
  };
}

/**
 * Judges what the page saw against the logs of the servers the run touched, and asks predict()
 * about the headers the server really sent.
 */
export function judgeExchange(
  request: ScenarioRequest,
  setup: readonly ScenarioRequest[],
  alsoReached: readonly TargetRole[],
  { origins, page, engine }: Omit<RunContext, 'runId'>,
  runId: string,
  observed: Observation,
  logs: RunLogReader,
): Exchange {
  const targets = [request.target, ...setup.map((step) => step.target), ...alsoReached];
  const { entries, unreadable } = collectLogs(targets, logs);
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

/** Sends a request and its setup, reads one run's logs, and judges it (the /lab page). */
export async function exchange(
  request: ScenarioRequest,
  setup: readonly ScenarioRequest[],
  alsoReached: readonly TargetRole[],
  context: Omit<RunContext, 'runId'>,
  runId: string,
): Promise<Exchange> {
  const { observed } = await send(request, setup, context, runId);
  const targets = [request.target, ...setup.map((step) => step.target), ...alsoReached];
  const logs = await readRunLogs(targets, context, runId);
  return judgeExchange(request, setup, alsoReached, context, runId, observed, logs);
}

/** One scenario sent, waiting for its logs to be judged. */
export interface SentScenario extends Sent {
  scenario: Scenario;
  runId: string;
  /** From the first setup request to the last answer. */
  durationMs: number;
}

// The hops the author expects the run to reach besides the request's own target (redirects).
function alsoReachedBy(scenario: Scenario): TargetRole[] {
  return Object.values(scenario.expected).flatMap(
    (expectation) => expectation?.server?.alsoReached?.map((hop) => hop.target) ?? [],
  );
}

// Every target whose server may have logged the scenario's requests.
function targetsOf(scenario: Scenario): TargetRole[] {
  const setup = (scenario.setup ?? []).map((step) => step.target);
  return [scenario.request.target, ...setup, ...alsoReachedBy(scenario)];
}

/** Makes a scenario's requests; its logs are read later, with every other scenario's. */
export async function sendScenario(scenario: Scenario, context: RunContext): Promise<SentScenario> {
  const started = performance.now();
  const runId = context.runId(scenario);
  if (!expectationFor(scenario, context.page, context.engine)) {
    throw new Error(
      `Scenario ${scenario.id} has no expectation for page origin ${context.page}; add one to its \`expected\` or drop ${context.page} from \`pageOrigins\`.`,
    );
  }
  const sent = await send(scenario.request, scenario.setup ?? [], context, runId);
  return { ...sent, scenario, runId, durationMs: Math.round(performance.now() - started) };
}

/** Judges a sent scenario against its run's logs: the result /matrix publishes. */
export function judgeScenario(
  { scenario, runId, observed, steps, durationMs }: SentScenario,
  context: RunContext,
  logs: RunLogReader,
): ScenarioResult {
  const { page, engine } = context;
  const expected = expectationFor(scenario, page, engine);
  if (!expected) throw new Error(`Scenario ${scenario.id} has no expectation for ${page}.`);
  const { prediction, server, reached } = judgeExchange(
    scenario.request,
    scenario.setup ?? [],
    alsoReachedBy(scenario),
    context,
    runId,
    observed,
    logs,
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
    durationMs,
    steps,
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

/** The run's entries in the log of every server it may have reached, each with its target. */
function collectLogs(targets: readonly TargetRole[], logs: RunLogReader): RunLogs {
  const unreadable = new Set<LogSource>();
  const entries = [...new Set(targets.map(logSource))].flatMap((source) => {
    // Nothing listens on the closed port, so nothing can have reached it.
    if (source === 'closed-port') return [];
    const log = logs(source);
    if (!log) {
      unreadable.add(source);
      return [];
    }
    return log.map((entry) => ({
      target: (entry.listener && LISTENER_TARGET[entry.listener]) || source,
      entry,
    }));
  });
  return { entries, unreadable };
}
