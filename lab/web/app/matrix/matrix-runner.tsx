'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CATEGORIES,
  SCENARIOS,
  buildReport,
  scriptJson,
  type Category,
  type MatrixReport,
  type Origins,
  type ScenarioResult,
} from '@cors-lab/scenarios';
import { engineFromUserAgent } from '../../lib/engine';
import { pageRoleFor } from '../../lib/page-role';
import { runToken } from '../../lib/run-token';
import { runScenario } from '../../lib/run-scenario';
import { runScheduled } from '../../lib/schedule';
import { ScenarioRow } from './scenario-row';

/** Six requests in flight: what a browser opens per host over HTTP/1.1 anyway. */
const PARALLEL = 6;

type RunState =
  | { state: 'running' }
  | { state: 'done'; report: MatrixReport }
  | { state: 'error'; message: string };

export function MatrixRunner({ origins }: { origins: Origins }) {
  const [run, setRun] = useState<RunState>({ state: 'running' });
  const [results, setResults] = useState<Record<string, ScenarioResult>>({});
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

    runScheduled(
      applicable,
      async (scenario) => {
        const result = await runScenario(scenario, {
          origins,
          page: role,
          engine: engine === 'unknown' ? undefined : engine,
          runId: () => `${scenario.id}.${token}`,
        });
        setResults((previous) => ({ ...previous, [scenario.id]: result }));
        return result;
      },
      PARALLEL,
    ).then(
      (all) => {
        setRun({
          state: 'done',
          report: buildReport({
            pageOrigin: origin,
            page: role,
            engine,
            userAgent,
            startedAt: startedAt.toISOString(),
            durationMs: Math.round(performance.now() - started),
            results: all,
          }),
        });
      },
      (error: unknown) => setRun({ state: 'error', message: String(error) }),
    );
  }, [origins]);

  const finished = Object.keys(results).length;
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
            {finished} of {scenarios.length} run
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
          <progress max={Math.max(scenarios.length, 1)} value={finished} aria-label="Scenarios run">
            {finished} of {scenarios.length}
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
