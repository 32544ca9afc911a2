'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HeaderValue } from '@cors-lab/cors-policy';
import {
  LAB_ROUTES,
  MAIN_API_ROUTES,
  WEB_ROUTES,
  targetOrigin,
  type Origins,
  type PageOriginRole,
} from '@cors-lab/scenarios';
import {
  BODY_TYPES,
  CREDENTIALS_MODES,
  DEFAULT_LAB_STATE,
  LAB_TARGETS,
  REDIRECTING_ROUTES,
  REDIRECT_MODES,
  REQUEST_MODES,
  labRequest,
  labStateToParams,
  parseLabState,
  remoteRequest,
  type LabState,
  type LabTarget,
} from '../../lib/lab-state';
import { pageRoleFor } from '../../lib/page-role';
import { runToken } from '../../lib/run-token';
import { exchange, type Exchange } from '../../lib/run-scenario';
import { Outcome } from '../../components/outcome';
import { engineFromUserAgent } from '../../lib/engine';
import { observe } from '../../lib/observe';
import type { DiagnosisWithFix } from '@cors-lab/doctor';
import type { ReplayRequest } from '../../lib/replay-request';
import { RemoteResult, type RemoteRun } from './remote-result';

/** Posts the request to this app's server, which replays it with this page's origin. */
async function askDoctor(replay: ReplayRequest): Promise<RemoteRun['doctor']> {
  try {
    const response = await fetch('/api/lab/doctor', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(replay),
    });
    const body: unknown = await response.json();
    if (!response.ok) {
      return { error: (body as { error?: string }).error ?? `HTTP ${response.status}` };
    }
    return { report: body as DiagnosisWithFix };
  } catch (error) {
    return { error: String(error) };
  }
}

const TARGET_LABELS: Readonly<Record<LabTarget, string>> = {
  api: 'The API',
  'api-alt-port': 'The API on its wrong port',
  web: 'This app’s route handlers (/api/lab/echo, /edge/echo)',
  proxy: 'The dev proxy (/proxy/* on this page’s origin)',
  'closed-port': 'A port where nothing listens',
  remote: 'Your server (any URL; this app’s server replays it for the doctor)',
};

/** Paths each target answers, offered as suggestions in the path field. */
const API_PATHS = [
  ...LAB_ROUTES.map((route) => route.path),
  ...MAIN_API_ROUTES.map((route) => route.path.replace(':id', '1')),
];
const PATH_SUGGESTIONS: Readonly<Record<LabTarget, readonly string[]>> = {
  api: API_PATHS,
  'api-alt-port': API_PATHS,
  proxy: API_PATHS,
  'closed-port': API_PATHS,
  remote: [],
  web: WEB_ROUTES.flatMap((route) =>
    route.kind === 'route-handler'
      ? [route.path]
      : route.kind === 'next-proxy'
        ? [`${route.path}/echo`]
        : [],
  ),
};

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: Exchange; url: string }
  | { state: 'remote'; run: RemoteRun }
  | { state: 'error'; message: string };

export function LabRunner({ origins }: { origins: Origins }) {
  const [form, setForm] = useState<LabState>(DEFAULT_LAB_STATE);
  const [problems, setProblems] = useState<string[]>([]);
  const [page, setPage] = useState<PageOriginRole | undefined>();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const loaded = useRef(false);

  async function send(state: LabState, role: PageOriginRole | undefined) {
    if (!role) {
      setRun({
        state: 'error',
        message: `This page is served from ${window.location.origin}, none of the lab's page origins; open the lab from one of them.`,
      });
      return;
    }
    if (state.target === 'remote') {
      await sendRemote(state);
      return;
    }
    let request;
    try {
      request = labRequest(state);
    } catch (error) {
      setRun({ state: 'error', message: (error as Error).message });
      return;
    }
    setRun({ state: 'running' });
    const runId = `lab.${runToken()}`;
    try {
      const engine = engineFromUserAgent(navigator.userAgent);
      const result = await exchange(
        request,
        [],
        [],
        { origins, page: role, engine: engine === 'unknown' ? undefined : engine },
        runId,
      );
      const base = targetOrigin(origins, request.target, role);
      setRun({ state: 'done', result, url: `${base}${request.path.replace('{run}', runId)}` });
    } catch (error) {
      setRun({ state: 'error', message: String(error) });
    }
  }

  /** The browser sends the real request while the server replays it for the doctor's report. */
  async function sendRemote(state: LabState) {
    let remote;
    try {
      remote = remoteRequest(state);
    } catch (error) {
      setRun({ state: 'error', message: (error as Error).message });
      return;
    }
    setRun({ state: 'running' });
    const [observed, doctor] = await Promise.all([observe(remote.call), askDoctor(remote.replay)]);
    const engine = engineFromUserAgent(navigator.userAgent);
    setRun({ state: 'remote', run: { url: remote.call.url, observed, engine, doctor } });
  }

  useEffect(() => {
    // Once per page load: later runs come from the form.
    if (loaded.current) return;
    loaded.current = true;
    const params = new URLSearchParams(window.location.search);
    const parsed = parseLabState(params);
    const role = pageRoleFor(window.location.origin, origins);
    setForm(parsed.state);
    setProblems(parsed.problems);
    setPage(role);
    if (params.get('autorun') === '1') void send(parsed.state, role);
  }, [origins]);

  function update<K extends keyof LabState>(key: K, value: LabState[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const query = labStateToParams(form).toString();
    window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
    void send(form, page);
  }

  const outcome =
    run.state === 'done'
      ? run.result.observed.outcome
      : run.state === 'remote'
        ? run.run.observed.outcome
        : undefined;
  return (
    <div id="lab" data-state={run.state} data-outcome={outcome}>
      <form className="panel lab-form" onSubmit={submit} aria-label="Request">
        <div className="field">
          <label htmlFor="target">Target</label>
          <select
            id="target"
            value={form.target}
            onChange={(e) => update('target', e.target.value as LabTarget)}
          >
            {LAB_TARGETS.map((target) => (
              <option key={target} value={target}>
                {TARGET_LABELS[target]}
              </option>
            ))}
          </select>
        </div>
        {form.target === 'remote' ? (
          <div className="field wide">
            <label htmlFor="url">
              URL{' '}
              <span className="hint">
                any http(s) URL; the replay reaches loopback hosts unless LAB_REMOTE_TARGETS says
                more
              </span>
            </label>
            <input
              id="url"
              type="url"
              value={form.url}
              onChange={(e) => update('url', e.target.value)}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor="path">
              Path <span className="hint">the run id is added to the query</span>
            </label>
            <input
              id="path"
              type="text"
              list="paths"
              value={form.path}
              onChange={(e) => update('path', e.target.value)}
            />
            <datalist id="paths">
              {PATH_SUGGESTIONS[form.target].map((path) => (
                <option key={path} value={path} />
              ))}
            </datalist>
          </div>
        )}
        {form.target !== 'remote' && (
          <div className="field wide">
            <label htmlFor="redirecting">
              Redirecting target{' '}
              <span className="hint">an API route that answers with a redirect</span>
            </label>
            <select
              id="redirecting"
              value={
                form.target === 'api' && REDIRECTING_ROUTES.some((r) => r.path === form.path)
                  ? form.path
                  : ''
              }
              onChange={(e) => {
                if (e.target.value === '') return;
                setForm((previous) => ({ ...previous, target: 'api', path: e.target.value }));
              }}
            >
              <option value="">(none: the target and path above)</option>
              {REDIRECTING_ROUTES.map((route) => (
                <option key={route.path} value={route.path}>
                  {route.path}: {route.description}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="method">Method</label>
          <input
            id="method"
            type="text"
            list="methods"
            value={form.method}
            onChange={(e) => update('method', e.target.value)}
          />
          <datalist id="methods">
            {['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT'].map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </div>
        <ChoiceField
          name="credentials"
          label="Credentials"
          choices={CREDENTIALS_MODES}
          value={form.credentials}
          onChange={(value) => update('credentials', value)}
        />
        <ChoiceField
          name="mode"
          label="Mode"
          choices={REQUEST_MODES}
          value={form.mode}
          onChange={(value) => update('mode', value)}
        />
        <ChoiceField
          name="redirect"
          label="Redirect"
          choices={REDIRECT_MODES}
          value={form.redirect}
          onChange={(value) => update('redirect', value)}
        />
        <ChoiceField
          name="body"
          label="Body"
          choices={BODY_TYPES}
          value={form.body}
          onChange={(value) => update('body', value)}
        />
        <div className="field wide">
          <label htmlFor="headers">
            Headers <span className="hint">one “Name: value” per line</span>
          </label>
          <textarea
            id="headers"
            rows={3}
            value={form.headers}
            onChange={(e) => update('headers', e.target.value)}
          />
        </div>
        {form.body !== 'none' && (
          <div className="field wide">
            <label htmlFor="payload">
              Payload{' '}
              <span className="hint">
                {form.body === 'json'
                  ? 'JSON'
                  : form.body === 'text' || form.body === 'blob'
                    ? 'plain text'
                    : 'one name=value per line'}
              </span>
            </label>
            <textarea
              id="payload"
              rows={3}
              value={form.payload}
              onChange={(e) => update('payload', e.target.value)}
            />
          </div>
        )}
        {form.body === 'blob' && (
          <div className="field">
            <label htmlFor="blobType">
              Blob type <span className="hint">sent as Content-Type; empty for none</span>
            </label>
            <input
              id="blobType"
              type="text"
              list="blob-types"
              value={form.blobType}
              onChange={(e) => update('blobType', e.target.value)}
            />
            <datalist id="blob-types">
              {['application/json', 'text/plain', 'application/octet-stream'].map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </div>
        )}
        <div className="field wide">
          <button type="submit" disabled={run.state === 'running'}>
            Send from {page ? origins[page] : 'this page'}
          </button>
        </div>
      </form>

      {problems.length > 0 && (
        <ul className="note" aria-label="Problems with the link">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}

      <section aria-live="polite" aria-labelledby="result-heading">
        <h2 id="result-heading">Result</h2>
        {run.state === 'idle' && <p className="muted">Nothing sent yet.</p>}
        {run.state === 'running' && <p>Sending…</p>}
        {run.state === 'error' && (
          <p role="alert" className="bad">
            {run.message}
          </p>
        )}
        {run.state === 'done' && <LabResult result={run.result} url={run.url} />}
        {run.state === 'remote' && <RemoteResult run={run.run} />}
        {run.state === 'done' && form.target === 'proxy' && (
          <p className="note">
            Through the dev proxy the page only talks to its own origin, so the browser checks
            nothing; the Next.js server calls the API, and servers do not enforce CORS. A
            development convenience, not a production fix: <a href="/#dev-proxy">why</a>.
          </p>
        )}
      </section>
    </div>
  );
}

/** A labelled select over a fixed list of choices (the lab's enumerated request options). */
function ChoiceField<T extends string>({
  name,
  label,
  choices,
  value,
  onChange,
}: {
  name: string;
  label: string;
  choices: readonly T[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((choice) => (
          <option key={choice}>{choice}</option>
        ))}
      </select>
    </div>
  );
}

function LabResult({ result, url }: { result: Exchange; url: string }) {
  const { observed, prediction } = result;
  return (
    <>
      <dl className="facts">
        <dt>Request</dt>
        <dd>
          <code>{url}</code>
        </dd>
        <dt>Outcome</dt>
        <dd>
          <Outcome value={observed.outcome} />
          {observed.status !== undefined && <> status {observed.status}</>}
          {observed.error && (
            <>
              {' '}
              <code>
                {observed.error.name}: {observed.error.message}
              </code>
            </>
          )}
        </dd>
        <dt>Prediction</dt>
        <dd>
          <Outcome value={prediction.outcome} /> <span className="muted">{prediction.reason}</span>
          {prediction.outcome !== observed.outcome && (
            <span className="bad"> (differs from what this engine did)</span>
          )}
        </dd>
        {observed.outcome === 'allowed' && (
          <>
            <dt>Readable headers</dt>
            <dd>{observed.readableHeaders.join(', ') || 'none'}</dd>
          </>
        )}
      </dl>
      <h3>Why</h3>
      <p>{prediction.explanation}</p>
      {prediction.fix && (
        <>
          <h3>Fix</h3>
          <p>{prediction.fix}</p>
        </>
      )}
      <h3>Every request that reached a server</h3>
      <p className="muted">
        Each hop of a redirect chain, from the request logs, next to what predict() expected.
      </p>
      <ReachedTable result={result} />
      <h3>What the server sent</h3>
      <p className="muted">
        From the server&apos;s request log: a page cannot read a blocked response, the log can.
      </p>
      {!result.sentPreflight && !result.sentResponse && (
        <p>Nothing of this request reached a server that keeps a log.</p>
      )}
      {result.sentPreflight && (
        <SentHeaders
          title={`Preflight: OPTIONS → ${result.sentPreflight.status}`}
          headers={result.sentPreflight.responseHeaders}
        />
      )}
      {result.sentResponse && (
        <SentHeaders
          title={`${result.sentResponse.method} → ${result.sentResponse.status}`}
          headers={result.sentResponse.responseHeaders}
        />
      )}
      {result.observed.body !== undefined && (
        <>
          <h3>Body the page read</h3>
          <pre>{JSON.stringify(result.observed.body, null, 2)}</pre>
        </>
      )}
    </>
  );
}

function ReachedTable({ result }: { result: Exchange }) {
  const { reached, prediction } = result;
  const rows = Math.max(reached.length, prediction.exchanges.length);
  if (rows === 0) return <p>None.</p>;
  return (
    <table className="origins">
      <thead>
        <tr>
          <th scope="col">Logged</th>
          <th scope="col">Predicted</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, index) => {
          const seen = reached[index];
          const foreseen = prediction.exchanges[index];
          return (
            <tr key={index}>
              <td>
                {seen && (
                  <code>
                    {seen.method} {seen.target} {seen.path} → {seen.status} (Origin:{' '}
                    {seen.origin ?? 'none'})
                  </code>
                )}
              </td>
              <td>
                {foreseen && (
                  <code>
                    {foreseen.kind === 'preflight' ? 'OPTIONS' : foreseen.method} {foreseen.url}{' '}
                    (Origin: {foreseen.origin ?? 'none'})
                  </code>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SentHeaders({
  title,
  headers,
}: {
  title: string;
  headers: Readonly<Record<string, HeaderValue>>;
}) {
  return (
    <table className="origins">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <code>{Array.isArray(value) ? value.join(' | ') : String(value ?? '')}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
