// An Engine over Debian's WebKitGTK: Xvfb + WebKitWebDriver + MiniBrowser, one session per page.
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';
import { WebDriverSession, type Capabilities } from './webdriver/client.js';
import { startWebKitDriver } from './webdriver/webkit-driver.js';
import { startXvfb } from './webdriver/xvfb.js';

export interface WebKitBuild {
  /** MiniBrowser, which WebKitWebDriver launches with `--automation`. */
  executablePath: string;
  driverPath: string;
  xvfbPath: string;
}

type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string };

// The body WebDriver runs: calls the page function, reports its result or error through the callback.
function asyncScript(fn: PageFunction<unknown, unknown>): string {
  return `const [arg, done] = arguments;
Promise.resolve().then(() => (${fn.toString()})(arg)).then(
  (value) => done({ ok: true, value }),
  (error) => done({ ok: false, name: String(error && error.name), message: String(error && error.message) }),
);`;
}

class WebDriverEnginePage extends EvaluatingPage {
  constructor(
    private readonly session: WebDriverSession,
    private readonly onClose: () => void,
  ) {
    super();
  }

  url(): Promise<string> {
    return this.session.currentUrl();
  }

  title(): Promise<string> {
    return this.session.title();
  }

  async evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result> {
    const outcome = await this.session.executeAsync<Outcome>(
      asyncScript(fn as PageFunction<unknown, unknown>),
      [arg],
    );
    if (!outcome.ok) throw new Error(`The page function threw ${outcome.name}: ${outcome.message}`);
    return outcome.value as Result;
  }

  async close(): Promise<void> {
    try {
      await this.session.delete();
    } finally {
      this.onClose();
    }
  }
}

// Xvfb, then the driver on it, then a first session; whatever started is stopped if a later step fails.
async function startStack(build: WebKitBuild, capabilities: Capabilities) {
  const xvfb = await startXvfb(build.xvfbPath);
  try {
    const driver = await startWebKitDriver(build.driverPath, xvfb.display);
    const stop = async () => {
      await driver.stop();
      await xvfb.stop();
    };
    try {
      const firstSession = await WebDriverSession.create(driver.url, capabilities);
      return { driverUrl: driver.url, firstSession, stop };
    } catch (error) {
      await driver.stop();
      throw error;
    }
  } catch (error) {
    await xvfb.stop();
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
  const { driverUrl, firstSession, stop } = await startStack(build, capabilities);
  const launchMs = performance.now() - started;
  let spare: WebDriverSession | undefined = firstSession;
  let current: WebDriverSession | undefined;
  let firstLoadMs: number | undefined;
  return {
    identity: { ...identity, version: String(firstSession.capabilities.browserVersion) },
    launchMs,
    launchFloorMs: () => (firstLoadMs === undefined ? undefined : launchMs + firstLoadMs),
    async open(url) {
      if (current) throw new Error(`A WebKit page is still open; close it before opening ${url}.`);
      const loadStarted = performance.now();
      const session = spare ?? (await WebDriverSession.create(driverUrl, capabilities));
      spare = undefined;
      current = session;
      try {
        await session.navigate(url);
      } catch (error) {
        current = undefined;
        await session.delete().catch(() => undefined);
        throw error;
      }
      firstLoadMs ??= performance.now() - loadStarted;
      return new WebDriverEnginePage(session, () => (current = undefined));
    },
    async closePages() {
      const open = current;
      current = undefined;
      await open?.delete();
    },
    async close() {
      for (const session of [current, spare]) await session?.delete().catch(() => undefined);
      await stop();
    },
  };
}
