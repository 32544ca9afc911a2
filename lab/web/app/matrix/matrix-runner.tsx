'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CATEGORIES,
  SCENARIOS,
  buildReport,
  scriptJson,
  type Category,
  type MatrixReport,
  targetOrigin,
  type Origins,
  type PageOriginRole,
  type Scenario,
  type ScenarioResult,
} from '@cors-lab/scenarios';
import { engineFromUserAgent } from '../../lib/engine';
import { pageRoleFor } from '../../lib/page-role';
import { runToken } from '../../lib/run-token';
import { judgeScenario, readPageLogs, sendScenario, type RunContext } from '../../lib/run-scenario';
import { runScheduled } from '../../lib/schedule';
import { ScenarioRow } from './scenario-row';

/** Six requests in flight: what a browser opens per host over HTTP/1.1 anyway. */
const PARALLEL = 6;

/** How often the count of scenarios sent is shown while they run. */
const PROGRESS_EVERY_MS = 250;

/** The hosts a scenario may send cookies to or receive them from: one cookie jar each. */
function cookieJarsOf(scenario: Scenario, origins: Origins, page: PageOriginRole): string[] {
  const requests = [...(scenario.setup ?? []), scenario.request];
  const hops = Object.values(scenario.expected).flatMap(
    (expectation) => expectation?.server?.alsoReached ?? [],
  );
  return [...requests, ...hops].map(
    ({ target }) => new URL(targetOrigin(origins, target, page)).hostname,
  );
}

type RunState =
  | { state: 'running' }
  | { state: 'done'; report: MatrixReport }
  | { state: 'error'; message: string };

export function MatrixRunner({ origins }: { origins: Origins }) {
  const [run, setRun] = useState<RunState>({ state: 'running' });
  const [results, setResults] = useState<Record<string, ScenarioResult>>({});
  // Results come all at once, after one read of the logs; this counts scenarios already sent.
  const [sentCount, setSentCount] = useState(0);
  const [pageOrigin, setPageOrigin] = useState('');
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [onlyFailures, setOnlyFailures] = useState(false);
  // Strict mode mounts twice in development; a second run would race the first for the cookie jar.
  const launched = useRef(false);

  const page = pageOrigin ? pageRoleFor(pageOrigin, origins) : undefined;
  const scenarios = useMemo(
    () => (page ? SCENARIOS.filter((scenario) => scenario.pageOrigins.includes(page)) : []),
    [page],
  );

  useEffect(() => {
    if (launched.current) return;
    launched.current = true;
    const origin = window.location.origin;
    setPageOrigin(origin);
    const role = pageRoleFor(origin, origins);
    if (!role) {
      const known = Object.values(origins).join(', ');
      setRun({
        state: 'error',
        message: `This page is served from ${origin}, which is none of the lab's page origins (${known}). Open /matrix from one of them, or set WEB_ORIGIN, WEB_ALT_PORT_ORIGIN or WEB_ALT_HOST_ORIGIN.`,
      });
      return;
    }
    const userAgent = navigator.userAgent;
    const engine = engineFromUserAgent(userAgent);
    const token = runToken();
    const startedAt = new Date();
    const started = performance.now();
    const applicable = SCENARIOS.filter((scenario) => scenario.pageOrigins.includes(role));

    const context: RunContext = {
      origins,
      page: role,
      engine: engine === 'unknown' ? undefined : engine,
      // The token leads, so one read of the logs by prefix finds every scenario of this page load.
      runId: (scenario) => `${token}.${scenario.id}`,
    };
    const ms = (since: number) => Math.round(performance.now() - since);

    // The progress shows at most a few times a second: a render per scenario sent would cost the
    // page more than the requests it shows.
    let sentSoFar = 0;
    let shown: ReturnType<typeof setTimeout> | undefined;
    const countSent = () => {
      sentSoFar += 1;
      shown ??= setTimeout(() => {
        shown = undefined;
        setSentCount(sentSoFar);
      }, PROGRESS_EVERY_MS);
    };

    (async () => {
      const sent = await runScheduled(
        applicable,
        async (scenario) => {
          const one = await sendScenario(scenario, context);
          countSent();
          return one;
        },
        PARALLEL,
        (scenario) => cookieJarsOf(scenario, origins, role),
      );
      const sendMs = ms(started);
      clearTimeout(shown);
      setSentCount(sentSoFar);
      const logsStarted = performance.now();
      const logsOf = await readPageLogs(applicable, context, `${token}.`);
      const logReadMs = ms(logsStarted);
      const judgeStarted = performance.now();
      const all = sent.map((one) => judgeScenario(one, context, logsOf(one.runId)));
      const judgeMs = ms(judgeStarted);
      setResults(Object.fromEntries(all.map((result) => [result.id, result])));
      return buildReport({
        pageOrigin: origin,
        page: role,
        engine,
        userAgent,
        startedAt: startedAt.toISOString(),
        durationMs: ms(started),
        phases: { sendMs, logReadMs, judgeMs },
        results: all,
      });
    })().then(
      (report) => setRun({ state: 'done', report }),
      (error: unknown) => setRun({ state: 'error', message: String(error) }),
    );
  }, [origins]);

  const visible = scenarios.filter(
    (scenario) =>
      (category === 'all' || scenario.category === category) &&
      (!onlyFailures || results[scenario.id]?.pass === false),
  );
  const counts = new Map(
    CATEGORIES.map((name) => [name, scenarios.filter((s) => s.category === name).length]),
  );

  return (
    <div id="matrix" data-state={run.state} data-page-origin={pageOrigin}>
      <section aria-labelledby="summary-heading" className="panel summary">
        <h2 id="summary-heading">This run</h2>
        <dl className="facts">
          <dt>Page origin</dt>
          <dd>
            <code>{pageOrigin || '…'}</code> {page && <span className="muted">({page})</span>}
          </dd>
          <dt>Scenarios</dt>
          <dd>
            {sentCount} of {scenarios.length} sent
          </dd>
          {run.state === 'done' && (
            <>
              <dt>Agree with the catalogue</dt>
              <dd>
                <strong>{run.report.passed}</strong> of {run.report.total}
                {run.report.failed > 0 && (
                  <span className="bad"> ({run.report.failed} differ)</span>
                )}
              </dd>
              <dt>predict() agrees with the engine</dt>
              <dd>
                {run.report.total - run.report.predictionDisagreements} of {run.report.total}
              </dd>
              <dt>Time</dt>
              <dd>{(run.report.durationMs / 1000).toFixed(1)} s</dd>
              <dt>Engine</dt>
              <dd>
                {run.report.engine} <span className="muted">{run.report.userAgent}</span>
              </dd>
            </>
          )}
        </dl>
        {run.state === 'running' && (
          <progress
            max={Math.max(scenarios.length, 1)}
            value={sentCount}
            aria-label="Scenarios sent"
          >
            {sentCount} of {scenarios.length}
          </progress>
        )}
        {run.state === 'error' && (
          <p role="alert" className="bad">
            {run.message}
          </p>
        )}
        <p aria-live="polite" className="visually-hidden">
          {run.state === 'done' ? `All ${run.report.total} scenarios have run.` : ''}
        </p>
      </section>

      <form className="filters" aria-label="Filter scenarios" onSubmit={(e) => e.preventDefault()}>
        <label>
          Category{' '}
          <select
            value={category}
            onChange={(event) => setCategory(event.target.value as Category | 'all')}
          >
            <option value="all">All ({scenarios.length})</option>
            {CATEGORIES.filter((name) => (counts.get(name) ?? 0) > 0).map((name) => (
              <option key={name} value={name}>
                {name} ({counts.get(name)})
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={onlyFailures}
            onChange={(event) => setOnlyFailures(event.target.checked)}
          />{' '}
          Only scenarios that differ from the catalogue
        </label>
      </form>

      <table className="matrix">
        <caption className="visually-hidden">
          Scenarios with the expected, predicted and observed outcome
        </caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Expected</th>
            <th scope="col">Predicted</th>
            <th scope="col">Observed</th>
            <th scope="col">Agrees</th>
          </tr>
        </thead>
        {visible.map((scenario) => (
          <ScenarioRow key={scenario.id} scenario={scenario} result={results[scenario.id]} />
        ))}
      </table>

      {run.state === 'done' && (
        <script
          type="application/json"
          id="results"
          dangerouslySetInnerHTML={{ __html: scriptJson(run.report) }}
        />
      )}
    </div>
  );
}
