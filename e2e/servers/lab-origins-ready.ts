// Whether every origin of the lab answers: the API's listeners and each page origin of the web app.
import { get } from 'node:https';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';

/** What must answer 2xx before a page opens: every listener of every lab server. */
export function labReadinessUrls(origins: Origins = originsFromEnv(process.env)): string[] {
  return [
    `${origins.api}/health`,
    `${origins['api-alt-port']}/health`,
    `${origins['api-tls']}/health`,
    `${origins['api-tls-alt-host']}/health`,
    `${origins.web}/matrix`,
    `${origins['web-alt-port']}/matrix`,
    `${origins['web-alt-host']}/matrix`,
    `${origins['web-tls']}/matrix`,
    `${origins['web-public']}/matrix`,
    `${origins.flask}/health`,
    `${origins.nginx}/health`,
    `${origins.vite}/`,
  ];
}

// fetch() only trusts the system's CAs; node:https takes the lab's.
function answersOverTls(url: string, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { ca, timeout: 5_000 }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 300);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** Whether `url` answers 2xx now (https checked against the lab's CA, as the engines see it). */
export async function answers(url: string, ca: string): Promise<boolean> {
  if (url.startsWith('https:')) return answersOverTls(url, ca);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}
