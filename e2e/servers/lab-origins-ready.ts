// Whether every origin of the lab answers: the API's listeners and each page origin of the web app.
import { get } from 'node:https';
import type { Origins } from '@cors-lab/scenarios';
import { pageOriginRoles } from '../matrix/page-origins.js';

/**
 * What must answer 2xx before a page opens: every listener of every lab server, and the web app
 * on each page origin the run opens (E2E_PAGE_ORIGINS).
 */
export function labReadinessUrls(origins: Origins, env: NodeJS.ProcessEnv): string[] {
  return [
    `${origins.api}/health`,
    `${origins['api-alt-port']}/health`,
    `${origins['api-tls']}/health`,
    `${origins['api-tls-alt-host']}/health`,
    ...pageOriginRoles(env.E2E_PAGE_ORIGINS).map((role) => `${origins[role]}/matrix`),
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
