// An Engine over Firefox driven by the harness's own WebDriver BiDi client. Playwright's BiDi
// client subscribes to every network event and keeps every response body, which made each request
// cost Firefox about twice the processor time; this client subscribes to nothing.
import { writeFileSync } from 'node:fs';
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
import { BIDI, type RpcSocket } from './protocol/rpc-socket.js';
import type { TrustFolder } from './trust/engine-trust.js';

/**
 * The profile's preferences, chosen so Firefox behaves as it did in Playwright's profile, where the
 * catalogue's Firefox expectations were first observed: no first-run pages, update checks,
 * telemetry or Safe Browsing lookups (network calls that only wait on timeouts on a closed
 * network); timers not throttled in a headless window; HTTPS-First off; and the content-blocking
 * category `custom`, where Playwright's profile ends up, so every privacy preference keeps
 * Firefox's own default (Total Cookie Protection included).
 */
export const FIREFOX_PREFS: Readonly<Record<string, string | number | boolean>> = {
  'app.normandy.api_url': '',
  'app.update.disabledForTesting': true,
  'browser.contentblocking.category': 'custom',
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.search.update': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
  'dom.security.https_first': false,
  'extensions.update.enabled': false,
  'layout.testing.top-level-always-active': true,
  'network.connectivity-service.enabled': false,
  'network.cookie.sameSite.laxByDefault': false,
  'network.http.speculative-parallel-limit': 0,
  'privacy.trackingprotection.enabled': false,
  'security.certerrors.mitm.priming.enabled': false,
  'startup.homepage_welcome_url': 'about:blank',
  'toolkit.telemetry.reportingpolicy.firstRun': false,
};

/** The user.js that sets `prefs`. */
export function userJs(prefs: Readonly<Record<string, string | number | boolean>>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
    .join('');
}

const LISTENING = /WebDriver BiDi listening on (ws:\/\/\S+)/;

type EvaluateResult =
  | { type: 'success'; result: ReturnedValue }
  | { type: 'exception'; exceptionDetails: { text: string } };

/** The page function's result from script.callFunction's answer; throws what the page threw. */
export function bidiResult(answer: EvaluateResult): unknown {
  if (answer.type === 'exception') throw pageFunctionThrew(answer.exceptionDetails.text);
  return fromJsonText(answer.result);
}

class BidiPage extends EvaluatingPage {
  constructor(
    private readonly bidi: RpcSocket,
    private readonly context: string,
    private readonly release: () => Promise<void>,
  ) {
    super();
  }

  async evaluate<Arg, Result>(fn: PageFunction<Arg, Result>, arg: Arg): Promise<Result> {
    const answer = await this.bidi.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: callThroughJson(fn as PageFunction<unknown, unknown>),
      arguments: [
        arg === undefined ? { type: 'undefined' } : { type: 'string', value: JSON.stringify(arg) },
      ],
      awaitPromise: true,
      target: { context: this.context },
    });
    return bidiResult(answer) as Result;
  }

  close(): Promise<void> {
    return this.release();
  }
}

/**
 * Launches Firefox on `profile` (a temporary profile whose cert9.db trusts the lab's CA; removed
 * when the engine closes). Each page opens in a user context of its own, Firefox's container:
 * its own cookies, storage and HTTP cache, like a fresh Playwright context.
 */
export async function launchFirefoxBidiEngine(
  executablePath: string,
  identity: Omit<EngineIdentity, 'version'>,
  profile: TrustFolder,
): Promise<Engine> {
  const started = performance.now();
  writeFileSync(join(profile.path, 'user.js'), userJs(FIREFOX_PREFS));
  const {
    socket: connection,
    hello: version,
    stop,
  } = await startConnectedBrowser({
    name: 'Firefox',
    executablePath,
    args: ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile.path],
    env: { MOZ_CRASHREPORTER_DISABLE: '1' },
    listening: LISTENING,
    framing: BIDI,
    socketUrl: (address) => `${address}/session`,
    handshake: async (socket) => {
      const session = await socket.send<{ capabilities: { browserVersion?: string } }>(
        'session.new',
        { capabilities: { alwaysMatch: { unhandledPromptBehavior: { default: 'ignore' } } } },
      );
      return session.capabilities.browserVersion ?? 'unknown';
    },
    farewell: 'browser.close',
    cleanUp: () => profile.remove(),
  });
  return pagedEngine({
    identity: { ...identity, version },
    launchMs: performance.now() - started,
    async openPage(url, { permissions = [] }) {
      if (permissions.length > 0) {
        throw new Error(
          `${identity.project} grants no permissions (asked for ${permissions.join(', ')}); only Chromium's projects do.`,
        );
      }
      const { userContext } = await connection.send<{ userContext: string }>(
        'browser.createUserContext',
      );
      // Removing the user context closes its tab too.
      const remove = () =>
        connection.send('browser.removeUserContext', { userContext }).then(() => undefined);
      try {
        const { context } = await connection.send<{ context: string }>('browsingContext.create', {
          type: 'tab',
          userContext,
        });
        await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
        return new BidiPage(connection, context, remove);
      } catch (error) {
        await remove().catch(() => undefined);
        throw error;
      }
    },
    closeBrowser: stop,
  });
}
