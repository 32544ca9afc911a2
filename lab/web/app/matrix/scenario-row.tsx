import { memo } from 'react';
import type { Scenario, ScenarioResult } from '@cors-lab/scenarios';
import { InlineCode } from '../../components/inline-code';
import { Outcome } from '../../components/outcome';

// Memoised: the runner re-renders on every scenario sent, and a row only changes with its result.
export const ScenarioRow = memo(function ScenarioRow({
  scenario,
  result,
}: {
  scenario: Scenario;
  result?: ScenarioResult;
}) {
  const failed = result?.checks.filter((check) => !check.pass) ?? [];
  return (
    <tbody
      id={`scenario-${scenario.id}`}
      data-scenario={scenario.id}
      data-pass={result ? String(result.pass) : undefined}
    >
      <tr>
        <th scope="row">
          <span className="scenario-title">
            <InlineCode text={scenario.title} />
          </span>
          <span className="scenario-id">
            <code>{scenario.id}</code> · {scenario.category}
          </span>
        </th>
        <td>{result ? <Outcome value={result.expected.outcome} /> : <Pending />}</td>
        <td>{result ? <Outcome value={result.predicted.outcome} /> : <Pending />}</td>
        <td>{result ? <Outcome value={result.observed.outcome} /> : <Pending />}</td>
        <td>
          {result ? (
            result.pass ? (
              <span className="verdict good">Yes</span>
            ) : (
              <span className="verdict bad">No</span>
            )
          ) : (
            <Pending />
          )}
        </td>
      </tr>
      <tr className="details-row">
        <td colSpan={5}>
          <details>
            <summary>Why, the fix, and what reached the server</summary>
            <div className="details-grid">
              <div>
                <h3>Explanation</h3>
                <p>
                  <InlineCode text={scenario.explanation} />
                </p>
                <h3>Fix</h3>
                <p>
                  <InlineCode text={scenario.fix} />
                </p>
                {result?.engineNote && (
                  <p className="note">
                    This engine differs: <InlineCode text={result.engineNote.note} />{' '}
                    <a href={result.engineNote.source}>Source</a>
                  </p>
                )}
              </div>
              {result && (
                <div>
                  <h3>What this engine did</h3>
                  <p>
                    {describeObservation(result)}
                    {result.observed.error && (
                      <>
                        {' '}
                        Error: <code>{result.observed.error.message}</code>
                      </>
                    )}
                  </p>
                  <h3>
                    Prediction <span className="muted">({result.predicted.reason})</span>
                  </h3>
                  <p>{result.predicted.explanation}</p>
                  <h3>Reached the server</h3>
                  {result.reached.length === 0 ? (
                    <p>Nothing: no request of this run reached a server.</p>
                  ) : (
                    <ul className="log">
                      {result.reached.map((entry, index) => (
                        <li key={index}>
                          <code>
                            {entry.method} {entry.path}
                          </code>{' '}
                          → {entry.status}
                          {entry.origin !== undefined && (
                            <span className="muted"> (Origin: {entry.origin})</span>
                          )}{' '}
                          <span className="muted">on {entry.target}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {failed.length > 0 && (
                    <>
                      <h3>Differs from the catalogue</h3>
                      <ul className="checks">
                        {failed.map((check) => (
                          <li key={check.name}>
                            <code>{check.name}</code>: expected{' '}
                            <code>{JSON.stringify(check.expected)}</code>, saw{' '}
                            <code>{JSON.stringify(check.observed)}</code>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
            </div>
          </details>
        </td>
      </tr>
    </tbody>
  );
});

function Pending() {
  return <span className="muted">…</span>;
}

function describeObservation({ observed }: ScenarioResult): string {
  switch (observed.outcome) {
    case 'allowed':
      return `fetch() resolved with status ${observed.status}; readable headers: ${observed.readableHeaders.join(', ') || 'none'}.`;
    case 'opaque':
      return 'fetch() resolved with an opaque response: status 0, no headers, no body.';
    case 'blocked':
      return 'fetch() rejected with a TypeError after the request left the page.';
    case 'refused':
      return 'The Request constructor threw: the browser refused to send anything.';
  }
}
