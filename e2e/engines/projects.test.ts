import { describe, expect, it } from 'vitest';
import type { EngineChoice } from '../provision/choice.mjs';
import {
  ALLOW_CORS_EXTENSION,
  DEFAULT_WORKERS,
  engineProjects,
  EXTENSION,
  remoteProjects,
  WEB_SECURITY_OFF,
  workersFromEnv,
} from './projects.js';
import { engineOfBrowser, remoteEndpoints } from './remote.js';

const debian: EngineChoice = {
  source: 'debian',
  reason: 'E2E_ENGINES=debian',
  decidedAt: '2026-01-01T00:00:00.000Z',
  engines: {
    chromium: {
      product: 'Chromium',
      version: '156.0.8078.108',
      executablePath: '/usr/bin/chromium',
    },
    firefox: {
      product: 'Firefox ESR',
      version: '153.7.0esr',
      executablePath: '/usr/bin/firefox-esr',
    },
    webkit: {
      product: 'WebKitGTK MiniBrowser',
      version: '2.50.6',
      executablePath: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      driverPath: '/usr/bin/WebKitWebDriver',
      xvfbPath: '/usr/bin/Xvfb',
    },
  },
};

const playwright: EngineChoice = {
  source: 'playwright',
  reason: "Playwright's browsers are installed",
  decidedAt: '2026-01-01T00:00:00.000Z',
  engines: {
    chromium: {
      product: 'Chrome for Testing',
      version: '156.0.8078.4',
      executablePath: '/cache/chromium-1248/chrome-linux64/chrome',
    },
    firefox: {
      product: 'Firefox',
      version: '157.0',
      executablePath: '/cache/firefox-1555/firefox/firefox',
    },
    webkit: { product: 'WebKit', version: '27.2', executablePath: '/cache/webkit-2370/pw_run.sh' },
  },
};

const projectsByName = (choice: EngineChoice) =>
  Object.fromEntries(engineProjects(choice).map((project) => [project.name, project]));

describe('engineProjects', () => {
  it("drives Debian's Chromium and Firefox ESR over the harness's own CDP and BiDi clients and WebKitGTK over WebDriver", () => {
    const projects = projectsByName(debian);
    expect(projects.chromium?.use).toMatchObject({
      browserName: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium' },
      engineOptions: { backend: 'chromium-cdp', protocol: 'cdp', source: 'debian' },
    });
    expect(projects.firefox?.use).toMatchObject({
      browserName: 'firefox',
      engineOptions: {
        backend: 'firefox-bidi',
        protocol: 'webdriver-bidi',
        build: { executablePath: '/usr/bin/firefox-esr' },
      },
    });
    expect(projects.webkit?.use?.engineOptions).toMatchObject({
      backend: 'webkit-webdriver',
      protocol: 'webdriver',
      build: { driverPath: '/usr/bin/WebKitWebDriver', xvfbPath: '/usr/bin/Xvfb' },
    });
  });

  it("launches Playwright's own builds through Playwright, with no executable path or channel", () => {
    for (const project of engineProjects(playwright)) {
      expect(project.use?.launchOptions?.executablePath).toBeUndefined();
      // Only the extension project picks Playwright's full Chromium over its headless shell.
      expect(project.use?.channel).toBe(
        project.name === 'chromium-extension' ? 'chromium' : undefined,
      );
      expect(project.use?.engineOptions).toMatchObject({
        backend: 'playwright',
        source: 'playwright',
      });
    }
    expect(projectsByName(playwright).firefox?.use?.engineOptions?.protocol).toBe('juggler');
  });

  it('runs web-security-off tests only in chromium-insecure, the one project without web security', () => {
    for (const choice of [debian, playwright]) {
      const projects = engineProjects(choice);
      // The slowest engine first, so it starts first when workers are fewer than projects.
      expect(projects.map((project) => project.name)).toEqual([
        'webkit',
        'firefox',
        'chromium',
        'chromium-insecure',
        'chromium-extension',
      ]);
      for (const project of projects) {
        const insecure = project.name === 'chromium-insecure';
        const args = project.use?.launchOptions?.args ?? [];
        expect(args.includes('--disable-web-security')).toBe(insecure);
        expect(project.use?.engineOptions?.webSecurity).toBe(!insecure);
        const runs = (title: string) =>
          project.grep
            ? (project.grep as RegExp).test(title)
            : !(project.grepInvert as RegExp).test(title);
        expect(runs(`a title ${WEB_SECURITY_OFF}`)).toBe(insecure);
      }
    }
  });

  it('runs extension tests only in chromium-extension, the one project that loads the extension', () => {
    for (const choice of [debian, playwright]) {
      for (const project of engineProjects(choice)) {
        const withExtension = project.name === 'chromium-extension';
        expect(project.use?.engineOptions?.extensionPath).toBe(
          withExtension ? ALLOW_CORS_EXTENSION : undefined,
        );
        const runs = project.grep
          ? (project.grep as RegExp).test(`a title ${EXTENSION}`)
          : !(project.grepInvert as RegExp).test(`a title ${EXTENSION}`);
        expect(runs).toBe(withExtension);
        if (!project.grep) expect((project.grepInvert as RegExp).test('a title')).toBe(false);
      }
    }
    expect(ALLOW_CORS_EXTENSION).toMatch(/\/e2e\/extensions\/allow-cors$/);
  });
});

describe('workersFromEnv', () => {
  it('runs the three engines side by side unless E2E_WORKERS says otherwise', () => {
    expect(workersFromEnv({})).toBe(DEFAULT_WORKERS);
    expect(workersFromEnv({ E2E_WORKERS: '1' })).toBe(1);
  });

  it('refuses a count that is not a whole number of engines, naming it', () => {
    expect(() => workersFromEnv({ E2E_WORKERS: 'two' })).toThrow(
      'E2E_WORKERS is "two"; expected a whole number of engines to run at once',
    );
    expect(() => workersFromEnv({ E2E_WORKERS: '0' })).toThrow(/E2E_WORKERS is "0"/);
  });

  it('keeps every project to one worker, so no engine launches twice', () => {
    for (const project of engineProjects(debian)) expect(project.workers, project.name).toBe(1);
  });
});

describe('remote endpoints', () => {
  it('adds no project when the environment names no endpoint', () => {
    expect(remoteProjects(debian, {})).toEqual([]);
  });

  it('makes a WebDriver project from E2E_WEBDRIVER_URL and its capabilities, running the matrix only', () => {
    const [project] = remoteProjects(debian, {
      E2E_WEBDRIVER_URL: 'http://grid:4444/',
      E2E_WEBDRIVER_CAPABILITIES: '{"browserName":"safari","browserVersion":"26"}',
    });
    expect(project?.name).toBe('remote-webdriver');
    expect(String(project?.testMatch)).toContain('matrix');
    expect(project?.use?.engineOptions).toMatchObject({
      engine: 'webkit',
      backend: 'remote',
      remote: {
        kind: 'webdriver',
        url: 'http://grid:4444',
        capabilities: { browserName: 'safari', browserVersion: '26' },
      },
    });
  });

  it('makes a Playwright project from E2E_PLAYWRIGHT_WS_ENDPOINT and E2E_PLAYWRIGHT_BROWSER', () => {
    const [project] = remoteProjects(debian, {
      E2E_PLAYWRIGHT_WS_ENDPOINT: 'ws://grid:3000/abc',
      E2E_PLAYWRIGHT_BROWSER: 'firefox',
    });
    expect(project?.name).toBe('remote-playwright');
    expect(project?.use?.browserName).toBe('firefox');
    expect(project?.use?.engineOptions?.remote).toEqual({
      kind: 'playwright',
      wsEndpoint: 'ws://grid:3000/abc',
      browser: 'firefox',
    });
  });

  it('refuses endpoints it cannot use, saying what to set', () => {
    expect(() => remoteEndpoints({ E2E_WEBDRIVER_URL: 'grid:4444' })).toThrow(
      /E2E_WEBDRIVER_URL is "grid:4444"; expected the endpoint's http\(s\) URL/,
    );
    expect(() =>
      remoteEndpoints({ E2E_WEBDRIVER_URL: 'http://grid', E2E_WEBDRIVER_CAPABILITIES: '[1]' }),
    ).toThrow(/expected a JSON object/);
    expect(() =>
      remoteEndpoints({ E2E_WEBDRIVER_URL: 'http://grid', E2E_WEBDRIVER_CAPABILITIES: '{' }),
    ).toThrow(/E2E_WEBDRIVER_CAPABILITIES is not JSON/);
    expect(() => remoteProjects(debian, { E2E_WEBDRIVER_URL: 'http://grid' })).toThrow(
      /names no browserName/,
    );
    expect(() => remoteEndpoints({ E2E_PLAYWRIGHT_WS_ENDPOINT: 'ws://grid' })).toThrow(
      "E2E_PLAYWRIGHT_BROWSER is null; with E2E_PLAYWRIGHT_WS_ENDPOINT set, name the server's browser: chromium, firefox, webkit.",
    );
  });

  it("knows the engine behind the grids' browser names, and refuses one it does not", () => {
    expect(engineOfBrowser('MicrosoftEdge')).toBe('chromium');
    expect(engineOfBrowser('chrome')).toBe('chromium');
    expect(engineOfBrowser('Safari')).toBe('webkit');
    expect(engineOfBrowser('MiniBrowser')).toBe('webkit');
    expect(engineOfBrowser('firefox')).toBe('firefox');
    expect(() => engineOfBrowser('opera')).toThrow(
      /browserName "opera", whose engine the lab does not know/,
    );
  });
});
