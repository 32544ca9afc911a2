import { describe, expect, it } from 'vitest';
import type { EngineChoice } from '../provision/choice.mjs';
import { ALLOW_CORS_EXTENSION, engineProjects, EXTENSION, WEB_SECURITY_OFF } from './projects.js';

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
  it("drives Debian's Chromium by path, Firefox ESR over BiDi and WebKitGTK over WebDriver", () => {
    const projects = projectsByName(debian);
    expect(projects.chromium?.use).toMatchObject({
      browserName: 'chromium',
      launchOptions: { executablePath: '/usr/bin/chromium' },
      engineOptions: { backend: 'playwright', protocol: 'cdp', source: 'debian' },
    });
    expect(projects.firefox?.use).toMatchObject({
      browserName: 'firefox',
      channel: 'moz-firefox',
      launchOptions: { executablePath: '/usr/bin/firefox-esr' },
      engineOptions: { backend: 'playwright', protocol: 'webdriver-bidi' },
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
      expect(projects.map((project) => project.name)).toEqual([
        'chromium',
        'firefox',
        'webkit',
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
