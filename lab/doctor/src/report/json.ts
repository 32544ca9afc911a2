// The --json form: the documented shape, `exchanges` and `engines`, plus the stack and reachability.
import type { DiagnosisWithFix } from '../diagnose/diagnose.js';

export function jsonReport(diagnosis: DiagnosisWithFix): string {
  return `${JSON.stringify(
    {
      exchanges: diagnosis.exchanges.map((exchange) => ({
        kind: exchange.kind,
        url: exchange.url,
        origin: exchange.origin,
        status: exchange.status,
        headers: exchange.headers,
        method: exchange.method,
        hop: exchange.hop,
        round: exchange.round,
        engines: exchange.engines,
        requestHeaders: exchange.requestHeaders,
      })),
      engines: diagnosis.engines,
      stack: diagnosis.stack,
      request: diagnosis.request,
      ...(diagnosis.unreachable && { unreachable: diagnosis.unreachable }),
    },
    null,
    2,
  )}\n`;
}
