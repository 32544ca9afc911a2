// The `engine` fixture: one engine per worker, started before the first test and always stopped.
import { basename } from 'node:path';
import { ensureCertificates } from '@cors-lab/tls';
import { test as base } from '@playwright/test';
import type { Engine, EngineOptions } from './engine.js';
import { launchPlaywrightEngine } from './playwright-engine.js';
import { chromiumHome, firefoxProfile, webkitCertificates } from './trust/engine-trust.js';
import { launchWebKitWebDriverEngine } from './webkit-webdriver-engine.js';

export interface EngineWorkerOptions {
  engineOptions: EngineOptions | undefined;
}

export const test = base.extend<
  { engineTestScope: void },
  EngineWorkerOptions & { engine: Engine }
>({
  engineOptions: [undefined, { scope: 'worker', option: true }],

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
      let engine: Engine;
      if (backend === 'webkit-webdriver') {
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
      await use(engine);
      await engine.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  // Every result names the engine build behind it (the run summary reads these attachments),
  // and no page outlives its test.
  engineTestScope: [
    async ({ engine }, use, testInfo) => {
      const { product, version, source, protocol } = engine.identity;
      testInfo.annotations.push({
        type: 'engine',
        description: `${product} ${version} (${source}, ${protocol})`,
      });
      await use();
      await engine.closePages();
      const launchFloorMs = engine.launchFloorMs();
      await testInfo.attach('engine.json', {
        contentType: 'application/json',
        body: JSON.stringify({ ...engine.identity, launchMs: engine.launchMs, launchFloorMs }),
      });
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
