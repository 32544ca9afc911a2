// An Engine over a browser Playwright launches itself: Chromium over CDP, Firefox over BiDi.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserType, LaunchOptions, Page } from '@playwright/test';
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';
import { pagedEngine } from './paged-engine.js';

class PlaywrightEnginePage extends EvaluatingPage {
  constructor(
    private readonly page: Page,
    /** Closes what was opened for this page: its own context, or just the page. */
    private readonly release: () => Promise<void>,
  ) {
    super();
  }

  override async url(): Promise<string> {
    return this.page.url();
  }

  override title(): Promise<string> {
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
  return engineOverBrowser(browser, performance.now() - started, identity);
}

/** An Engine over a running browser: a fresh context per page, the browser closed with it. */
export function engineOverBrowser(
  browser: Browser,
  launchMs: number,
  identity: Omit<EngineIdentity, 'version'>,
): Engine {
  return pagedEngine({
    identity: { ...identity, version: browser.version() },
    launchMs,
    async openPage(url, { permissions = [] }) {
      const context = await browser.newContext();
      try {
        if (permissions.length > 0) {
          await context.grantPermissions([...permissions], { origin: new URL(url).origin });
        }
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return new PlaywrightEnginePage(page, () => context.close());
      } catch (error) {
        await context.close().catch(() => undefined);
        throw error;
      }
    },
    closeBrowser: () => browser.close(),
  });
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
  return pagedEngine({
    identity: { ...identity, version },
    launchMs,
    async openPage(url, { permissions = [] }) {
      await context.clearCookies();
      // The profile outlives the page, so no grant may leak into the next one.
      await context.clearPermissions();
      if (permissions.length > 0) {
        await context.grantPermissions([...permissions], { origin: new URL(url).origin });
      }
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (error) {
        await page.close().catch(() => undefined);
        throw error;
      }
      return new PlaywrightEnginePage(page, () => page.close());
    },
    async closeBrowser() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  });
}
