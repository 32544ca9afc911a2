// Why no HTTP answer came back: each failure in one line that names the value and what to do.
// None of these is a CORS answer, so the doctor exits 3 for all of them.

/** What went wrong before a complete HTTP response head arrived. */
export type UnreachableCause =
  'dns' | 'refused' | 'reset' | 'tls' | 'timeout' | 'headers-too-large' | 'not-http';

/** The server could not be reached or did not answer HTTP: not a CORS answer. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';

  constructor(
    readonly kind: UnreachableCause,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_)|^EPROTO$/;

/** Turns a socket or parser error from node:http into an UnreachableError naming `url`. */
export function toUnreachable(error: unknown, url: URL, timeoutMs: number): UnreachableError {
  if (error instanceof UnreachableError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const detail = (error as Error).message;
  const host = url.hostname;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const at = url.href;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new UnreachableError(
      'dns',
      at,
      `The host ${JSON.stringify(host)} does not resolve (${code}): check the spelling of the URL, or your DNS/hosts file.`,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new UnreachableError(
      'refused',
      at,
      `Nothing accepts connections on ${host}:${port} (ECONNREFUSED): start the server, or check the port in ${JSON.stringify(at)}.`,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return new UnreachableError(
      'reset',
      at,
      `${host}:${port} closed the connection before answering (${code}): check the server's logs; if it only speaks ${url.protocol === 'https:' ? 'http' : 'https'}, change the URL's scheme.`,
    );
  }
  if (TLS_CODES.test(code)) {
    return new UnreachableError(
      'tls',
      at,
      `The TLS handshake with ${host}:${port} failed (${code}: ${detail}): give the server a certificate this machine trusts, or point NODE_EXTRA_CA_CERTS at your local CA; use http:// if the server does not speak TLS.`,
    );
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new UnreachableError(
      'headers-too-large',
      at,
      `${at} answered with response headers over the size limit (${code}): no browser would read them either; check what the server adds to its headers.`,
    );
  }
  if (code.startsWith('HPE_') || code === 'ERR_INVALID_HTTP_RESPONSE') {
    return new UnreachableError(
      'not-http',
      at,
      `${host}:${port} did not answer with HTTP/1.1 (${code}): check that the URL's port and scheme reach a web server.`,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ABORT_ERR') return timedOut(url, timeoutMs);
  return new UnreachableError(
    'reset',
    at,
    `Could not reach ${at} (${code || detail}): check the URL and that the server is running.`,
  );
}

/** No complete response head within the time limit. */
export function timedOut(url: URL, timeoutMs: number): UnreachableError {
  return new UnreachableError(
    'timeout',
    url.href,
    `${url.href} did not answer within ${timeoutMs} ms: check that the server is up and not stuck, or raise --timeout.`,
  );
}
