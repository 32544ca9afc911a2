// Stands in for a grid on this machine, to try the remote projects without one: WebKitWebDriver
// under Xvfb (a WebDriver endpoint, like a Selenium node) and a Playwright browser server for
// Chromium. Prints the environment the suite needs, and stops both on Ctrl-C.
//   pnpm --filter @cors-lab/e2e exec tsx remote/stand-in.ts [webdriverPort] [playwrightPort]
import { ensureCertificates } from '@cors-lab/tls';
import { chromium } from '@playwright/test';
import { ProcessGroup } from '@cors-lab/testkit';
import { readChoice } from '../provision/choice.mjs';
import { publicAddressOverride } from '../engines/projects.js';
import { chromiumHome, webkitCertificates } from '../engines/trust/engine-trust.js';
import { waitForDriver } from '../engines/webdriver/client.js';
import { startXvfb } from '../engines/webdriver/xvfb.js';

function port(value: string | undefined, fallback: number): number {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    throw new Error(`Port ${JSON.stringify(value)} is not a TCP port; pass e.g. 4444.`);
  }
  return parsed;
}

const webdriverPort = port(process.argv[2], 4444);
const playwrightPort = port(process.argv[3], 4445);
const { engines } = readChoice();
const { webkit } = engines;
if (!webkit.driverPath || !webkit.xvfbPath) {
  throw new Error(
    'The engine choice names no WebKitWebDriver; run `node provision/run.mjs` with E2E_ENGINES=debian.',
  );
}
const certificates = await ensureCertificates();

const xvfb = await startXvfb(webkit.xvfbPath);
const driver = ProcessGroup.start(
  'WebKitWebDriver',
  webkit.driverPath,
  [`--port=${webdriverPort}`],
  {
    env: {
      DISPLAY: xvfb.display,
      GDK_BACKEND: 'x11',
      NO_AT_BRIDGE: '1',
      WAYLAND_DISPLAY: undefined,
    },
  },
);
await waitForDriver(`http://127.0.0.1:${webdriverPort}`, 15_000);

// Chromium trusts the lab's CA from its own temporary HOME, as the local project does.
const home = chromiumHome(certificates);
const server = await chromium.launchServer({
  port: playwrightPort,
  executablePath: engines.chromium.executablePath,
  // As the local project: the 127.0.0.2 page is public to Chromium (Local Network Access scenarios).
  args: [publicAddressOverride()],
  env: { ...process.env, HOME: home.path },
  // This script stops everything in order on a signal (below), the browser first.
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});

const capabilities = {
  browserName: 'MiniBrowser',
  'webkitgtk:browserOptions': {
    binary: webkit.executablePath,
    args: ['--automation'],
    certificates: webkitCertificates(certificates),
  },
};
console.log(`A WebDriver endpoint and a Playwright browser server are up. In another shell:

export E2E_WEBDRIVER_URL=http://127.0.0.1:${webdriverPort}
export E2E_WEBDRIVER_CAPABILITIES='${JSON.stringify(capabilities)}'
export E2E_PLAYWRIGHT_WS_ENDPOINT=${server.wsEndpoint()}
export E2E_PLAYWRIGHT_BROWSER=chromium
pnpm --filter @cors-lab/e2e exec playwright test --project remote-webdriver --project remote-playwright

Ctrl-C stops both.`);

let stopping = false;
const stop = async () => {
  // A second signal (tsx relays the one it got, pkill -f reaches both) must not cut this short.
  if (stopping) return;
  stopping = true;
  await server.close();
  await driver.stop();
  await xvfb.stop();
  home.remove();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => void stop());
