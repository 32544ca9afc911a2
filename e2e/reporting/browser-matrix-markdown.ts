// Renders the behaviour matrix as docs/browser-matrix.md: summary, where engines differ, every
// scenario per category, and the development-only runs (no web security, an Allow CORS extension).
import { CATEGORIES, ENGINES, type Engine } from '@cors-lab/scenarios';
import type { BrowserMatrix, DevelopmentOnlyRun, MatrixCell, MatrixRow } from './browser-matrix.js';

const ENGINE_LABEL: Record<Engine, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'WebKit',
};

// A table cell may not contain a raw pipe or line break.
const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function cell(item: MatrixCell | undefined): string {
  if (!item) return 'not run';
  const marks = [
    item.agreesWithExpectation ? '✓' : '✗ differs from the catalogue',
    item.agreesWithPrediction ? '' : `✗ predict() said ${item.predicted}`,
  ].filter(Boolean);
  const error = item.error ? `<br><small>${escapeCell(item.error)}</small>` : '';
  return `${item.observed} ${marks.join(' ')}${error}`;
}

function expectedCell(row: MatrixRow): string {
  const own = ENGINES.filter((engine) => row.engineExpected[engine] !== undefined).map(
    (engine) => `${ENGINE_LABEL[engine]}: ${row.engineExpected[engine]}*`,
  );
  return [row.expected, ...own].join('<br>');
}

function serverCell(row: MatrixRow): string {
  const server = row.expectedServer;
  if (!server) return 'no log';
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `${plural(server.preflights, 'preflight')}, ${plural(server.actual, 'request')}`;
}

function predictedCell(row: MatrixRow): string {
  const predictions = new Set(Object.values(row.engines).map((item) => item.predicted));
  return [...predictions].join(' / ') || '-';
}

function summary(matrix: BrowserMatrix): string[] {
  const lines = [
    '| Engine | Build (exact version) | Driven through | Scenarios | Runs (scenario x page origin) | Agree with the catalogue | predict() agrees |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const engine of matrix.engines) {
    lines.push(
      `| ${ENGINE_LABEL[engine.engine]} | ${engine.product} ${engine.version} | ${engine.source} build, ${engine.protocol} | ` +
        `${engine.scenarios} | ${engine.runs} | ${engine.agreeWithExpectation} of ${engine.runs} | ${engine.agreeWithPrediction} of ${engine.runs} |`,
    );
  }
  const origins = matrix.pageOrigins
    .map(({ page, origin }) => `\`${origin}\` (${page})`)
    .join(', ');
  lines.push('', `Page origins: ${origins}.`);
  return lines;
}

function differences(matrix: BrowserMatrix): string[] {
  const lines: string[] = [];
  for (const difference of matrix.engineDifferences) {
    lines.push(
      `### \`${difference.id}\` in ${ENGINE_LABEL[difference.engine]}`,
      '',
      `${difference.title}. ${difference.note} Source: <${difference.source}>`,
      '',
      `| Page origin | ${ENGINES.map((engine) => ENGINE_LABEL[engine]).join(' | ')} |`,
      `| --- | ${ENGINES.map(() => '---').join(' | ')} |`,
    );
    for (const shown of difference.shown) {
      const row = matrix.rows.find(
        (candidate) => candidate.id === difference.id && candidate.pageOrigin === shown.pageOrigin,
      );
      const observed = ENGINES.map((engine) => {
        const item = row?.engines[engine];
        const mark = item ? (item.agreesWithExpectation ? ' ✓' : ' ✗') : '';
        return `${escapeCell(shown.engines[engine] ?? 'not run')}${mark}`;
      });
      lines.push(`| \`${shown.pageOrigin}\` | ${observed.join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push(
    matrix.undocumentedDifferences.length === 0
      ? 'No other scenario ends differently in one engine than in the others.'
      : `Engines also differ, without a documented reason, in: ${matrix.undocumentedDifferences.join('; ')}.`,
  );
  return lines;
}

function errorTexts(matrix: BrowserMatrix): string[] {
  const lines = ['| Engine | What fetch() rejects with | Scenario runs |', '| --- | --- | ---: |'];
  for (const engine of ENGINES) {
    const counts = new Map<string, number>();
    for (const row of matrix.rows) {
      const error = row.engines[engine]?.error;
      if (error) counts.set(error, (counts.get(error) ?? 0) + 1);
    }
    for (const [error, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${ENGINE_LABEL[engine]} | \`${escapeCell(error)}\` | ${count} |`);
    }
  }
  return lines;
}

function scenarios(matrix: BrowserMatrix): string[] {
  const header = `| Scenario | Page origin | Expected | Reaches the API | ${matrix.engines
    .map((engine) => `${ENGINE_LABEL[engine.engine]} ${engine.version}`)
    .join(' | ')} | predict() |`;
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const rows = matrix.rows.filter((row) => row.category === category);
    if (rows.length === 0) continue;
    lines.push(
      `### ${category}`,
      '',
      header,
      `| --- | --- | --- | --- | ${matrix.engines.map(() => '---').join(' | ')} | --- |`,
    );
    for (const row of rows) {
      const engines = matrix.engines.map(({ engine }) => cell(row.engines[engine]));
      lines.push(
        `| \`${row.id}\`<br>${escapeCell(row.title)} | \`${row.pageOrigin}\` | ${expectedCell(row)} | ${serverCell(row)} | ${engines.join(' | ')} | ${predictedCell(row)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

// Each development-only run beside what the catalogue expects of normal Chromium.
function comparedWithChromium(run: DevelopmentOnlyRun, column: string): string[] {
  const lines = ['| Scenario | Normal Chromium | ' + column + ' |', '| --- | --- | --- |'];
  for (const item of run.nowReadable) {
    lines.push(`| \`${item.id}\` ${escapeCell(item.title)} | blocked | **${item.observed}** |`);
  }
  for (const item of run.stillBlocked) {
    const error = item.error ? ` (${escapeCell(item.error)})` : '';
    lines.push(`| \`${item.id}\` ${escapeCell(item.title)} | blocked | ${item.observed}${error} |`);
  }
  for (const item of run.alsoChanged) {
    lines.push(
      `| \`${item.id}\` ${escapeCell(item.title)} | ${item.expected} | **${item.observed}** |`,
    );
  }
  return lines;
}

function webSecurityOff(matrix: BrowserMatrix): string[] {
  const off = matrix.webSecurityOff;
  const lines = [
    "**Development only.** The seed article's third method: starting Chromium with `--disable-web-security` switches off the same-origin policy for that browser, so CORS stops applying. It fixes nothing for users; every other browser still enforces CORS. Never browse the web with it.",
    '',
  ];
  if (!off) return [...lines, 'Not run: the `chromium-insecure` project did not save a result.'];
  return [
    ...lines,
    `${off.product} ${off.version}, page \`${off.pageOrigin}\`: of the scenarios the catalogue expects normal Chromium to block there, ${off.nowReadable.length} became readable and ${off.stillBlocked.length} did not; ${off.alsoChanged.length} more ended differently than in normal Chromium.`,
    '',
    ...comparedWithChromium(off, 'With `--disable-web-security`'),
  ];
}

function corsExtension(matrix: BrowserMatrix): string[] {
  const run = matrix.corsExtension;
  const lines = [
    '**Development only.** The seed article\'s other client-side workaround: an "Allow CORS" browser extension. The `chromium-extension` project loads a real unpacked Manifest V3 extension, [`e2e/extensions/allow-cors`](../e2e/extensions/allow-cors/), whose `declarativeNetRequest` rule sets `Access-Control-Allow-Origin: *`, `Access-Control-Allow-Methods: *` and `Access-Control-Allow-Headers: *` on every fetch/XHR response. CORS still judges the rewritten headers: a `*` origin never satisfies a credentialed request, so the rule also breaks cookie requests the server allowed by exact origin; a preflight answered with a non-2xx status stays refused, whatever its headers; a port where nothing listens sends no response to rewrite. It fixes nothing for users, who do not have the extension.',
    '',
  ];
  if (!run) {
    return [...lines, 'Not run: the `chromium-extension` project did not save a result.'];
  }
  return [
    ...lines,
    `${run.product} ${run.version} with \`${run.extension ?? '(no extension named)'}\`, page \`${run.pageOrigin}\`: of the scenarios the catalogue expects normal Chromium to block there, ${run.nowReadable.length} became readable and ${run.stillBlocked.length} did not; ${run.alsoChanged.length} more ended differently than in normal Chromium (what the extension breaks).`,
    '',
    ...comparedWithChromium(run, 'With the extension'),
  ];
}

export function browserMatrixMarkdown(matrix: BrowserMatrix): string {
  return [
    '# Browser matrix',
    '',
    '<!-- Generated by e2e/reporting/write-matrix.ts from the last full e2e run; do not edit by hand. Regenerate: pnpm --filter @cors-lab/e2e report -->',
    '',
    `Generated ${matrix.generated} from one \`/matrix\` page load per engine and page origin (the e2e suite, \`pnpm test:e2e\`). The same data as JSON: [browser-matrix.json](./browser-matrix.json).`,
    '',
    "Each cell is what the page could observe: `allowed` (readable response), `blocked` (fetch() rejected), `opaque` (`no-cors`), `refused` (the Request was rejected before sending). ✓ means every fact the catalogue expects held (outcome, status, body, response headers, and what reached the API: the request log's count of preflights and other requests on the scenario's path); predict() is `@cors-lab/cors-policy` judging the headers the server actually sent. An expectation marked * is an engine's documented difference.",
    '',
    '## Summary',
    '',
    ...summary(matrix),
    '',
    '## Where engines really differ',
    '',
    ...differences(matrix),
    '',
    '## What each engine tells the page',
    '',
    'The page only ever gets a TypeError; the reason is in the console, not in the error.',
    '',
    ...errorTexts(matrix),
    '',
    '## Every scenario',
    '',
    ...scenarios(matrix),
    '## Chromium with `--disable-web-security` (development only)',
    '',
    ...webSecurityOff(matrix),
    '',
    '## A CORS-unblock extension (development only)',
    '',
    ...corsExtension(matrix),
    '',
    '## What the run cost',
    '',
    ...runCost(matrix),
    '',
  ].join('\n');
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`;

const times = (ratio: number | undefined) => (ratio === undefined ? '-' : `${ratio}×`);

// The launch floor, the ratio and the coarse phases; each page's split is in the JSON's `phases`.
function runCost(matrix: BrowserMatrix): string[] {
  if (!matrix.phases?.length) return ['No phases were recorded for this matrix.'];
  return [
    '| run | workers | load average | servers ready | launch floor | wall clock | ratio | floor with each engine alone | ratio to it | CPU time (cores busy) | processor bound |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...matrix.phases.map(
      (run) =>
        `| ${run.startedAt} | ${run.workers} on ${run.cores} cores | ${run.loadAverage.start.toFixed(1)} → ${run.loadAverage.end.toFixed(1)} | ${seconds(run.serversReadyMs)} | ${seconds(run.floorMs)} | ${seconds(run.wallMs)} | ${times(run.ratio)} | ${seconds(run.aloneFloor?.floorMs)} | ${times(run.aloneRatio)} | ${run.cpu ? `${seconds(run.cpu.busyMs)} (${Math.round(run.cpu.busyShare * 100)} %)` : '-'} | ${seconds(run.cpu?.boundMs)} |`,
    ),
  ];
}
