// The Playwright projects for the engines provisioning chose: Playwright's builds or Debian's.
import { fileURLToPath } from 'node:url';
import { originsFromEnv } from '@cors-lab/scenarios';
import type { PlaywrightTestConfig } from '@playwright/test';
import type { EngineChoice } from '../provision/choice.mjs';
import type { EngineOptions } from './engine.js';
import type { EngineWorkerOptions } from './fixture.js';
import { engineOfBrowser, remoteEndpoints } from './remote.js';

/** The project of the engine behind E2E_WEBDRIVER_URL. */
export const REMOTE_WEBDRIVER_PROJECT = 'remote-webdriver';

/** The project of the browser behind E2E_PLAYWRIGHT_WS_ENDPOINT. */
export const REMOTE_PLAYWRIGHT_PROJECT = 'remote-playwright';

/** Tests tagged with this run only in `chromium-insecure`, and only there. */
export const WEB_SECURITY_OFF = '@web-security-off';

/** Tests tagged with this run only in `chromium-extension`, and only there. */
export const EXTENSION = '@extension';

/** The development-only "Allow CORS"-style extension `chromium-extension` loads. */
export const ALLOW_CORS_EXTENSION = fileURLToPath(
  new URL('../extensions/allow-cors', import.meta.url),
);

// The normal engines run neither development-only tag.
const DEVELOPMENT_ONLY = new RegExp(`${WEB_SECURITY_OFF}|${EXTENSION}`);

// On a closed network these background services only wait on timeouts and add noise.
const DEBIAN_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Chromium's Local Network Access sorts addresses into public, local and loopback; every loopback
 * page is loopback. This makes the web app's 127.0.0.2 origin public (IP literal and port, as the
 * flag takes them), so a page there calling the API on localhost shows the permission check.
 */
export function publicAddressOverride(env: NodeJS.ProcessEnv = process.env): string {
  const { host } = new URL(originsFromEnv(env)['web-public']);
  return `--ip-address-space-overrides=${host}=public`;
}

/** The engines run side by side by default: the three of a normal run. */
export const DEFAULT_WORKERS = 3;

/**
 * How many engines run at once: `E2E_WORKERS` (e.g. 1 to measure each launch floor alone), else
 * DEFAULT_WORKERS. Each project keeps to one worker, so no engine is launched twice.
 */
export function workersFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.E2E_WORKERS;
  if (raw === undefined || raw === '') return DEFAULT_WORKERS;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 1) {
    throw new Error(
      `E2E_WORKERS is ${JSON.stringify(raw)}; expected a whole number of engines to run at once, e.g. 3 (unset means ${DEFAULT_WORKERS}).`,
    );
  }
  return workers;
}

type Project = NonNullable<PlaywrightTestConfig<object, EngineWorkerOptions>['projects']>[number];

/**
 * A project per remote endpoint the environment names (see engines/remote.ts). They run the
 * /matrix spec only: the smoke and Local Network Access tests need an engine launched here.
 */
export function remoteProjects(choice: EngineChoice, env: NodeJS.ProcessEnv): Project[] {
  const { webdriver, playwright } = remoteEndpoints(env);
  const projects: Project[] = [];
  const remote = (engine: EngineOptions['engine'], endpoint: EngineOptions['remote']) => ({
    engine,
    source: choice.source,
    build: choice.engines[engine],
    backend: 'remote' as const,
    protocol: endpoint?.kind === 'webdriver' ? 'webdriver' : 'playwright-remote',
    webSecurity: true,
    remote: endpoint,
  });
  if (webdriver) {
    const browserName = webdriver.capabilities.browserName;
    if (!browserName) {
      throw new Error(
        'E2E_WEBDRIVER_CAPABILITIES names no browserName; add it (e.g. {"browserName":"safari"}) so the run knows which engine\'s expectations apply.',
      );
    }
    projects.push({
      name: REMOTE_WEBDRIVER_PROJECT,
      testMatch: /matrix\.spec\.ts$/,
      workers: 1,
      use: { engineOptions: remote(engineOfBrowser(browserName), webdriver) },
    });
  }
  if (playwright) {
    projects.push({
      name: REMOTE_PLAYWRIGHT_PROJECT,
      testMatch: /matrix\.spec\.ts$/,
      workers: 1,
      use: {
        browserName: playwright.browser,
        engineOptions: remote(playwright.browser, playwright),
      },
    });
  }
  return projects;
}

export function engineProjects(choice: EngineChoice): Project[] {
  const { source, engines } = choice;
  const debian = source === 'debian';
  const options = (
    engine: EngineOptions['engine'],
    protocol: string,
    rest: Partial<EngineOptions> = {},
  ): EngineOptions => ({
    engine,
    source,
    build: engines[engine],
    backend: 'playwright',
    protocol,
    webSecurity: true,
    ...rest,
  });
  const chromiumArgs = [...(debian ? DEBIAN_CHROMIUM_ARGS : []), publicAddressOverride()];
  const chromiumLaunch = debian ? { executablePath: engines.chromium.executablePath } : {};
  // Debian's Chromium is driven by the harness's own DevTools Protocol client
  // (engines/chromium-cdp-engine.ts says why); Playwright's build by Playwright.
  const chromiumBackend = { backend: debian ? ('chromium-cdp' as const) : ('playwright' as const) };

  // The slowest engine first, so it starts first when workers are fewer than projects.
  return [
    {
      name: 'webkit',
      grepInvert: DEVELOPMENT_ONLY,
      workers: 1,
      use: {
        browserName: 'webkit',
        engineOptions: debian
          ? options('webkit', 'webdriver', { backend: 'webkit-webdriver' })
          : options('webkit', 'playwright-webkit'),
      },
    },
    {
      name: 'firefox',
      grepInvert: DEVELOPMENT_ONLY,
      workers: 1,
      use: debian
        ? {
            browserName: 'firefox',
            // Firefox ESR speaks WebDriver BiDi, not Playwright's patched Juggler protocol; the
            // harness's own client drives it (engines/firefox-bidi-engine.ts says why).
            engineOptions: options('firefox', 'webdriver-bidi', { backend: 'firefox-bidi' }),
          }
        : { browserName: 'firefox', engineOptions: options('firefox', 'juggler') },
    },
    {
      name: 'chromium',
      grepInvert: DEVELOPMENT_ONLY,
      workers: 1,
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: chromiumArgs },
        engineOptions: options('chromium', 'cdp', chromiumBackend),
      },
    },
    {
      // Development only: shows which blocked requests a browser without CORS would let through.
      name: 'chromium-insecure',
      grep: new RegExp(WEB_SECURITY_OFF),
      workers: 1,
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: [...chromiumArgs, '--disable-web-security'] },
        engineOptions: options('chromium', 'cdp', { ...chromiumBackend, webSecurity: false }),
      },
    },
    {
      // Development only: what an "Allow CORS" browser extension unblocks, and what it cannot.
      name: 'chromium-extension',
      grep: new RegExp(EXTENSION),
      workers: 1,
      use: {
        browserName: 'chromium',
        // Playwright's headless shell loads no extensions; its full Chromium does in new headless.
        ...(debian ? {} : { channel: 'chromium' }),
        launchOptions: { ...chromiumLaunch, args: chromiumArgs },
        engineOptions: options('chromium', 'cdp', {
          ...chromiumBackend,
          extensionPath: ALLOW_CORS_EXTENSION,
        }),
      },
    },
  ];
}
