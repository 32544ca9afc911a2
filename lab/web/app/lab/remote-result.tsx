'use client';

import type { DiagnosisWithFix } from '@cors-lab/doctor';
import { ENGINES, type Engine } from '@cors-lab/scenarios';
import { Outcome } from '../../components/outcome';
import type { Observation } from '@cors-lab/scenarios';

/** What the page posts and gets back for "your server": this browser's run and the doctor's report. */
export interface RemoteRun {
  url: string;
  observed: Observation;
  engine: Engine | 'unknown';
  doctor: { report: DiagnosisWithFix } | { error: string };
}

/** The doctor's outcomes that are not catalogue outcomes, shown as the nearest badge. */
function badge(outcome: string) {
  return outcome === 'opaqueredirect'
    ? 'opaque'
    : (outcome as 'allowed' | 'blocked' | 'opaque' | 'refused');
}

export function RemoteResult({ run }: { run: RemoteRun }) {
  const { observed, doctor } = run;
  const report = 'report' in doctor ? doctor.report : undefined;
  const mine = report && run.engine !== 'unknown' ? report.engines[run.engine] : undefined;
  return (
    <>
      <dl className="facts">
        <dt>Request</dt>
        <dd>
          <code>{run.url}</code>
        </dd>
        <dt>This browser ({run.engine})</dt>
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
          {mine && badge(mine.outcome) !== observed.outcome && (
            <span className="bad"> (the doctor says {mine.outcome} for this engine)</span>
          )}
        </dd>
      </dl>
      {'error' in doctor && (
        <p role="alert" className="bad">
          The server-side replay did not run: {doctor.error}
        </p>
      )}
      {report && (
        <>
          {report.unreachable && <p className="bad">{report.unreachable.message}</p>}
          <table className="origins" aria-label="The doctor, per engine">
            <caption>
              The doctor, per engine (the same exchange, replayed by this app&apos;s server)
            </caption>
            <thead>
              <tr>
                <th scope="col">Engine</th>
                <th scope="col">Outcome</th>
                <th scope="col">Console message</th>
                <th scope="col">Readable headers</th>
              </tr>
            </thead>
            <tbody>
              {ENGINES.map((engine) => {
                const verdict = report.engines[engine];
                return (
                  <tr key={engine} data-engine={engine} data-outcome={verdict.outcome}>
                    <th scope="row">{engine}</th>
                    <td>
                      <Outcome value={badge(verdict.outcome)} />{' '}
                      <span className="muted">{verdict.reason}</span>
                    </td>
                    <td>
                      <code>{verdict.consoleMessage || '—'}</code>
                    </td>
                    <td>{verdict.readableHeaders.join(', ') || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>Why</h3>
          <p>{report.engines.chromium.explanation}</p>
          {report.engines.chromium.fix && (
            <>
              <h3>Fix</h3>
              <pre>{report.engines.chromium.fix}</pre>
            </>
          )}
          <h3>What the server sent</h3>
          <p className="muted">
            Headers a page cannot read from a blocked response, captured by the replay.
          </p>
          {report.exchanges.map((exchange, index) => (
            <table className="origins" key={index}>
              <caption>
                {exchange.kind === 'preflight' ? 'Preflight: OPTIONS' : exchange.method}{' '}
                {exchange.url} (Origin: {exchange.origin ?? 'none'}) → {exchange.status}
              </caption>
              <tbody>
                {Object.entries(exchange.headers).map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>
                      <code>{[value].flat().join(' | ')}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </>
  );
}
