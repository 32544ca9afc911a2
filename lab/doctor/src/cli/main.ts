// The cors-doctor command: parse, send, report, and an exit code a script can act on.
import { diagnose } from '../diagnose/diagnose.js';
import { ENGINES } from '../diagnose/types.js';
import { humanReport } from '../report/human.js';
import { jsonReport } from '../report/json.js';
import { paintFor } from '../report/paint.js';
import { scan, scanLines } from '../scan/scan.js';
import { DEFAULT_SEND_LIMITS } from '../send/send-exchange.js';
import { UnreachableError } from '../send/unreachable.js';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './args.js';

export const EXIT = { allowed: 0, blocked: 1, usage: 2, unreachable: 3 } as const;

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

/** Runs the command and resolves with its exit code; never throws for bad input or a dead server. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.allowed;
    }
    options = parsed.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`cors-doctor: ${error.message}\n`);
    return EXIT.usage;
  }
  return options.scan ? runScan(options, io) : runDiagnosis(options, io);
}

async function runDiagnosis(options: CliOptions, io: Io): Promise<number> {
  const diagnosis = await diagnose(options.request, {
    timeoutMs: options.timeoutMs,
    repeat: options.repeat,
    stack: options.stack,
  });
  if (options.json) io.stdout.write(jsonReport(diagnosis));
  if (diagnosis.unreachable) {
    // One line: nothing came back, so there is nothing for the engines to judge.
    io.stderr.write(`cors-doctor: ${diagnosis.unreachable.message} This is not a CORS answer.\n`);
    return EXIT.unreachable;
  }
  if (!options.json) io.stdout.write(humanReport(diagnosis, paintFor(io.stdout, io.env)));
  const allAllowed = ENGINES.every((engine) => diagnosis.engines[engine].outcome === 'allowed');
  return allAllowed ? EXIT.allowed : EXIT.blocked;
}

async function runScan(options: CliOptions, io: Io): Promise<number> {
  const { url, origin } = options.request;
  let report;
  try {
    report = await scan(url, origin, {
      timeoutMs: options.timeoutMs,
      maxBodyBytes: DEFAULT_SEND_LIMITS.maxBodyBytes,
      delayMs: options.delayMs,
      stack: options.stack,
    });
  } catch (error) {
    if (!(error instanceof UnreachableError)) throw error;
    io.stderr.write(`cors-doctor: ${error.message} This is not a CORS answer.\n`);
    return EXIT.unreachable;
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const paint = paintFor(io.stdout, io.env);
    const lines = [
      paint.bold(
        `cors-doctor --scan: ${report.probes.length} crafted origins sent to ${url}, one at a time`,
      ),
      `your origin ${origin}: ${report.baseline.granted ? 'allowed' : 'NOT allowed'} (Access-Control-Allow-Origin: ${report.baseline.allowOrigin ?? 'absent'})`,
      '',
      ...scanLines(report).map((line) => (line.includes('GRANTED') ? paint.red(line) : line)),
      '',
      report.fix
        ? `${paint.bold('Fix')}\n${report.fix}`
        : paint.green('No crafted origin was granted.'),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return report.grantedClasses.length > 0 ? EXIT.blocked : EXIT.allowed;
}
