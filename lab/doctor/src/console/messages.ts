// The line each engine prints in the developer console for an outcome: the doctor shows it so a
// reader can match what they saw to a cause (docs/console-messages.md lists every one).
import type { BrowserEngine } from '@cors-lab/cors-predict';
import type { WalkResult } from '../diagnose/walk.js';
import type { RawHeaders } from '../send/send-exchange.js';

interface Facts {
  url: string;
  origin: string;
  method: string;
  redirectedFrom: string | undefined;
  status: number | undefined;
  allowOrigin: string;
  allowCredentials: string;
  /** Asked-for header names the preflight answer did not allow. */
  missingHeaders: string[];
  preflight: boolean;
  detail: string;
}

function joined(headers: RawHeaders | undefined, name: string): string {
  const value = headers?.[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function factsOf(result: WalkResult): Facts {
  const headers = result.decidedBy?.headers;
  const asked = result.prediction?.preflightRequest?.accessControlRequestHeaders?.split(',') ?? [];
  const allowed = new Set(
    joined(headers, 'access-control-allow-headers')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  return {
    url: result.hop.url,
    origin: result.hop.origin,
    method: result.hop.method,
    redirectedFrom: result.hop.redirectedFrom,
    status: result.decidedBy?.status,
    allowOrigin: joined(headers, 'access-control-allow-origin'),
    allowCredentials: joined(headers, 'access-control-allow-credentials'),
    missingHeaders: asked.filter((name) => name !== '' && !allowed.has(name)),
    preflight: result.decidedBy?.kind === 'preflight',
    detail: result.detail ?? '',
  };
}

/** What `engine` prints for `result`; empty when the page gets its response without complaint. */
export function consoleMessage(engine: BrowserEngine, result: WalkResult): string {
  if (['allowed', 'opaque', 'opaqueredirect'].includes(result.outcome)) return '';
  const facts = factsOf(result);
  switch (engine) {
    case 'chromium':
      return chromium(result, facts);
    case 'firefox':
      return firefox(result, facts);
    case 'webkit':
      return webkit(result, facts);
  }
}

function chromium(result: WalkResult, f: Facts): string {
  const from = f.redirectedFrom ? ` (redirected from '${f.redirectedFrom}')` : '';
  const blocked = `Access to fetch at '${f.url}'${from} from origin '${f.origin}' has been blocked by CORS policy: `;
  const preflight = "Response to preflight request doesn't pass access control check: ";
  const check = f.preflight ? preflight : '';
  switch (result.reason) {
    case 'missing-allow-origin':
      return `${blocked}${check}No 'Access-Control-Allow-Origin' header is present on the requested resource.`;
    case 'multiple-allow-origin':
      return `${blocked}${check}The 'Access-Control-Allow-Origin' header contains multiple values '${f.allowOrigin}', but only one is allowed.`;
    case 'allow-origin-mismatch':
      return `${blocked}${check}The 'Access-Control-Allow-Origin' header has a value '${f.allowOrigin}' that is not equal to the supplied origin.`;
    case 'wildcard-with-credentials':
      return `${blocked}${check}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.`;
    case 'missing-allow-credentials':
    case 'invalid-allow-credentials':
      return `${blocked}${check}The value of the 'Access-Control-Allow-Credentials' header in the response is '${f.allowCredentials}' which must be 'true' when the request's credentials mode is 'include'.`;
    case 'preflight-status':
      return `${blocked}${preflight}It does not have HTTP ok status.`;
    case 'preflight-redirect':
      return `${blocked}${preflight}Redirect is not allowed for a preflight request.`;
    case 'method-not-allowed':
      return `${blocked}Method ${f.method} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'header-not-allowed':
      return `${blocked}Request header field ${f.missingHeaders[0] ?? ''} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'malformed-allow-methods':
      return `${blocked}Cannot parse Access-Control-Allow-Methods response header field in preflight response.`;
    case 'malformed-allow-headers':
      return `${blocked}Cannot parse Access-Control-Allow-Headers response header field in preflight response.`;
    case 'redirect-userinfo':
      return `${blocked}Redirect location '${f.detail}' contains a username and password, which is disallowed for cross-origin requests.`;
    case 'invalid-redirect-location':
      return `${blocked}Redirect location '${f.detail}' has a disallowed scheme for cross-origin requests.`;
    case 'too-many-redirects':
      return `GET ${f.url} net::ERR_TOO_MANY_REDIRECTS`;
    case 'redirect-mode-error':
      return `Fetch API cannot load ${f.url}: redirect: 'error' and the server redirected (TypeError: Failed to fetch).`;
    case 'forbidden-method':
      return `TypeError: Failed to execute 'fetch' on 'Window': '${f.method}' HTTP method is unsupported.`;
    case 'no-cors-not-simple':
      return `TypeError: Failed to execute 'fetch' on 'Window': '${f.method}' is unsupported in no-cors mode.`;
    case 'same-origin-mode':
      return `Fetch API cannot load ${f.url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${f.origin}.`;
    case 'bad-port':
      return `GET ${f.url} net::ERR_UNSAFE_PORT`;
    case 'mixed-content':
      return `Mixed Content: The page at '${f.origin}/' was loaded over HTTPS, but requested an insecure resource '${f.url}'. This request has been blocked; the content must be served over HTTPS.`;
    case 'invalid-url':
    case 'invalid-method':
    case 'invalid-header':
      return `TypeError: Failed to execute 'fetch' on 'Window': ${result.prediction?.explanation ?? result.reason}`;
    case 'no-response':
    case 'unreachable':
      return `${f.method} ${f.url} net::ERR_CONNECTION_REFUSED (or another net:: error): TypeError: Failed to fetch`;
    default:
      return `${blocked}${result.reason}`;
  }
}

function firefox(result: WalkResult, f: Facts): string {
  const status = f.status === undefined ? 'Status code: (null).' : `Status code: ${f.status}.`;
  const blocked = (reason: string) =>
    `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${f.url}. (Reason: ${reason}). ${status}`;
  switch (result.reason) {
    case 'missing-allow-origin':
      return blocked('CORS header ‘Access-Control-Allow-Origin’ missing');
    case 'multiple-allow-origin':
      return blocked('Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed');
    case 'allow-origin-mismatch':
      return blocked(`CORS header ‘Access-Control-Allow-Origin’ does not match ‘${f.allowOrigin}’`);
    case 'wildcard-with-credentials':
      return blocked(
        'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
      );
    case 'missing-allow-credentials':
    case 'invalid-allow-credentials':
      return blocked('expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’');
    case 'preflight-status':
    case 'preflight-redirect':
      return blocked('CORS preflight response did not succeed');
    case 'method-not-allowed':
      return blocked('Did not find method in CORS header ‘Access-Control-Allow-Methods’');
    case 'header-not-allowed':
      return blocked(
        `header ‘${f.missingHeaders[0] ?? ''}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response`,
      );
    case 'malformed-allow-methods':
      return blocked('invalid token in CORS header ‘Access-Control-Allow-Methods’');
    case 'malformed-allow-headers':
      return blocked('invalid token in CORS header ‘Access-Control-Allow-Headers’');
    case 'redirect-userinfo':
    case 'invalid-redirect-location':
      return blocked('CORS request external redirect not allowed');
    case 'no-response':
    case 'unreachable':
      return blocked('CORS request did not succeed');
    case 'mixed-content':
      return `Blocked loading mixed active content “${f.url}”`;
    default:
      return `TypeError: NetworkError when attempting to fetch resource. (${result.reason})`;
  }
}

function webkit(result: WalkResult, f: Facts): string {
  const status = f.status === undefined ? '' : ` Status code: ${f.status}`;
  const cannotLoad = `Fetch API cannot load ${f.url} due to access control checks.`;
  const line = (message: string) => `${message}${status}\n${cannotLoad}`;
  switch (result.reason) {
    case 'missing-allow-origin':
    case 'allow-origin-mismatch':
      return line(`Origin ${f.origin} is not allowed by Access-Control-Allow-Origin.`);
    case 'multiple-allow-origin':
      return line(`Access-Control-Allow-Origin cannot contain more than one origin.`);
    case 'wildcard-with-credentials':
      return line(
        `Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.`,
      );
    case 'missing-allow-credentials':
    case 'invalid-allow-credentials':
      return line(`Credentials flag is true, but Access-Control-Allow-Credentials is not "true".`);
    case 'preflight-status':
    case 'preflight-redirect':
      return line('Preflight response is not successful.');
    case 'method-not-allowed':
    case 'malformed-allow-methods':
      return line(`Method ${f.method} is not allowed by Access-Control-Allow-Methods.`);
    case 'header-not-allowed':
    case 'malformed-allow-headers':
      return line(
        `Request header field ${f.missingHeaders[0] ?? ''} is not allowed by Access-Control-Allow-Headers.`,
      );
    case 'redirect-userinfo':
    case 'invalid-redirect-location':
    case 'too-many-redirects':
      return `Cross-origin redirection to ${f.detail} denied by Cross-Origin Resource Sharing policy.`;
    case 'no-response':
    case 'unreachable':
      return `Could not connect to the server.\nFetch API cannot load ${f.url}.`;
    default:
      return `TypeError: Load failed (${result.reason})`;
  }
}
