// Each engine difference predict() models, with the evidence: an engine bug, a spec issue, or the
// experiment in e2e/experiments that shows it (Chromium 156, Firefox ESR 153, WebKitGTK 2.50).
import type { QuirkId } from './engine-rules.js';
import type { BrowserEngine } from './types.js';

export type { QuirkId } from './engine-rules.js';

export interface EngineQuirk {
  readonly engines: readonly BrowserEngine[];
  /** What the engine does, next to what the Fetch Standard says. */
  readonly summary: string;
  /** A bug, spec issue or documentation page; else the experiment id in e2e/experiments/experiments.ts. */
  readonly source: string;
}

const EXPERIMENT = 'experiment e2e/experiments/experiments.ts';

export const ENGINE_QUIRKS: Readonly<Record<QuirkId, EngineQuirk>> = {
  'repeated-header-combined': {
    engines: ['chromium', 'firefox', 'webkit'],
    summary:
      'A request header set twice is judged as one value joined by ", " (two 100-byte Accept values make a 202-byte one, so a preflight), where the standard judges each value of the header list on its own.',
    source: `${EXPERIMENT} safelist-2, safelist-4; fetch.bs "CORS-unsafe request-header names"`,
  },
  'max-age-signed-integer': {
    engines: ['chromium', 'webkit'],
    summary:
      'Access-Control-Max-Age is read as a signed integer: "+60" caches for 60 s; anything else that is not an integer (including a repeated header) falls back to 5 s.',
    source: `${EXPERIMENT} max-age-*; Chromium services/network/public/cpp/cors/preflight_result.cc`,
  },
  'max-age-digits-only': {
    engines: ['firefox'],
    summary:
      'Access-Control-Max-Age must be digits only: "+60", "1e3", "600, 700" or "abc" are not cached at all (the standard and the other engines use 5 s); large values saturate at 86400.',
    source: `${EXPERIMENT} max-age-*; Firefox netwerk/protocol/http/nsCORSListenerProxy.cpp`,
  },
  'non-ascii-value-unsafe': {
    engines: ['firefox'],
    summary:
      'A byte of 0x80 or above in an Accept or Content-Type value makes Firefox preflight; the standard lists only control bytes and "():<>?@[\\]{} as unsafe.',
    source: `${EXPERIMENT} safelist-6, safelist-9`,
  },
  'preflight-origin-after-redirect': {
    engines: ['firefox'],
    summary:
      "After a cross-origin redirect Firefox sends the preflight with the page's origin, and only the actual request with Origin: null.",
    source: `${EXPERIMENT} r-307-put, r-307-put-null-preflight, r-307-put-page-preflight`,
  },
  'preflight-kept-after-redirect': {
    engines: ['firefox', 'webkit'],
    summary:
      'When the original request needed a preflight, every later cross-origin hop gets one too, even once the request is simple (after a 303 to GET, or once Authorization is removed).',
    source: `${EXPERIMENT} r-302-post-json, r-303-put, r-auth-cross, r-303-json-options-404`,
  },
  'preflight-names-kept-after-redirect': {
    engines: ['webkit'],
    summary:
      'The preflight after a redirect still asks for the original request headers in Access-Control-Request-Headers (content-type after a 303, authorization after a cross-origin hop), though they are no longer sent.',
    source: `${EXPERIMENT} r-303-post-json, r-auth-cross-preflight-no-headers`,
  },
  'delete-redirect-becomes-get': {
    engines: ['webkit'],
    summary:
      'WebKitGTK turns DELETE into a body-less GET when it follows a 301, 302 or 307 (PUT and PATCH are kept); the standard keeps DELETE on all but 303.',
    source: `${EXPERIMENT} r-302-delete, r-301-delete, r-307-delete, r-302-delete-get-only`,
  },
  'second-redirect-after-same-origin-start': {
    engines: ['webkit'],
    summary:
      "A request that starts on the page's origin with credentials 'same-origin', goes to another origin and is redirected again fails in WebKit.",
    source: `${EXPERIMENT} r-same-cross-other, r-same-then-cross-then-back`,
  },
  'userinfo-redirect-refused': {
    engines: ['chromium'],
    summary:
      "Chromium refuses every redirect to a URL with user:password@, also within the page's own origin where the standard follows it.",
    source: `${EXPERIMENT} r-userinfo-same, r-userinfo-same-no-cors`,
  },
  'stream-needs-http2': {
    engines: ['chromium'],
    summary:
      'Chromium uploads a ReadableStream body only over HTTP/2 or HTTP/3: over HTTP/1.1 the preflight is sent and the request fails.',
    source: 'https://developer.chrome.com/docs/capabilities/web-apis/fetch-streaming-requests',
  },
  'stream-sent-as-text': {
    engines: ['firefox'],
    summary:
      'Firefox does not support request streams: the body becomes the text "[object ReadableStream]" (text/plain;charset=UTF-8), no duplex needed, no preflight.',
    source: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1387483',
  },
  'stream-upload-unsupported': {
    engines: ['webkit'],
    summary:
      'WebKit rejects a ReadableStream body with NotSupportedError ("ReadableStream uploading is not supported") before sending anything.',
    source: `${EXPERIMENT} body-stream-duplex`,
  },
  'loopback-http-is-mixed-content': {
    engines: ['webkit'],
    summary:
      "WebKit blocks an https page's fetch of plain http on localhost or 127.0.0.1 as mixed content; the standard (and Chromium and Firefox) treat loopback hosts as potentially trustworthy and send it.",
    source: 'https://bugs.webkit.org/show_bug.cgi?id=171934',
  },
};
