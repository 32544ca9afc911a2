// An Engine over any W3C WebDriver endpoint: a session per page (a fresh browser, so no cookie or
// cache carries over), with the next page's session started while the current page runs.
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';
import { WebDriverSession, type Capabilities } from './webdriver/client.js';

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

  override url(): Promise<string> {
    return this.session.currentUrl();
  }

  override title(): Promise<string> {
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

export interface WebDriverEngineOptions {
  /**
   * Endpoints that each hold one session at a time (WebKitWebDriver), or one endpoint listed twice
   * when it holds several (a Selenium Grid): with two, the next page's browser starts meanwhile.
   */
  driverUrls: readonly string[];
  capabilities: Capabilities;
  /** A session already open on `driverUrls[0]` (its capabilities name the engine's version). */
  firstSession: WebDriverSession;
  identity: EngineIdentity;
  launchMs: number;
  /** Stops what was started for the endpoints (nothing for a remote grid). */
  stop(): Promise<void>;
}

export function webDriverEngine(options: WebDriverEngineOptions): Engine {
  const { driverUrls, capabilities, firstSession, identity, launchMs, stop } = options;
  const create = (driver: number) =>
    WebDriverSession.create(driverUrls[driver % driverUrls.length]!, capabilities);
  // The session the next open() takes, and the endpoint it is on.
  let spare: Promise<WebDriverSession> | undefined = Promise.resolve(firstSession);
  let spareDriver = 0;
  let current: WebDriverSession | undefined;
  let firstLoadMs: number | undefined;
  const prepareNext = (driver: number) => {
    spareDriver = driver;
    spare = create(driver);
    spare.catch(() => undefined);
  };
  return {
    identity,
    launchMs,
    launchFloorMs: () => (firstLoadMs === undefined ? undefined : launchMs + firstLoadMs),
    async open(url, { permissions = [] } = {}) {
      if (permissions.length > 0) {
        throw new Error(
          `${identity.project} drives its engine over plain WebDriver, which grants no permissions (asked for ${permissions.join(', ')}); run this test only where Playwright launches the engine.`,
        );
      }
      if (current) throw new Error(`A page is still open; close it before opening ${url}.`);
      const loadStarted = performance.now();
      const driver = spareDriver;
      // A prepared session that failed (the endpoint was still busy) is made again now.
      const session = await (spare ?? create(driver)).catch(() => create(driver));
      spare = undefined;
      current = session;
      if (driverUrls.length > 1) prepareNext(driver + 1);
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
      const prepared = await spare?.catch(() => undefined);
      for (const session of [current, prepared]) await session?.delete().catch(() => undefined);
      await stop();
    },
  };
}
