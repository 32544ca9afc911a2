import type { BrowserRequest } from '@cors-lab/cors-predict';
import {
  requestHeaders,
  requestUrl,
  type Origins,
  type PageOriginRole,
  type RequestBody,
  type ScenarioRequest,
} from '@cors-lab/scenarios';

/** The two arguments a page passes to fetch() for one scenario request. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** Turns a catalogue request into fetch() arguments for a page on `page`, tagged with `runId`. */
export function fetchCall(
  request: ScenarioRequest,
  origins: Origins,
  page: PageOriginRole,
  runId: string,
): FetchCall {
  return { url: requestUrl(request, origins, page, runId), init: requestInit(request, runId) };
}

/** The second argument to fetch() for a catalogue request: method, headers (with `{run}` filled in), body, modes. */
export function requestInit(request: ScenarioRequest, runId?: string): RequestInit {
  const init: RequestInit = {
    method: request.method ?? 'GET',
    headers: requestHeaders(request, runId),
  };
  if (request.body) init.body = encodeBody(request.body);
  if (request.credentials) init.credentials = request.credentials;
  if (request.mode) init.mode = request.mode;
  if (request.redirect) init.redirect = request.redirect;
  return init;
}

function encodeBody(body: RequestBody): BodyInit {
  switch (body.type) {
    case 'json':
      return JSON.stringify(body.value);
    case 'text':
      return body.value;
    case 'urlencoded':
      return new URLSearchParams(body.value);
    case 'form-data': {
      const form = new FormData();
      for (const [name, value] of Object.entries(body.value)) form.append(name, value);
      return form;
    }
    case 'blob':
      return new Blob([body.value], { type: body.contentType ?? '' });
  }
}

/** The body as predict() takes it: its kind decides the Content-Type fetch() adds on its own. */
function bodyKind(body: RequestBody): NonNullable<BrowserRequest['body']> {
  switch (body.type) {
    case 'json':
    case 'text':
      return { kind: 'string' };
    case 'urlencoded':
      return { kind: 'url-search-params' };
    case 'form-data':
      return { kind: 'form-data' };
    case 'blob':
      return { kind: 'blob', type: body.contentType ?? '' };
  }
}

/** The same request as `predict()` sees it: the headers the page sets, the body's kind, the modes. */
export function browserRequest(
  request: ScenarioRequest,
  origins: Origins,
  page: PageOriginRole,
  runId: string,
): BrowserRequest {
  const browser: BrowserRequest = {
    pageOrigin: origins[page],
    url: requestUrl(request, origins, page, runId),
    method: request.method ?? 'GET',
    headers: requestHeaders(request, runId),
    credentials: request.credentials ?? 'same-origin',
    mode: request.mode ?? 'cors',
    redirect: request.redirect ?? 'follow',
  };
  if (request.body) browser.body = bodyKind(request.body);
  return browser;
}
