// What every engine launched here does alike: time its first page (the launch floor), keep the
// pages it opened, close them after each test and the browser at the end.
import type { Engine, EngineIdentity, EnginePage, OpenOptions } from './engine.js';

export interface EngineParts {
  identity: EngineIdentity;
  launchMs: number;
  /** Opens `url` in a fresh browsing state and waits for its load; cleans up itself if it fails. */
  openPage(url: string, options: OpenOptions): Promise<EnginePage>;
  /** Ends the browser and removes what was made for it. */
  closeBrowser(): Promise<void>;
}

export function pagedEngine({ identity, launchMs, openPage, closeBrowser }: EngineParts): Engine {
  let firstLoadMs: number | undefined;
  const open = new Set<EnginePage>();
  return {
    identity,
    launchMs,
    launchFloorMs: () => (firstLoadMs === undefined ? undefined : launchMs + firstLoadMs),
    async open(url, options = {}) {
      const loadStarted = performance.now();
      const page = await openPage(url, options);
      firstLoadMs ??= performance.now() - loadStarted;
      open.add(page);
      const close = page.close.bind(page);
      page.close = async () => {
        open.delete(page);
        await close();
      };
      return page;
    },
    async closePages() {
      await Promise.all([...open].map((page) => page.close()));
    },
    close: closeBrowser,
  };
}
