// An Engine over Debian's WebKitGTK: Xvfb + two WebKitWebDriver + MiniBrowser, a session per page.
import type { Engine, EngineIdentity } from './engine.js';
import { WebDriverSession, type Capabilities } from './webdriver/client.js';
import { startWebKitDriver, type RunningDriver } from './webdriver/webkit-driver.js';
import { startXvfb } from './webdriver/xvfb.js';
import { webDriverEngine } from './webdriver-engine.js';

export interface WebKitBuild {
  /** MiniBrowser, which WebKitWebDriver launches with `--automation`. */
  executablePath: string;
  driverPath: string;
  xvfbPath: string;
}

// WebKitWebDriver holds one session at a time; a second driver starts the next page's
// MiniBrowser (about 2 s) while the current page runs.
const DRIVERS = 2;

// Xvfb, then the drivers on it, then a first session; whatever started is stopped if a later step fails.
async function startStack(build: WebKitBuild, capabilities: Capabilities) {
  const xvfb = await startXvfb(build.xvfbPath);
  const drivers: RunningDriver[] = [];
  const stop = async () => {
    await Promise.all(drivers.map((driver) => driver.stop()));
    await xvfb.stop();
  };
  try {
    const started = await Promise.allSettled(
      Array.from({ length: DRIVERS }, () => startWebKitDriver(build.driverPath, xvfb.display)),
    );
    for (const result of started) if (result.status === 'fulfilled') drivers.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const firstSession = await WebDriverSession.create(drivers[0]!.url, capabilities);
    return { driverUrls: drivers.map((driver) => driver.url), firstSession, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function launchWebKitWebDriverEngine(
  build: WebKitBuild,
  identity: Omit<EngineIdentity, 'version'>,
  /** Certificates the engine accepts for a host (the `certificates` browser option). */
  certificates: readonly { host: string; certificateFile: string }[] = [],
): Promise<Engine> {
  const capabilities: Capabilities = {
    'webkitgtk:browserOptions': {
      binary: build.executablePath,
      args: ['--automation'],
      certificates,
    },
    pageLoadStrategy: 'normal',
    timeouts: { script: 300_000, pageLoad: 60_000, implicit: 0 },
  };
  const started = performance.now();
  // The first session gives the exact version and makes launch time include MiniBrowser's start.
  const { driverUrls, firstSession, stop } = await startStack(build, capabilities);
  return webDriverEngine({
    driverUrls,
    capabilities,
    firstSession,
    identity: { ...identity, version: String(firstSession.capabilities.browserVersion) },
    launchMs: performance.now() - started,
    stop,
  });
}
