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
  }
}

/** The Content-Type fetch() adds on its own for a body the author did not label. */
const IMPLIED_CONTENT_TYPE: Readonly<Record<RequestBody['type'], string>> = {
  json: 'application/json',
  text: 'text/plain;charset=UTF-8',
  urlencoded: 'application/x-www-form-urlencoded;charset=UTF-8',
  'form-data': 'multipart/form-data',
};

/** The same request as `predict()` sees it: headers include the Content-Type the body implies. */
export function browserRequest(
  request: ScenarioRequest,
  origins: Origins,
  page: PageOriginRole,
  runId: string,
): BrowserRequest {
  const headers = requestHeaders(request, runId);
  const labelled = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (request.body && !labelled) headers['Content-Type'] = IMPLIED_CONTENT_TYPE[request.body.type];
  return {
    pageOrigin: origins[page],
    url: requestUrl(request, origins, page, runId),
    method: request.method ?? 'GET',
    headers,
    credentials: request.credentials ?? 'same-origin',
    mode: request.mode ?? 'cors',
  };
}
