import { SCANNER_CLASSES, SCANNER_CLASS_TITLES } from '@cors-lab/scenarios';
import { formatTable } from '../report/table.js';
import type { ProbeRunResult } from './probe-run.js';

/** The per-class table, then every failing probe with the exact request that produced it. */
export function formatProbeReport(result: ProbeRunResult): string {
  const rows: (string | number)[][] = [
    ['class', 'origins', 'sent', 'refused', 'other ACAO', 'FAILED', 'what it tries'],
  ];
  const total = { origins: 0, sent: 0, refused: 0, otherOrigin: 0, failed: 0 };
  for (const scannerClass of SCANNER_CLASSES) {
    const tally = result.tallies[scannerClass];
    rows.push([
      scannerClass,
      tally.origins,
      tally.sent,
      tally.refused,
      tally.otherOrigin,
      tally.failed,
      SCANNER_CLASS_TITLES[scannerClass],
    ]);
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += tally[key];
  }
  rows.push([
    'total',
    total.origins,
    total.sent,
    total.refused,
    total.otherOrigin,
    total.failed,
    '',
  ]);
  const lines = [formatTable(rows)];
  for (const [target, values] of result.otherOriginValues) {
    lines.push(`other ACAO: ${target} answers probes with the fixed ${[...values].join(', ')}`);
  }
  for (const finding of result.findings) {
    lines.push(
      `FAIL ${finding.verdict}: ${finding.target} (${finding.mode}) class ${finding.probe.scannerClass} from ${finding.probe.entry}\n` +
        `     request: ${finding.request}\n` +
        `     answer:  ${finding.status} Access-Control-Allow-Origin ${JSON.stringify(finding.allowOrigin)} Access-Control-Allow-Credentials ${JSON.stringify(finding.allowCredentials)}`,
    );
  }
  for (const error of result.errors) lines.push(`FAIL no answer: ${error}`);
  return lines.join('\n');
}
