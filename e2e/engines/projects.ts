// The Playwright projects for the engines provisioning chose: Playwright's builds or Debian's.
import type { PlaywrightTestConfig } from '@playwright/test';
import type { EngineChoice } from '../provision/choice.mjs';
import type { EngineOptions } from './engine.js';
import type { EngineWorkerOptions } from './fixture.js';

/** Tests tagged with this run only in `chromium-insecure`, and only there. */
export const WEB_SECURITY_OFF = '@web-security-off';

// On a closed network these background services only wait on timeouts and add noise.
const DEBIAN_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type Project = NonNullable<PlaywrightTestConfig<object, EngineWorkerOptions>['projects']>[number];

export function engineProjects(choice: EngineChoice): Project[] {
  const { source, engines } = choice;
  const debian = source === 'debian';
  const options = (
    engine: EngineOptions['engine'],
    protocol: string,
    rest: Partial<EngineOptions> = {},
  ): EngineOptions => ({
    engine,
    source,
    build: engines[engine],
    backend: 'playwright',
    protocol,
    webSecurity: true,
    ...rest,
  });
  const chromiumArgs = debian ? DEBIAN_CHROMIUM_ARGS : [];
  const chromiumLaunch = debian ? { executablePath: engines.chromium.executablePath } : {};

  return [
    {
      name: 'chromium',
      grepInvert: new RegExp(WEB_SECURITY_OFF),
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: chromiumArgs },
        engineOptions: options('chromium', 'cdp'),
      },
    },
    {
      name: 'firefox',
      grepInvert: new RegExp(WEB_SECURITY_OFF),
      use: debian
        ? {
            browserName: 'firefox',
            // Firefox ESR speaks WebDriver BiDi, not Playwright's patched Juggler protocol.
            channel: 'moz-firefox',
            launchOptions: { executablePath: engines.firefox.executablePath },
            engineOptions: options('firefox', 'webdriver-bidi'),
          }
        : { browserName: 'firefox', engineOptions: options('firefox', 'juggler') },
    },
    {
      name: 'webkit',
      grepInvert: new RegExp(WEB_SECURITY_OFF),
      use: {
        browserName: 'webkit',
        engineOptions: debian
          ? options('webkit', 'webdriver', { backend: 'webkit-webdriver' })
          : options('webkit', 'playwright-webkit'),
      },
    },
    {
      // Development only: shows which blocked requests a browser without CORS would let through.
      name: 'chromium-insecure',
      grep: new RegExp(WEB_SECURITY_OFF),
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: [...chromiumArgs, '--disable-web-security'] },
        engineOptions: options('chromium', 'cdp', { webSecurity: false }),
      },
    },
  ];
}
