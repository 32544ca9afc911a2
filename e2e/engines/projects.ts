// The Playwright projects for the engines provisioning chose: Playwright's builds or Debian's.
import { fileURLToPath } from 'node:url';
import { originsFromEnv } from '@cors-lab/scenarios';
import type { PlaywrightTestConfig } from '@playwright/test';
import type { EngineChoice } from '../provision/choice.mjs';
import type { EngineOptions } from './engine.js';
import type { EngineWorkerOptions } from './fixture.js';

/** Tests tagged with this run only in `chromium-insecure`, and only there. */
export const WEB_SECURITY_OFF = '@web-security-off';

/** Tests tagged with this run only in `chromium-extension`, and only there. */
export const EXTENSION = '@extension';

/** The development-only "Allow CORS"-style extension `chromium-extension` loads. */
export const ALLOW_CORS_EXTENSION = fileURLToPath(
  new URL('../extensions/allow-cors', import.meta.url),
);

// The normal engines run neither development-only tag.
const DEVELOPMENT_ONLY = new RegExp(`${WEB_SECURITY_OFF}|${EXTENSION}`);

// On a closed network these background services only wait on timeouts and add noise.
const DEBIAN_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Chromium's Local Network Access sorts addresses into public, local and loopback; every loopback
 * page is loopback. This makes the web app's 127.0.0.2 origin public (IP literal and port, as the
 * flag takes them), so a page there calling the API on localhost shows the permission check.
 */
export function publicAddressOverride(env: NodeJS.ProcessEnv = process.env): string {
  const { host } = new URL(originsFromEnv(env)['web-public']);
  return `--ip-address-space-overrides=${host}=public`;
}

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
  const chromiumArgs = [...(debian ? DEBIAN_CHROMIUM_ARGS : []), publicAddressOverride()];
  const chromiumLaunch = debian ? { executablePath: engines.chromium.executablePath } : {};

  return [
    {
      name: 'chromium',
      grepInvert: DEVELOPMENT_ONLY,
      use: {
        browserName: 'chromium',
        launchOptions: { ...chromiumLaunch, args: chromiumArgs },
        engineOptions: options('chromium', 'cdp'),
      },
    },
    {
      name: 'firefox',
      grepInvert: DEVELOPMENT_ONLY,
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
      grepInvert: DEVELOPMENT_ONLY,
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
    {
      // Development only: what an "Allow CORS" browser extension unblocks, and what it cannot.
      name: 'chromium-extension',
      grep: new RegExp(EXTENSION),
      use: {
        browserName: 'chromium',
        // Playwright's headless shell loads no extensions; its full Chromium does in new headless.
        ...(debian ? {} : { channel: 'chromium' }),
        launchOptions: { ...chromiumLaunch, args: chromiumArgs },
        engineOptions: options('chromium', 'cdp', { extensionPath: ALLOW_CORS_EXTENSION }),
      },
    },
  ];
}
