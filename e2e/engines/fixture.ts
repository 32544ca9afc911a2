// The `engine` fixture: one engine per worker, started before the first test and always stopped.
import { basename } from 'node:path';
import { ensureCertificates } from '@cors-lab/tls';
import { test as base } from '@playwright/test';
import { serversReady, type ServersReady } from '../servers/servers-ready.js';
import { launchChromiumCdpEngine } from './chromium-cdp-engine.js';
import type { Engine, EngineOptions } from './engine.js';
import { launchFirefoxBidiEngine } from './firefox-bidi-engine.js';
import { launchPlaywrightEngine } from './playwright-engine.js';
import { connectPlaywrightEngine, connectWebDriverEngine } from './remote.js';
import { chromiumHome, firefoxProfile, webkitCertificates } from './trust/engine-trust.js';
import { launchWebKitWebDriverEngine } from './webkit-webdriver-engine.js';

export interface EngineWorkerOptions {
  engineOptions: EngineOptions | undefined;
  /** False where no global setup starts the lab's servers (the engine experiments start their own). */
  labServersNeeded: boolean;
}

export const test = base.extend<
  { engineTestScope: void },
  EngineWorkerOptions & { engine: Engine; labServers: Promise<ServersReady | undefined> }
>({
  engineOptions: [undefined, { scope: 'worker', option: true }],
  labServersNeeded: [true, { scope: 'worker', option: true }],

  // Starts waiting for the lab's servers as the worker starts, so the engine launches meanwhile;
  // each test awaits it (engineTestScope) before it can open a page.
  labServers: [
    async ({ labServersNeeded }, use) => {
      const ready = labServersNeeded ? serversReady() : Promise.resolve(undefined);
      ready.catch(() => undefined);
      await use(ready);
    },
    { scope: 'worker', auto: true },
  ],

  engine: [
    async (
      { engineOptions, playwright, browserName, launchOptions, channel, headless },
      use,
      workerInfo,
    ) => {
      const project = workerInfo.project.name;
      if (!engineOptions) {
        throw new Error(
          `Project "${project}" has no use.engineOptions; build projects with engineProjects() in playwright.config.ts.`,
        );
      }
      const {
        engine: name,
        source,
        build,
        backend,
        protocol,
        webSecurity,
        extensionPath,
      } = engineOptions;
      const identity = {
        project,
        engine: name,
        product: build.product,
        source,
        protocol,
        webSecurity,
        ...(extensionPath ? { extension: basename(extensionPath) } : {}),
      };
      // Every engine trusts the lab's CA (created on first use) for the https origins.
      const certificates = await ensureCertificates();
      const launchStartedAt = Date.now();
      let engine: Engine;
      if (backend === 'remote') {
        const { remote } = engineOptions;
        if (!remote)
          throw new Error(`Project "${project}" has backend "remote" but no remote endpoint.`);
        engine =
          remote.kind === 'webdriver'
            ? await connectWebDriverEngine(remote, { project, webSecurity })
            : await connectPlaywrightEngine(playwright[browserName], remote, {
                project,
                webSecurity,
              });
        if (engine.identity.engine !== name) {
          await engine.close();
          throw new Error(
            `Project "${project}" expected ${name}, but the endpoint runs ${engine.identity.product} (${engine.identity.engine}); fix its browserName.`,
          );
        }
      } else if (backend === 'webkit-webdriver') {
        const { executablePath, driverPath, xvfbPath } = build;
        if (!driverPath || !xvfbPath) {
          throw new Error(
            `Project "${project}" drives WebKit over WebDriver but its build names no driverPath/xvfbPath ` +
              `(${JSON.stringify(build)}); rerun \`node provision/run.mjs\`.`,
          );
        }
        engine = await launchWebKitWebDriverEngine(
          { executablePath, driverPath, xvfbPath },
          identity,
          webkitCertificates(certificates),
        );
      } else if (backend === 'firefox-bidi') {
        engine = await launchFirefoxBidiEngine(
          build.executablePath,
          identity,
          firefoxProfile(certificates),
        );
      } else if (backend === 'chromium-cdp') {
        // The engine removes the temporary HOME when it closes.
        engine = await launchChromiumCdpEngine(
          {
            executablePath: build.executablePath,
            args: launchOptions.args ?? [],
            home: chromiumHome(certificates),
            ...(extensionPath ? { extensionPath } : {}),
          },
          identity,
        );
      } else if (name === 'chromium') {
        const home = chromiumHome(certificates);
        try {
          engine = await launchPlaywrightEngine(
            playwright[browserName],
            {
              ...launchOptions,
              ...(channel ? { channel } : {}),
              headless,
              env: { ...process.env, HOME: home.path },
            },
            identity,
            extensionPath ? { extensionPath } : {},
          );
        } catch (error) {
          home.remove();
          throw error;
        }
        const close = engine.close.bind(engine);
        engine.close = async () => {
          await close();
          home.remove();
        };
      } else {
        // The persistent profile is removed when the engine closes.
        engine = await launchPlaywrightEngine(
          playwright[browserName],
          { ...launchOptions, ...(channel ? { channel } : {}), headless },
          identity,
          { profileDir: firefoxProfile(certificates).path },
        );
      }
      engine.launchStartedAt = launchStartedAt;
      await use(engine);
      await engine.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  // Every result names the engine build behind it (the run summary reads these attachments),
  // and no page outlives its test.
  engineTestScope: [
    async ({ engine, labServers }, use, testInfo) => {
      const { product, version, source, protocol } = engine.identity;
      testInfo.annotations.push({
        type: 'engine',
        description: `${product} ${version} (${source}, ${protocol})`,
      });
      await labServers;
      await use();
      await engine.closePages();
      const launchFloorMs = engine.launchFloorMs();
      await testInfo.attach('engine.json', {
        contentType: 'application/json',
        body: JSON.stringify({
          ...engine.identity,
          launchStartedAt: engine.launchStartedAt,
          launchMs: engine.launchMs,
          launchFloorMs,
        }),
      });
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
