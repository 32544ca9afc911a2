// Engines someone else runs: any W3C WebDriver endpoint (a Selenium Grid, a cloud grid, a lone
// driver) and any Playwright browser server (`launchServer`, `playwright run-server`), each as a
// project of its own that runs the /matrix spec.
import type { BrowserType } from '@playwright/test';
import type { Engine, EngineIdentity, EngineName } from './engine.js';
import { engineOverBrowser } from './playwright-engine.js';
import { WebDriverSession, type Capabilities } from './webdriver/client.js';
import { webDriverEngine } from './webdriver-engine.js';

/** Where a remote engine is: set per project by remoteProjects(). */
export type RemoteEndpoint =
  | { kind: 'webdriver'; url: string; capabilities: Capabilities }
  | { kind: 'playwright'; wsEndpoint: string; browser: EngineName };

// WebDriver browser names (W3C, Selenium, the drivers' own) and the engine each runs.
const ENGINE_OF_BROWSER: Readonly<Record<string, EngineName>> = {
  chrome: 'chromium',
  chromium: 'chromium',
  'chrome-headless-shell': 'chromium',
  msedge: 'chromium',
  microsoftedge: 'chromium',
  firefox: 'firefox',
  safari: 'webkit',
  minibrowser: 'webkit',
  webkitgtk: 'webkit',
  wpewebkit: 'webkit',
};

const ENGINE_NAMES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The engine behind a WebDriver `browserName`, e.g. `MicrosoftEdge` -> chromium. */
export function engineOfBrowser(browserName: string | undefined): EngineName {
  const engine = browserName && ENGINE_OF_BROWSER[browserName.toLowerCase()];
  if (!engine) {
    throw new Error(
      `The WebDriver session runs browserName ${JSON.stringify(browserName)}, whose engine the lab does not know; ` +
        `expected one of ${Object.keys(ENGINE_OF_BROWSER).join(', ')}.`,
    );
  }
  return engine;
}

/**
 * The remote endpoints the environment names: `E2E_WEBDRIVER_URL` (with the session's
 * capabilities as JSON in `E2E_WEBDRIVER_CAPABILITIES`) and `E2E_PLAYWRIGHT_WS_ENDPOINT` (with
 * `E2E_PLAYWRIGHT_BROWSER`: chromium, firefox or webkit).
 */
export function remoteEndpoints(env: NodeJS.ProcessEnv): {
  webdriver?: Extract<RemoteEndpoint, { kind: 'webdriver' }>;
  playwright?: Extract<RemoteEndpoint, { kind: 'playwright' }>;
} {
  const found: ReturnType<typeof remoteEndpoints> = {};
  const url = env.E2E_WEBDRIVER_URL;
  if (url) {
    if (!/^https?:\/\//.test(url)) {
      throw new Error(
        `E2E_WEBDRIVER_URL is ${JSON.stringify(url)}; expected the endpoint's http(s) URL, e.g. http://localhost:4444 (a Selenium Grid) or http://localhost:4444/wd/hub.`,
      );
    }
    let capabilities: unknown = {};
    const raw = env.E2E_WEBDRIVER_CAPABILITIES;
    if (raw) {
      try {
        capabilities = JSON.parse(raw);
      } catch (error) {
        throw new Error(
          `E2E_WEBDRIVER_CAPABILITIES is not JSON (${(error as Error).message}); expected an object, e.g. {"browserName":"firefox"}.`,
          { cause: error },
        );
      }
    }
    if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
      throw new Error(
        `E2E_WEBDRIVER_CAPABILITIES is ${JSON.stringify(raw)}; expected a JSON object, e.g. {"browserName":"firefox"}.`,
      );
    }
    found.webdriver = {
      kind: 'webdriver',
      url: url.replace(/\/+$/, ''),
      capabilities: capabilities as Capabilities,
    };
  }
  const wsEndpoint = env.E2E_PLAYWRIGHT_WS_ENDPOINT;
  if (wsEndpoint) {
    const browser = env.E2E_PLAYWRIGHT_BROWSER as EngineName | undefined;
    if (!browser || !ENGINE_NAMES.includes(browser)) {
      throw new Error(
        `E2E_PLAYWRIGHT_BROWSER is ${JSON.stringify(browser ?? null)}; with E2E_PLAYWRIGHT_WS_ENDPOINT set, name the server's browser: ${ENGINE_NAMES.join(', ')}.`,
      );
    }
    found.playwright = { kind: 'playwright', wsEndpoint, browser };
  }
  return found;
}

/** How each engine names itself in the matrix when Playwright connects to it. */
const PRODUCT: Readonly<Record<EngineName, string>> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'WebKit',
};

type RemoteIdentity = Pick<EngineIdentity, 'project' | 'webSecurity'>;

/** Opens a first session on a WebDriver endpoint; the engine and version come from its answer. */
export async function connectWebDriverEngine(
  endpoint: Extract<RemoteEndpoint, { kind: 'webdriver' }>,
  identity: RemoteIdentity,
): Promise<Engine> {
  const capabilities: Capabilities = {
    pageLoadStrategy: 'normal',
    timeouts: { script: 300_000, pageLoad: 60_000, implicit: 0 },
    ...endpoint.capabilities,
  };
  const started = performance.now();
  const firstSession = await WebDriverSession.create(endpoint.url, capabilities).catch(
    (error: Error) => {
      throw new Error(
        `${identity.project}: no session at ${endpoint.url} with ${JSON.stringify(endpoint.capabilities)}: ${error.message}. Check E2E_WEBDRIVER_URL and E2E_WEBDRIVER_CAPABILITIES.`,
        { cause: error },
      );
    },
  );
  const { browserName, browserVersion } = firstSession.capabilities;
  const engine = engineOfBrowser(browserName);
  return webDriverEngine({
    // A grid holds several sessions: the next page's browser starts while one page runs. A lone
    // driver refuses the second session, and the next page then starts its own.
    driverUrls: [endpoint.url, endpoint.url],
    capabilities,
    firstSession,
    identity: {
      ...identity,
      engine,
      product: String(browserName),
      version: String(browserVersion),
      source: 'remote',
      protocol: 'webdriver',
    },
    launchMs: performance.now() - started,
    stop: async () => undefined,
  });
}

/** Connects to a Playwright browser server; the version is the one the server's browser reports. */
export async function connectPlaywrightEngine(
  browserType: BrowserType,
  endpoint: Extract<RemoteEndpoint, { kind: 'playwright' }>,
  identity: RemoteIdentity,
): Promise<Engine> {
  const started = performance.now();
  const browser = await browserType.connect(endpoint.wsEndpoint).catch((error: Error) => {
    throw new Error(
      `${identity.project}: no ${endpoint.browser} server at ${endpoint.wsEndpoint}: ${error.message}. Check E2E_PLAYWRIGHT_WS_ENDPOINT and E2E_PLAYWRIGHT_BROWSER.`,
      { cause: error },
    );
  });
  return engineOverBrowser(browser, performance.now() - started, {
    ...identity,
    engine: endpoint.browser,
    product: PRODUCT[endpoint.browser],
    source: 'remote',
    protocol: 'playwright-remote',
  });
}
