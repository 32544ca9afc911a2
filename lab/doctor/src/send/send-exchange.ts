// One HTTP exchange with a real server, the way a browser's network stack puts it on the wire:
// one fresh connection, no cookies, no redirect following, a deadline and a byte budget.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { timedOut, toUnreachable } from './unreachable.js';

/** Response headers as sent: lowercased names, a list when a name came more than once. */
export type RawHeaders = Record<string, string | string[]>;

/** A request to put on the wire. */
export interface OutgoingRequest {
  method: string;
  url: string;
  /** Name/value pairs in order; names as the browser writes them. */
  headers: readonly (readonly [string, string])[];
  body?: Uint8Array;
}

/** What came back. */
export interface ReceivedResponse {
  status: number;
  headers: RawHeaders;
  /** Body bytes read (at most `maxBodyBytes`). */
  bodyBytes: number;
  /** The body went on past `maxBodyBytes` and the rest was not read. */
  bodyTruncated: boolean;
  /** The first bytes of the body as text, for the report. */
  bodyPreview: string;
}

export interface SendLimits {
  /** The whole exchange, connection to last body byte read. */
  timeoutMs: number;
  /** Body bytes read before the connection is dropped; headers are capped by Node's 16 KiB limit. */
  maxBodyBytes: number;
}

export const DEFAULT_SEND_LIMITS: SendLimits = { timeoutMs: 10_000, maxBodyBytes: 64 * 1024 };

const PREVIEW_CHARS = 200;

/**
 * Sends one request and reads the answer within `limits`.
 * @throws UnreachableError when no complete response head arrives (DNS, refused, TLS, timeout, not HTTP).
 */
export function sendExchange(
  outgoing: OutgoingRequest,
  limits: SendLimits = DEFAULT_SEND_LIMITS,
): Promise<ReceivedResponse> {
  const url = new URL(outgoing.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    let body: BodyReader | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      outcome();
    };
    const request = send(url, {
      method: outgoing.method,
      // No pooling: every exchange opens its own connection and closes it.
      agent: false,
      headers: headerObject(outgoing.headers, outgoing.body),
    });
    const timer = setTimeout(() => {
      // A head that arrived counts; only a body still trickling in is cut short.
      if (body) finish(() => resolve(body!.result(true)));
      else finish(() => reject(timedOut(url, limits.timeoutMs)));
    }, limits.timeoutMs);
    request.once('error', (error) =>
      finish(() => reject(toUnreachable(error, url, limits.timeoutMs))),
    );
    request.once('response', (response) => {
      body = new BodyReader(response, limits.maxBodyBytes, (truncated) =>
        finish(() => resolve(body!.result(truncated))),
      );
    });
    request.end(outgoing.body);
  });
}

/** Node's header object: repeated names become one array entry, the body's length is declared. */
function headerObject(
  headers: OutgoingRequest['headers'],
  body: Uint8Array | undefined,
): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [name, value] of headers) {
    const existing = object[name];
    object[name] = existing === undefined ? value : [existing, value].flat();
  }
  if (body !== undefined) object['Content-Length'] = String(body.byteLength);
  return object;
}

/** Keeps every occurrence: a doubled Access-Control-Allow-Origin is a finding, not noise. */
export function rawHeaders(raw: readonly string[]): RawHeaders {
  const headers: RawHeaders = {};
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = (raw[index] ?? '').toLowerCase();
    const value = raw[index + 1] ?? '';
    const existing = headers[name];
    headers[name] = existing === undefined ? value : [existing, value].flat();
  }
  return headers;
}

/** Reads a response body up to a byte budget, keeping the first bytes for the report. */
class BodyReader {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(
    private readonly response: IncomingMessage,
    private readonly maxBytes: number,
    onDone: (truncated: boolean) => void,
  ) {
    response.on('data', (chunk: Buffer) => {
      const room = this.maxBytes - this.bytes;
      this.chunks.push(chunk.subarray(0, Math.max(0, room)));
      this.bytes += Math.min(chunk.length, room);
      if (chunk.length > room) onDone(true);
    });
    response.once('end', () => onDone(false));
    // A body that stops mid-way (the server closed early) still leaves a usable response head.
    response.once('aborted', () => onDone(false));
    response.once('error', () => onDone(false));
  }

  result(bodyTruncated: boolean): ReceivedResponse {
    const preview = Buffer.concat(this.chunks)
      .subarray(0, PREVIEW_CHARS * 4)
      .toString('utf8');
    return {
      status: this.response.statusCode ?? 0,
      headers: rawHeaders(this.response.rawHeaders),
      bodyBytes: this.bytes,
      bodyTruncated,
      bodyPreview: preview.slice(0, PREVIEW_CHARS),
    };
  }
}
