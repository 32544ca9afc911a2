import { doctorBodyOf } from '@cors-lab/doctor/body';
import {
  LAB_ROUTES,
  requestHeaders,
  type CredentialsMode,
  type JsonValue,
  type LabRoute,
  type RedirectMode,
  type RequestBody,
  type RequestMode,
  type ScenarioRequest,
  type TargetRole,
} from '@cors-lab/scenarios';
import { requestInit, type FetchCall } from './fetch-call';
import type { ReplayRequest } from './replay-request';

/**
 * Where the lab sends its request: the catalogue's targets, with the dev proxy named as such, and
 * `remote`, any URL ("your server"), which the web server also replays for the doctor.
 */
export const LAB_TARGETS = [
  'api',
  'api-alt-port',
  'web',
  'proxy',
  'closed-port',
  'remote',
] as const;
export type LabTarget = (typeof LAB_TARGETS)[number];

export const BODY_TYPES = ['none', 'json', 'text', 'urlencoded', 'form-data', 'blob'] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const CREDENTIALS_MODES = ['same-origin', 'include', 'omit'] as const;
export const REQUEST_MODES = ['cors', 'no-cors', 'same-origin'] as const;
export const REDIRECT_MODES = ['follow', 'manual', 'error'] as const satisfies RedirectMode[];

/**
 * The API's routes that answer with a redirect (to another origin, back to the page, to the
 * trailing-slash path, or the http→https stand-in), offered as ready-made redirecting targets.
 */
export const REDIRECTING_ROUTES: readonly LabRoute[] = LAB_ROUTES.filter(
  (route) =>
    route.response.kind === 'redirect' ||
    route.response.kind === 'upgrade' ||
    route.response.kind === 'append-slash',
);

/** Everything the lab form holds; all of it lives in the URL so a case is a link. */
export interface LabState {
  target: LabTarget;
  /** Path and query on the target, starting with `/`. */
  path: string;
  /** For the `remote` target: the whole URL. */
  url: string;
  method: string;
  /** One `Name: value` per line. */
  headers: string;
  body: BodyType;
  /** JSON for `json`, the text for `text` and `blob`, one `name=value` per line for the form encodings. */
  payload: string;
  /** The `type` of a `blob` body, which fetch() sends as the Content-Type; empty for none. */
  blobType: string;
  credentials: CredentialsMode;
  mode: RequestMode;
  redirect: RedirectMode;
}

export const DEFAULT_LAB_STATE: LabState = {
  target: 'api',
  path: '/lab/exact',
  url: 'http://localhost:8000/api/health',
  method: 'GET',
  headers: '',
  body: 'none',
  payload: '',
  blobType: '',
  credentials: 'same-origin',
  mode: 'cors',
  redirect: 'follow',
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Reads the lab's state from a query string; unknown values fall back to the default, with a note. */
export function parseLabState(params: URLSearchParams): { state: LabState; problems: string[] } {
  const problems: string[] = [];
  const pick = <T extends string>(name: keyof LabState, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const value = oneOf(allowed, raw);
    if (value === undefined) {
      problems.push(
        `${name}=${JSON.stringify(raw)} is not one of ${allowed.join(', ')}; using ${fallback}.`,
      );
      return fallback;
    }
    return value;
  };
  let path = params.get('path') ?? DEFAULT_LAB_STATE.path;
  if (!path.startsWith('/')) {
    problems.push(`path=${JSON.stringify(path)} must start with "/"; using /${path}.`);
    path = `/${path}`;
  }
  let url = params.get('url') ?? DEFAULT_LAB_STATE.url;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    problems.push(
      `url=${JSON.stringify(url)} is not an http(s) URL; using ${DEFAULT_LAB_STATE.url}.`,
    );
    url = DEFAULT_LAB_STATE.url;
  }
  return {
    state: {
      target: pick('target', LAB_TARGETS, DEFAULT_LAB_STATE.target),
      path,
      url,
      method: params.get('method') || DEFAULT_LAB_STATE.method,
      headers: params.get('headers') ?? '',
      body: pick('body', BODY_TYPES, DEFAULT_LAB_STATE.body),
      payload: params.get('payload') ?? '',
      blobType: params.get('blobType') ?? '',
      credentials: pick('credentials', CREDENTIALS_MODES, DEFAULT_LAB_STATE.credentials),
      mode: pick('mode', REQUEST_MODES, DEFAULT_LAB_STATE.mode),
      redirect: pick('redirect', REDIRECT_MODES, DEFAULT_LAB_STATE.redirect),
    },
    problems,
  };
}

/** The query string for a state: only what differs from the defaults, so links stay short. */
export function labStateToParams(state: LabState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_LAB_STATE) as (keyof LabState)[]) {
    if (state[key] !== DEFAULT_LAB_STATE[key]) params.set(key, state[key]);
  }
  return params;
}

function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new Error(
        `Header line ${index + 1} ${JSON.stringify(line)} has no name: write one header per line as "Name: value".`,
      );
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    if (equals === -1) fields[line.trim()] = '';
    else fields[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  }
  return fields;
}

function parseBody(state: LabState): RequestBody | undefined {
  switch (state.body) {
    case 'none':
      return undefined;
    case 'json': {
      let value: JsonValue;
      try {
        value = JSON.parse(state.payload || 'null') as JsonValue;
      } catch (error) {
        throw new Error(
          `The JSON body does not parse (${(error as Error).message}); write JSON such as {"text": "hello"}.`,
          { cause: error },
        );
      }
      return { type: 'json', value };
    }
    case 'text':
      return { type: 'text', value: state.payload };
    case 'urlencoded':
      return { type: 'urlencoded', value: parseFields(state.payload) };
    case 'form-data':
      return { type: 'form-data', value: parseFields(state.payload) };
    case 'blob':
      return state.blobType === ''
        ? { type: 'blob', value: state.payload }
        : { type: 'blob', value: state.payload, contentType: state.blobType };
  }
}

/**
 * The catalogue-shaped request for a lab state, tagged with the run id so the request log finds
 * it. Throws an Error a person can act on when a header line or the JSON body is malformed.
 */
export function labRequest(state: LabState): ScenarioRequest {
  if (state.target === 'remote') {
    throw new Error(
      'labRequest(): the remote target has no catalogue request; use remoteRequest().',
    );
  }
  const target: TargetRole = state.target === 'proxy' ? 'same-page-origin' : state.target;
  const base = state.target === 'proxy' ? `/proxy${state.path}` : state.path;
  const path = `${base}${base.includes('?') ? '&' : '?'}run={run}`;
  return { target, path, ...requestParts(state) };
}

/** The method, headers, body, credentials, mode and redirect mode the form describes, as a catalogue request has them. */
function requestParts(state: LabState): Omit<ScenarioRequest, 'target' | 'path'> {
  const parts: Omit<ScenarioRequest, 'target' | 'path'> = {
    method: state.method,
    headers: parseHeaderLines(state.headers),
    credentials: state.credentials,
    mode: state.mode,
  };
  if (state.redirect !== 'follow') parts.redirect = state.redirect;
  const body = parseBody(state);
  return body ? { ...parts, body } : parts;
}

/**
 * The `remote` target: the fetch() the page makes to the URL, and the same request for the server
 * to replay with the doctor. Throws like labRequest() on a malformed header line or JSON body.
 */
export function remoteRequest(state: LabState): { call: FetchCall; replay: ReplayRequest } {
  const parts = requestParts(state);
  const scenarioLike: ScenarioRequest = { target: 'api', path: '/', ...parts };
  const headers = Object.entries(requestHeaders(scenarioLike));
  const body = doctorBodyOf(parts.body);
  return {
    call: { url: state.url, init: requestInit(scenarioLike) },
    replay: {
      url: state.url,
      method: state.method,
      headers,
      credentials: state.credentials,
      mode: state.mode,
      ...(body && { body }),
    },
  };
}
