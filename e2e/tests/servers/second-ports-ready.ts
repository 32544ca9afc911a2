// Playwright's webServer waits for one URL per server; the API and the web app each serve a second
// port (and the web app a second host spelling), so the run waits for those before any test.
import { get } from 'node:https';
import { originsFromEnv } from '@cors-lab/scenarios';
import { ensureCertificates } from '@cors-lab/tls';
import { pageOriginRoles } from '../../matrix/page-origins.js';

const READY_WITHIN_MS = 60_000;
const POLL_EVERY_MS = 250;

/** The lab's CA, so the https listeners are checked as the engines will see them. */
let ca: string | undefined;

// fetch() only trusts the system's CAs; node:https takes the lab's.
function answersOverTls(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { ca, timeout: 5_000 }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 300);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

async function answers(url: string): Promise<boolean> {
  if (url.startsWith('https:')) return answersOverTls(url);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (!(await answers(url))) {
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer 2xx within ${READY_WITHIN_MS / 1000} s. The server on its port should ` +
          'have started with its first port; check the webServer output above, or start it with `pnpm start`.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
}

export default async function secondPortsReady(): Promise<void> {
  const origins = originsFromEnv(process.env);
  ca = (await ensureCertificates()).ca;
  // The page origins this run opens (E2E_PAGE_ORIGINS), `web` itself being webServer's.
  const pages = pageOriginRoles(process.env.E2E_PAGE_ORIGINS).filter((role) => role !== 'web');
  await Promise.all(
    [
      `${origins['api-alt-port']}/health`,
      `${origins['api-tls']}/health`,
      `${origins['api-tls-alt-host']}/health`,
      ...pages.map((role) => `${origins[role]}/matrix`),
    ].map(waitFor),
  );
}
