// What the lab page posts to /api/lab/doctor: the request it just sent to "your server", without
// the origin (the server takes that from the page's own Origin header).
import type { DoctorBody, DoctorRequest } from '@cors-lab/doctor';

export type ReplayRequest = Required<
  Pick<DoctorRequest, 'url' | 'method' | 'credentials' | 'mode'>
> & { headers: [string, string][]; body?: DoctorBody };

const CREDENTIALS = ['omit', 'same-origin', 'include'];
const MODES = ['cors', 'no-cors', 'same-origin'];
const BODY_KINDS = ['string', 'urlsearchparams', 'formdata', 'blob', 'arraybuffer', 'stream'];

const isString = (value: unknown): value is string => typeof value === 'string';

/** Checks a posted replay request; a string names what is wrong and how to send it right. */
export function parseReplayRequest(text: string): ReplayRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'The replay request is not JSON: post { url, method, headers, credentials, mode, body? }.';
  }
  const record = (value ?? {}) as Record<string, unknown>;
  const { url, method, headers, credentials, mode, body } = record;
  if (!isString(url) || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return `url ${JSON.stringify(url)} is not an http(s) URL: write it absolute, e.g. http://localhost:8000/api.`;
  }
  if (!isString(method) || method === '') return 'method must be a non-empty string such as "GET".';
  if (
    !Array.isArray(headers) ||
    !headers.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(isString))
  ) {
    return 'headers must be a list of [name, value] pairs of strings.';
  }
  if (!isString(credentials) || !CREDENTIALS.includes(credentials)) {
    return `credentials ${JSON.stringify(credentials)} is not one of ${CREDENTIALS.join(', ')}.`;
  }
  if (!isString(mode) || !MODES.includes(mode)) {
    return `mode ${JSON.stringify(mode)} is not one of ${MODES.join(', ')}.`;
  }
  const replay: ReplayRequest = {
    url,
    method,
    headers: headers as [string, string][],
    credentials: credentials as ReplayRequest['credentials'],
    mode: mode as ReplayRequest['mode'],
  };
  if (body === undefined) return replay;
  const { kind, text: bodyText } = (body ?? {}) as Record<string, unknown>;
  if (!isString(kind) || !BODY_KINDS.includes(kind) || !isString(bodyText)) {
    return `body must be { kind, text } with kind one of ${BODY_KINDS.join(', ')}.`;
  }
  return { ...replay, body: { kind: kind as DoctorBody['kind'], text: bodyText } };
}
