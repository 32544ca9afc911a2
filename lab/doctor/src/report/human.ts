// The report a person reads: the exchanges with the headers that decided them, each engine's
// outcome, reason, console line and readable headers, then the fix in the server's own terms.
import type { DiagnosisWithFix } from '../diagnose/diagnose.js';
import { ENGINES, type CapturedExchange, type DoctorOutcome } from '../diagnose/types.js';
import { STACK_TITLES } from '../fix/stack.js';
import type { Paint } from './paint.js';

/** Response headers worth showing: the ones CORS reads, and the ones that name the server. */
const DECIDING = /^(access-control-|vary$|location$|server$|x-powered-by$|content-type$)/;

function outcomeColour(paint: Paint, outcome: DoctorOutcome): (text: string) => string {
  if (outcome === 'allowed') return paint.green;
  if (outcome === 'opaque' || outcome === 'opaqueredirect') return paint.yellow;
  return paint.red;
}

function exchangeLines(exchange: CapturedExchange, index: number, paint: Paint): string[] {
  const who =
    exchange.engines.length === ENGINES.length ? '' : `  [${exchange.engines.join(', ')}]`;
  const round = exchange.round > 1 ? ` (repeat ${exchange.round})` : '';
  const lines = [
    `${paint.bold(`${index + 1}. ${exchange.kind}${round}`)}  ${exchange.method} ${exchange.url}${who}`,
  ];
  for (const [name, value] of exchange.requestHeaders) {
    if (name.toLowerCase() === 'accept') continue;
    lines.push(`     > ${name}: ${value}`);
  }
  lines.push(`     < ${paint.bold(String(exchange.status))}`);
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (!DECIDING.test(name)) continue;
    for (const one of [value].flat()) lines.push(`     < ${name}: ${one}`);
  }
  return lines;
}

export function humanReport(diagnosis: DiagnosisWithFix, paint: Paint): string {
  const { request } = diagnosis;
  const out: string[] = [
    paint.bold(`cors-doctor: ${request.method} ${request.url}`),
    `from a page on ${request.origin} (credentials: ${request.credentials}, mode: ${request.mode}, redirect: ${request.redirect})`,
    '',
  ];
  if (diagnosis.exchanges.length > 0) {
    out.push(paint.bold('What went over the wire'));
    diagnosis.exchanges.forEach((exchange, index) =>
      out.push(...exchangeLines(exchange, index, paint)),
    );
    out.push('');
  } else {
    out.push('Nothing was sent: fetch() refuses this request before it leaves the page.', '');
  }

  out.push(paint.bold('What each engine does'));
  for (const engine of ENGINES) {
    const verdict = diagnosis.engines[engine];
    const colour = outcomeColour(paint, verdict.outcome);
    out.push(`  ${engine.padEnd(9)} ${colour(verdict.outcome.toUpperCase())}  ${verdict.reason}`);
    if (verdict.consoleMessage) {
      for (const line of verdict.consoleMessage.split('\n'))
        out.push(`            ${paint.dim(line)}`);
    }
    if (verdict.outcome === 'allowed') {
      out.push(`            readable headers: ${verdict.readableHeaders.join(', ') || '(none)'}`);
    }
    const reuses = verdict.preflightReused.slice(1);
    if (reuses.length > 0) {
      const words = reuses.map(
        (reused, index) => `repeat ${index + 2}: ${reused ? 'cached' : 'sent again'}`,
      );
      out.push(
        `            preflight (${verdict.preflightCacheSeconds} s cache): ${words.join(', ')}`,
      );
    }
  }
  out.push('');

  const explanations = [...new Set(ENGINES.map((engine) => diagnosis.engines[engine].explanation))];
  out.push(paint.bold('Why'));
  for (const explanation of explanations) out.push(explanation);
  out.push('');

  const fixes = [...new Set(ENGINES.map((engine) => diagnosis.engines[engine].fix))].filter(
    Boolean,
  );
  if (fixes.length > 0) {
    const stack = diagnosis.stack;
    out.push(
      paint.bold(
        `Fix (${STACK_TITLES[stack.stack]}; ${stack.evidence === '--stack' ? 'from --stack' : `from ${stack.evidence}`})`,
      ),
    );
    for (const fix of fixes) out.push(fix, '');
  }
  return out.join('\n').trimEnd() + '\n';
}
