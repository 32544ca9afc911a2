// The body a page passes to fetch(), and the bytes and Content-Type the browser derives from it
// (the Fetch Standard's "extract a body", which Node's own Response implements the same way).
import type { RequestBody } from '@cors-lab/scenarios';

/** The JavaScript type of the body passed to fetch(). */
export const BODY_KINDS = [
  'string',
  'urlsearchparams',
  'formdata',
  'blob',
  'arraybuffer',
  'stream',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface DoctorBody {
  kind: BodyKind;
  /** The text; for `urlsearchparams` and `formdata` the fields as `a=1&b=2`. */
  text: string;
  /** For `blob`: the Blob's `type` (`blob:application/json`). */
  blobType?: string;
}

/**
 * A catalogue request's body in the doctor's terms: the JavaScript type the page passes to fetch()
 * (the lab's /lab page and the doctor's matrix test both describe bodies this way).
 */
export function doctorBodyOf(body: RequestBody | undefined): DoctorBody | undefined {
  switch (body?.type) {
    case undefined:
      return undefined;
    case 'json':
      return { kind: 'string', text: JSON.stringify(body.value) };
    case 'text':
      return { kind: 'string', text: body.value };
    case 'urlencoded':
      return { kind: 'urlsearchparams', text: new URLSearchParams(body.value).toString() };
    case 'form-data':
      return { kind: 'formdata', text: new URLSearchParams(body.value).toString() };
    case 'blob':
      return body.contentType === undefined
        ? { kind: 'blob', text: body.value }
        : { kind: 'blob', text: body.value, blobType: body.contentType };
  }
}

export interface EncodedBody {
  bytes: Uint8Array;
  /** The Content-Type the browser adds when the page sets none; absent for ArrayBuffer and streams. */
  contentType: string | undefined;
}

/** Encodes the body as the browser would put it on the wire. */
export async function encodeBody(body: DoctorBody): Promise<EncodedBody> {
  const response = new Response(toBodyInit(body));
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, contentType: response.headers.get('content-type') ?? undefined };
}

function toBodyInit(body: DoctorBody): ConstructorParameters<typeof Response>[0] {
  const bytes = new TextEncoder().encode(body.text);
  switch (body.kind) {
    case 'string':
      return body.text;
    case 'urlsearchparams':
      return new URLSearchParams(body.text);
    case 'formdata': {
      const form = new FormData();
      for (const [name, value] of new URLSearchParams(body.text)) form.append(name, value);
      return form;
    }
    case 'blob':
      return new Blob([bytes], { type: body.blobType ?? '' });
    case 'arraybuffer':
      return bytes.buffer;
    case 'stream':
      return new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
  }
}
