// The human-readable report: one table per measure, then the goals.
import type { BenchReport } from './report.js';
import type { Spread } from './spread.js';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const whole = (value: number): string => Math.round(value).toLocaleString('en-US');
const ratio = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? '' : value.toFixed(3);
const spread = (figure: Spread, show: (value: number) => string): string =>
  `${show(figure.min)}–${show(figure.max)} (${figure.spreadPercent.toFixed(1)} %)`;

export function formatReport(report: BenchReport): string {
  const env = report.environment;
  const parts = [
    `Node ${env.node}, Express ${env.express}, cors ${env.cors}, Next.js ${env.next}, ` +
      `valgrind ${env.valgrind ?? '(not used)'}, ${env.cores} x ${env.cpu}, ${env.date}`,
    `Load average at start: ${env.loadAverageAtStart.join(', ')}`,
  ];
  if (report.instructions) {
    parts.push(
      '',
      'Instructions per request (callgrind; the least of the windows is the figure)',
      table(
        ['case', 'least', 'median', 'max', 'bytes/req', 'vs baseline', 'vs floor'],
        report.instructions.cases.map((row) => [
          row.label,
          whole(row.instructionsPerRequest.min),
          whole(row.instructionsPerRequest.median),
          whole(row.instructionsPerRequest.max),
          whole(row.allocatedBytesPerRequest),
          ratio(row.vsBaseline),
          ratio(row.vsFloor),
        ]),
      ),
    );
  }
  const micro = report.instructions?.cases.filter((row) => row.instructionsPerCall !== undefined);
  if (micro !== undefined && micro.length > 0) {
    parts.push(
      '',
      'Instructions per call (micro cases: least count above the baseline, divided by the calls)',
      table(
        ['case', 'per call', 'calls/request', 'baseline'],
        micro.map((row) => [
          row.label,
          (row.instructionsPerCall ?? NaN).toFixed(1),
          whole(row.callsPerRequest ?? NaN),
          row.baseline,
        ]),
      ),
    );
  }
  if (report.throughput) {
    parts.push(
      '',
      'Throughput (autocannon; noisy on a shared machine)',
      table(
        [
          'case',
          'req/s',
          'runs min–max (spread)',
          'vs baseline',
          'vs floor',
          'CPU µs/req',
          'CPU vs baseline',
          'CPU vs floor',
        ],
        report.throughput.cases.map((row) => [
          row.label,
          whole(row.requestsPerSecond.median),
          spread(row.requestsPerSecond, whole),
          ratio(row.throughputVsBaseline),
          ratio(row.throughputVsFloor),
          row.cpuMicrosPerRequest.median.toFixed(1),
          ratio(row.cpuVsBaseline),
          ratio(row.cpuVsFloor),
        ]),
      ),
    );
  }
  if (report.goals.length > 0) {
    parts.push(
      '',
      ...report.goals.map((g) => `${g.met ? 'MET   ' : 'MISSED'} ${g.goal}: ${g.measured}`),
    );
  }
  parts.push(`Took ${report.elapsedSeconds} s.`);
  return parts.join('\n');
}
