// One way to drive every engine, so a spec is written once for Playwright pages and WebDriver.
import type { EngineBuild, EngineName, EngineSource } from '../provision/choice.mjs';
import type { RemoteEndpoint } from './remote.js';

export type { EngineBuild, EngineName, EngineSource };

/** Set per Playwright project (`use.engineOptions`): which engine and how to drive it. */
export interface EngineOptions {
  engine: EngineName;
  source: EngineSource;
  build: EngineBuild;
  /**
   * `playwright` launches through Playwright; `webkit-webdriver` drives Debian's WebKitGTK;
   * `firefox-bidi` and `chromium-cdp` drive Debian's Firefox and Chromium over the harness's own
   * WebDriver BiDi and DevTools Protocol clients; `remote` connects to `remote` (a WebDriver
   * endpoint or a Playwright browser server).
   */
  backend: 'playwright' | 'webkit-webdriver' | 'firefox-bidi' | 'chromium-cdp' | 'remote';
  /** The endpoint of a `remote` backend. */
  remote?: RemoteEndpoint;
  protocol: EngineIdentity['protocol'];
  webSecurity: boolean;
  /** Absolute path of an unpacked Chromium extension to load (development-only projects). */
  extensionPath?: string;
}

/** Which build produced a result: stated in every test's annotations and the run summary. */
export interface EngineIdentity {
  /** The Playwright project, e.g. `webkit` or `chromium-insecure`. */
  project: string;
  engine: EngineName;
  /** The product as it names itself, e.g. `Chromium`, `Firefox ESR`, `WebKitGTK MiniBrowser`. */
  product: string;
  /** The version the running engine reported (`browser.version()` or WebDriver `browserVersion`). */
  version: string;
  /** `remote` for an engine behind E2E_WEBDRIVER_URL or E2E_PLAYWRIGHT_WS_ENDPOINT. */
  source: EngineSource | 'remote';
  /** How the harness talks to it: `cdp`, `webdriver-bidi`, `juggler`, `playwright-webkit` or `webdriver`. */
  protocol: string;
  /** False only for the development-only project launched with `--disable-web-security`. */
  webSecurity: boolean;
  /** The unpacked extension loaded into the engine, by folder name (e.g. `allow-cors`). */
  extension?: string;
}

/** A function run inside the page; its argument and result cross as JSON. */
export type PageFunction<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

export interface EnginePage {
  /** The URL the page ended on after load. */
  url(): Promise<string>;
  title(): Promise<string>;
  /** Runs `fn(arg)` in the page and resolves with its (awaited) JSON-serializable result. */
  evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result>;
  textContent(selector: string): Promise<string | null>;
  getAttribute(selector: string, name: string): Promise<string | null>;
  /** Resolves once `selector` has `name="value"`; rejects after `timeoutMs` naming what it saw. */
  waitForAttribute(
    selector: string,
    name: string,
    value: string,
    timeoutMs?: number,
  ): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Permissions granted to the page's origin before it loads, e.g. `local-network-access` (what a
   * user's "Allow" does). Engines driven over plain WebDriver cannot grant any and throw.
   */
  permissions?: readonly string[];
}

export interface Engine {
  identity: EngineIdentity;
  /** Milliseconds from starting the engine's processes to being able to open a page. */
  launchMs: number;
  /** Epoch milliseconds at which the launch began (set by the fixture), for the run's timeline. */
  launchStartedAt?: number;
  /** Launch time plus the first page's load: the least any run with this engine costs. */
  launchFloorMs(): number | undefined;
  /**
   * Opens `url` in a fresh browsing state (no cookies, no cache) and waits for its load event.
   * One page at a time per engine (WebKit over WebDriver has one window per session).
   */
  open(url: string, options?: OpenOptions): Promise<EnginePage>;
  /** Closes every page still open; the fixture calls it after each test. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}
