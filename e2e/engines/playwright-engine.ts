// An Engine over a browser Playwright launches itself: Chromium over CDP, Firefox over BiDi.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserType, LaunchOptions, Page } from '@playwright/test';
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';

class PlaywrightEnginePage extends EvaluatingPage {
  constructor(
    private readonly page: Page,
    /** Closes what was opened for this page: its own context, or just the page. */
    private readonly release: () => Promise<void>,
  ) {
    super();
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  title(): Promise<string> {
    return this.page.title();
  }

  evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result> {
    // Arguments cross as JSON, so Playwright's handle unboxing never applies.
    return this.page.evaluate<Result, unknown>(fn as PageFunction<unknown, Result>, arg);
  }

  close(): Promise<void> {
    return this.release();
  }
}

export interface ProfileOptions {
  /** Absolute path of an unpacked Chromium extension to load (development-only projects). */
  extensionPath?: string;
  /** A prepared profile folder to run in (Firefox: one whose cert9.db trusts the lab's CA). */
  profileDir?: string;
}

export async function launchPlaywrightEngine(
  browserType: BrowserType,
  launchOptions: LaunchOptions,
  identity: Omit<EngineIdentity, 'version'>,
  { extensionPath, profileDir }: ProfileOptions = {},
): Promise<Engine> {
  if (extensionPath || profileDir) {
    return launchPersistent(browserType, launchOptions, identity, { extensionPath, profileDir });
  }
  const started = performance.now();
  const browser: Browser = await browserType.launch(launchOptions);
  const launchMs = performance.now() - started;
  let firstLoadMs: number | undefined;
  const contexts = new Set<BrowserContext>();
  return {
    identity: { ...identity, version: browser.version() },
    launchMs,
    launchFloorMs: () => (firstLoadMs === undefined ? undefined : launchMs + firstLoadMs),
    async open(url) {
      const loadStarted = performance.now();
      const context = await browser.newContext();
      contexts.add(context);
      context.once('close', () => contexts.delete(context));
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      firstLoadMs ??= performance.now() - loadStarted;
      return new PlaywrightEnginePage(page, () => context.close());
    },
    async closePages() {
      await Promise.all([...contexts].map((context) => context.close()));
    },
    close: () => browser.close(),
  };
}

// Chromium loads extensions, and Firefox reads its CA trust, only from a profile on disk (a
// persistent context), so pages share it: each open() starts without cookies, but the HTTP cache
// lives as long as the engine. The folder is removed with the engine.
async function launchPersistent(
  browserType: BrowserType,
  launchOptions: LaunchOptions,
  identity: Omit<EngineIdentity, 'version'>,
  { extensionPath, profileDir }: ProfileOptions,
): Promise<Engine> {
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'cors-lab-extension-'));
  const extensionArgs = extensionPath
    ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]
    : [];
  const started = performance.now();
  const context = await browserType.launchPersistentContext(userDataDir, {
    ...launchOptions,
    args: [...(launchOptions.args ?? []), ...extensionArgs],
  });
  const launchMs = performance.now() - started;
  const version = context.browser()?.version();
  if (!version) {
    await context.close();
    throw new Error(`${identity.project}: the persistent context reports no browser version.`);
  }
  let firstLoadMs: number | undefined;
  const pages = new Set<Page>();
  return {
    identity: { ...identity, version },
    launchMs,
    launchFloorMs: () => (firstLoadMs === undefined ? undefined : launchMs + firstLoadMs),
    async open(url) {
      const loadStarted = performance.now();
      await context.clearCookies();
      const page = await context.newPage();
      pages.add(page);
      page.once('close', () => pages.delete(page));
      await page.goto(url, { waitUntil: 'load' });
      firstLoadMs ??= performance.now() - loadStarted;
      return new PlaywrightEnginePage(page, () => page.close());
    },
    async closePages() {
      await Promise.all([...pages].map((page) => page.close()));
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
