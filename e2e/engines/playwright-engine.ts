// An Engine over a browser Playwright launches itself: Chromium over CDP, Firefox over BiDi.
import type { Browser, BrowserContext, BrowserType, LaunchOptions, Page } from '@playwright/test';
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';

class PlaywrightEnginePage extends EvaluatingPage {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
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
    return this.context.close();
  }
}

export async function launchPlaywrightEngine(
  browserType: BrowserType,
  launchOptions: LaunchOptions,
  identity: Omit<EngineIdentity, 'version'>,
): Promise<Engine> {
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
      return new PlaywrightEnginePage(context, page);
    },
    async closePages() {
      await Promise.all([...contexts].map((context) => context.close()));
    },
    close: () => browser.close(),
  };
}
