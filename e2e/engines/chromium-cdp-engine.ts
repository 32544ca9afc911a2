// An Engine over Debian's Chromium driven by the harness's own Chrome DevTools Protocol client.
// Playwright enables the Network domain of every page (an event per request for it to track), and
// its switches leave an omnibox-popup renderer running beside every context; this client enables
// no domain and launches Chromium with switches of its own, each said here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine, EngineIdentity, PageFunction } from './engine.js';
import { EvaluatingPage } from './evaluating-page.js';
import { pagedEngine } from './paged-engine.js';
import { startConnectedBrowser } from './protocol/browser-process.js';
import {
  callThroughJson,
  fromJsonText,
  pageFunctionThrew,
  type ReturnedValue,
} from './protocol/json-call.js';
import { CDP, type RpcSocket } from './protocol/rpc-socket.js';
import type { TrustFolder } from './trust/engine-trust.js';

const LISTENING = /DevTools listening on (ws:\/\/\S+)/;

/**
 * Features switched off: the omnibox popups' WebUI (a renderer per context, nothing a page can
 * see), HTTPS-Upgrades (the lab serves http on purpose) and third-party storage partitioning, as
 * the suite has always run Chromium; and services that only wait on timeouts on a closed network.
 */
export const DISABLED_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'HttpsUpgrades',
  'ThirdPartyStoragePartitioning',
  'Translate',
  'OptimizationHints',
  'MediaRouter',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'LensOverlay',
  'AimEnabled',
  'NetworkTimeServiceQuerying',
];

/** The switches every launch gets, before the project's own (`launchOptions.args`). */
export function chromiumSwitches(userDataDir: string, extensionPath?: string): string[] {
  return [
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
    // The field-trial testing configuration built into Chromium turns on experiments a user's
    // browser does not run.
    '--disable-field-trial-config',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    // Pages keep their timers and rendering while another window has the focus.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-back-forward-cache',
    '--disable-hang-monitor',
    '--disable-breakpad',
    '--disable-dev-shm-usage',
    '--disable-search-engine-choice-screen',
    '--no-default-browser-check',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    '--metrics-recording-only',
    '--mute-audio',
    '--hide-scrollbars',
    // The harness runs as root in containers and CI, where Chromium's sandbox cannot start.
    '--no-sandbox',
    ...(extensionPath
      ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]
      : ['--disable-extensions']),
  ];
}

/** CDP's names for the web permissions the suite grants (Chromium has used both spellings). */
const PERMISSIONS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'local-network-access': [
    ['localNetworkAccess', 'localNetwork', 'loopbackNetwork'],
    ['localNetworkAccess'],
  ],
};

/** Tries each spelling until Chromium takes one; fails with the last refusal. */
async function firstAccepted(
  spellings: readonly (readonly string[])[],
  send: (names: readonly string[]) => Promise<unknown>,
): Promise<void> {
  let refusal: unknown;
  for (const names of spellings) {
    try {
      await send(names);
      return;
    } catch (error) {
      refusal = error;
    }
  }
  throw refusal;
}

type EvaluateAnswer = {
  result: ReturnedValue;
  exceptionDetails?: { text: string; exception?: { description?: string } };
};

/** The page function's result from Runtime.evaluate's answer; throws what the page threw. */
export function cdpResult(answer: EvaluateAnswer): unknown {
  const thrown = answer.exceptionDetails;
  if (thrown) throw pageFunctionThrew(thrown.exception?.description ?? thrown.text);
  return fromJsonText(answer.result);
}

/** `156.0.8078.108` from Browser.getVersion's `HeadlessChrome/156.0.8078.108`. */
export function versionOf(product: string): string {
  return product.slice(product.indexOf('/') + 1) || product;
}

// Resolves once the document has loaded (at once if it already has).
const loaded = () =>
  document.readyState === 'complete'
    ? true
    : new Promise<boolean>((resolve) =>
        window.addEventListener('load', () => resolve(true), { once: true }),
      );

class CdpPage extends EvaluatingPage {
  constructor(
    private readonly cdp: RpcSocket,
    private readonly session: string,
    private readonly release: () => Promise<void>,
  ) {
    super();
  }

  async evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result> {
    const json = arg === undefined ? 'undefined' : JSON.stringify(JSON.stringify(arg));
    const answer = await this.cdp.send<EvaluateAnswer>(
      'Runtime.evaluate',
      {
        expression: `(${callThroughJson(fn as PageFunction<unknown, unknown>)})(${json})`,
        awaitPromise: true,
        returnByValue: true,
      },
      this.session,
    );
    return cdpResult(answer) as Result;
  }

  close(): Promise<void> {
    return this.release();
  }
}

export interface ChromiumLaunch {
  executablePath: string;
  /** The project's own switches (e.g. `--disable-web-security`), after the harness's. */
  args: readonly string[];
  /** The browser's HOME, whose NSS database trusts the lab's CA; removed when the engine closes. */
  home: TrustFolder;
  /** An unpacked extension to load: pages then open in the profile on disk, not in contexts of their own. */
  extensionPath?: string;
}

/**
 * Launches Chromium. Each page opens in a browser context of its own (off the record: its own
 * cookies, storage and cache); with an extension, in the profile on disk, its cookies and
 * permissions cleared first (the HTTP cache lives as long as the engine, as in Playwright's
 * persistent context).
 */
export async function launchChromiumCdpEngine(
  launch: ChromiumLaunch,
  identity: Omit<EngineIdentity, 'version'>,
): Promise<Engine> {
  const { executablePath, args, home, extensionPath } = launch;
  const userDataDir = mkdtempSync(join(tmpdir(), 'cors-lab-chromium-profile-'));
  const started = performance.now();
  const {
    socket: connection,
    hello: version,
    stop,
  } = await startConnectedBrowser({
    name: 'Chromium',
    executablePath,
    args: [...chromiumSwitches(userDataDir, extensionPath), ...args, 'about:blank'],
    env: { HOME: home.path },
    listening: LISTENING,
    framing: CDP,
    handshake: async (socket) =>
      versionOf((await socket.send<{ product: string }>('Browser.getVersion')).product),
    farewell: 'Browser.close',
    cleanUp: () => {
      rmSync(userDataDir, { recursive: true, force: true });
      home.remove();
    },
  });

  const grant = async (
    origin: string,
    permissions: readonly string[],
    browserContextId?: string,
  ) => {
    for (const permission of permissions) {
      const spellings = PERMISSIONS[permission];
      if (!spellings) {
        throw new Error(
          `${identity.project} cannot grant "${permission}"; it grants ${Object.keys(PERMISSIONS).join(', ')}.`,
        );
      }
      await firstAccepted(spellings, (names) =>
        connection.send('Browser.grantPermissions', {
          origin,
          permissions: names,
          ...(browserContextId ? { browserContextId } : {}),
        }),
      );
    }
  };

  return pagedEngine({
    identity: { ...identity, version },
    launchMs: performance.now() - started,
    async openPage(url, { permissions = [] }) {
      let browserContextId: string | undefined;
      if (extensionPath) {
        // The profile outlives the page: no cookie or grant may leak into the next one.
        await connection.send('Storage.clearCookies');
        await connection.send('Browser.resetPermissions');
      } else {
        ({ browserContextId } = await connection.send<{ browserContextId: string }>(
          'Target.createBrowserContext',
          { disposeOnDetach: true },
        ));
      }
      let targetId: string | undefined;
      const release = async () => {
        if (browserContextId) {
          await connection.send('Target.disposeBrowserContext', { browserContextId });
        } else if (targetId) {
          await connection.send('Target.closeTarget', { targetId });
        }
      };
      try {
        if (permissions.length > 0) await grant(new URL(url).origin, permissions, browserContextId);
        ({ targetId } = await connection.send<{ targetId: string }>('Target.createTarget', {
          url: 'about:blank',
          ...(browserContextId ? { browserContextId } : {}),
        }));
        const { sessionId } = await connection.send<{ sessionId: string }>(
          'Target.attachToTarget',
          { targetId, flatten: true },
        );
        const { errorText } = await connection.send<{ errorText?: string }>(
          'Page.navigate',
          { url },
          sessionId,
        );
        if (errorText) throw new Error(`Chromium could not load ${url}: ${errorText}`);
        const page = new CdpPage(connection, sessionId, release);
        await page.evaluate(loaded, undefined);
        return page;
      } catch (error) {
        await release().catch(() => undefined);
        throw error;
      }
    },
    closeBrowser: stop,
  });
}
