// cors-doctor's command line: every value checked up front, each mistake named with its fix.
import { parseArgs } from 'node:util';
import type { CredentialsMode, RequestMode } from '@cors-lab/cors-predict';
import { BODY_KINDS, type BodyKind, type DoctorBody } from '../diagnose/body.js';
import type { DoctorRequest, RedirectMode } from '../diagnose/types.js';
import { STACKS, type StackChoice } from '../fix/stack.js';

/** A mistake on the command line: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliOptions {
  request: DoctorRequest;
  stack: StackChoice;
  json: boolean;
  timeoutMs: number;
  repeat: number;
  scan: boolean;
  delayMs: number;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; options: CliOptions };

export const USAGE = `Usage: cors-doctor <url> --origin <page origin> [options]

Sends the request a page on <page origin> would make with fetch() to <url>, for real, and says
what Chromium, Firefox and WebKit do with the answer, why, and how to fix the server.

  --origin O          the page's origin, e.g. http://localhost:3000 (required)
  --method M          default GET
  --header 'N: v'     a request header the page sets (repeatable)
  --credentials C     omit | same-origin | include (default same-origin)
  --mode M            cors | no-cors | same-origin (default cors)
  --redirect R        follow | manual | error (default follow)
  --body TEXT         a request body (fields as a=1&b=2 for urlsearchparams and formdata)
  --body-kind K       string | urlsearchparams | formdata | blob:<type> | arraybuffer | stream
                      (default string)
  --repeat N          send the whole fetch() N times in a row, to show preflight caching
  --stack S           express | cors | cors-policy | next | flask | nginx | auto (default auto)
  --json              print one JSON object instead of the report
  --timeout T         per exchange, in ms or with a unit: 5000, 5s (default 10s)
  --scan              send the scanner-class Origin probes instead, and report what is granted
  --delay T           with --scan: pause between probes, e.g. 200ms (default 0)
  -h, --help          this text

Exit codes: 0 every engine allows, 1 any engine blocks (or --scan found a grant),
2 usage error, 3 the server could not be reached (not a CORS answer).`;

const CREDENTIALS = ['omit', 'same-origin', 'include'] as const;
const MODES = ['cors', 'no-cors', 'same-origin'] as const;
const REDIRECTS = ['follow', 'manual', 'error'] as const;
const STACK_CHOICES = [...STACKS, 'auto'] as const;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MAX_REPEAT = 20;
const MAX_TIMEOUT_MS = 600_000;

/** Parses argv (without `node` and the script). @throws UsageError naming the bad value. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        origin: { type: 'string' },
        method: { type: 'string' },
        header: { type: 'string', multiple: true },
        credentials: { type: 'string' },
        mode: { type: 'string' },
        redirect: { type: 'string' },
        body: { type: 'string' },
        'body-kind': { type: 'string' },
        repeat: { type: 'string' },
        stack: { type: 'string' },
        json: { type: 'boolean' },
        timeout: { type: 'string' },
        scan: { type: 'boolean' },
        delay: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = (error as Error).message.replaceAll(/\s*\n\s*/g, ' ');
    throw new UsageError(`${message} Run cors-doctor --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Give the URL to diagnose: cors-doctor https://api.example.com/path --origin https://app.example.com'
        : `Give exactly one URL; got ${positionals.map((value) => JSON.stringify(value)).join(', ')}. Quote a URL that contains & or spaces.`,
    );
  }
  if (values.origin === undefined) {
    throw new UsageError(
      "--origin is required: the origin of the page that calls the URL, e.g. --origin http://localhost:3000 (the page's location.origin).",
    );
  }
  const body = parseBody(values.body, values['body-kind']);
  const request: DoctorRequest = {
    url: parseUrl(positionals[0] ?? ''),
    origin: parseOrigin(values.origin),
    method: parseMethod(values.method ?? 'GET'),
    headers: (values.header ?? []).map(parseHeader),
    credentials: oneOf<CredentialsMode>(
      '--credentials',
      values.credentials,
      CREDENTIALS,
      'same-origin',
    ),
    mode: oneOf<RequestMode>('--mode', values.mode, MODES, 'cors'),
    redirect: oneOf<RedirectMode>('--redirect', values.redirect, REDIRECTS, 'follow'),
    ...(body && { body }),
  };
  return {
    kind: 'run',
    options: {
      request,
      stack: oneOf<StackChoice>('--stack', values.stack, STACK_CHOICES, 'auto'),
      json: values.json ?? false,
      timeoutMs: parseDuration('--timeout', values.timeout ?? '10s', 1, MAX_TIMEOUT_MS),
      repeat: parseRepeat(values.repeat),
      scan: values.scan ?? false,
      delayMs: parseDuration('--delay', values.delay ?? '0', 0, MAX_TIMEOUT_MS),
    },
  };
}

function parseUrl(raw: string): string {
  if (!URL.canParse(raw)) {
    throw new UsageError(
      `${JSON.stringify(raw)} is not a URL: write it absolute, with its scheme, e.g. http://localhost:8000/api/notes.`,
    );
  }
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `${JSON.stringify(raw)} uses the scheme ${url.protocol}, which the doctor cannot send and CORS does not apply to: use an http:// or https:// URL.`,
    );
  }
  return url.href;
}

function parseOrigin(raw: string): string {
  if (raw === 'null') return raw;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(
      `--origin ${JSON.stringify(raw)} is not an origin: write scheme://host[:port] with http or https, e.g. http://localhost:3000, or null for a sandboxed page.`,
    );
  }
  if (url.origin !== raw) {
    throw new UsageError(
      `--origin ${JSON.stringify(raw)} is not a bare origin (browsers send no path, trailing slash or default port): use --origin ${url.origin}.`,
    );
  }
  return raw;
}

function parseMethod(raw: string): string {
  if (!TOKEN.test(raw)) {
    throw new UsageError(
      `--method ${JSON.stringify(raw)} is not an HTTP method (letters, digits and !#$%&'*+-.^_\`|~ only): e.g. --method PUT.`,
    );
  }
  return raw;
}

function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  if (colon <= 0) {
    throw new UsageError(
      `--header ${JSON.stringify(raw)} has no name: write it as 'Name: value', e.g. --header 'Content-Type: application/json'.`,
    );
  }
  const name = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (!TOKEN.test(name)) {
    throw new UsageError(
      `--header ${JSON.stringify(raw)}: ${JSON.stringify(name)} is not a valid header name (no spaces or separators such as ()<>@,;:"/[]?={}): fix the name.`,
    );
  }
  if (/[\r\n]/.test(value) || value.includes('\u0000')) {
    throw new UsageError(
      `--header ${JSON.stringify(raw)}: the value contains CR, LF or NUL, which would split the request: remove them.`,
    );
  }
  if ([...value].some((character) => character.charCodeAt(0) > 0xff)) {
    throw new UsageError(
      `--header ${JSON.stringify(raw)}: the value has characters beyond Latin-1, which fetch() refuses: percent-encode them.`,
    );
  }
  return [name, value];
}

function parseBody(text: string | undefined, kind: string | undefined): DoctorBody | undefined {
  if (text === undefined && kind === undefined) return undefined;
  const raw = kind ?? 'string';
  const blob = /^blob(?::(.*))?$/.exec(raw);
  if (blob) return { kind: 'blob', text: text ?? '', blobType: blob[1] ?? '' };
  if (!(BODY_KINDS as readonly string[]).includes(raw)) {
    throw new UsageError(
      `--body-kind ${JSON.stringify(raw)} is not one of string, urlsearchparams, formdata, blob:<type>, arraybuffer, stream: e.g. --body-kind blob:application/json.`,
    );
  }
  return { kind: raw as BodyKind, text: text ?? '' };
}

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  const found = allowed.find((candidate) => candidate === raw);
  if (found === undefined) {
    throw new UsageError(
      `${flag} ${JSON.stringify(raw)} is not one of ${allowed.join(', ')}: pick one, e.g. ${flag} ${fallback}.`,
    );
  }
  return found;
}

function parseRepeat(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_REPEAT) {
    throw new UsageError(
      `--repeat ${JSON.stringify(raw)} is not a whole number from 1 to ${MAX_REPEAT}: e.g. --repeat 2.`,
    );
  }
  return value;
}

/** `5000`, `5000ms`, `5s` -> milliseconds within [min, max]. */
function parseDuration(flag: string, raw: string, min: number, max: number): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw.trim());
  const value = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : Number.NaN;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(
      `${flag} ${JSON.stringify(raw)} is not a duration from ${min} ms to ${max / 1000} s: write milliseconds or seconds, e.g. ${flag} 5s.`,
    );
  }
  return Math.round(value);
}
