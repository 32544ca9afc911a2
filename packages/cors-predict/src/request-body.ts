// The Fetch Standard's "extract a body": the Content-Type a body kind brings along, and whether
// the body can be sent again after a redirect (its source is kept) or not (a stream).
import type { RequestBody } from './types.js';

export interface ExtractedBody {
  /** The Content-Type the browser adds when the page sets none; `undefined` for none. */
  readonly contentType: string | undefined;
  /** A ReadableStream: nothing to re-send on a 307/308, and fetch() needs `duplex: 'half'`. */
  readonly stream: boolean;
}

const BODY_KINDS = [
  'string',
  'url-search-params',
  'form-data',
  'blob',
  'array-buffer',
  'readable-stream',
];

/** What Firefox sends for a ReadableStream it cannot upload: the stream's string conversion. */
export const STREAM_AS_TEXT = '[object ReadableStream]';

/** Blob() keeps a type only when every character is printable ASCII, and lowercases it. */
function blobType(type: string | undefined): string | undefined {
  if (type === undefined || type === '' || !/^[\x20-\x7e]*$/.test(type)) return undefined;
  return type.toLowerCase();
}

/**
 * @throws TypeError naming the value when `body` is not one of the kinds predict() knows.
 */
export function extractBody(body: RequestBody): ExtractedBody {
  switch (body.kind) {
    case 'string':
      return { contentType: 'text/plain;charset=UTF-8', stream: false };
    case 'url-search-params':
      return { contentType: 'application/x-www-form-urlencoded;charset=UTF-8', stream: false };
    case 'form-data':
      // The boundary is the engine's own random string; only the essence matters for CORS.
      return { contentType: 'multipart/form-data; boundary=----formdata', stream: false };
    case 'blob':
      return { contentType: blobType(body.type), stream: false };
    case 'array-buffer':
      return { contentType: undefined, stream: false };
    case 'readable-stream':
      return { contentType: undefined, stream: true };
    default:
      throw new TypeError(
        `predict(): request.body ${JSON.stringify(body)} is not a body kind predict() knows. ` +
          `Expected { kind } with kind one of ${BODY_KINDS.join(', ')} (a blob may add { type }). ` +
          "Fix: describe the body by its kind, e.g. { kind: 'blob', type: 'application/json' }.",
      );
  }
}
