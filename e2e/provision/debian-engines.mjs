// Debian's own Chromium, Firefox ESR and WebKitGTK: find them, install them as root, or say how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  ensureDebianPackages,
  installCommand,
  missingPackages,
  packageVersion,
} from '@cors-lab/debian-packages';

// libnss3-tools brings certutil, which makes Chromium and Firefox trust the lab's CA (https origins).
export const DEBIAN_PACKAGES = [
  'chromium',
  'firefox-esr',
  'webkit2gtk-driver',
  'xvfb',
  'libnss3-tools',
];
export const DEBIAN_INSTALL_COMMAND = installCommand(DEBIAN_PACKAGES);

const WEBKIT_LIBRARY_PACKAGE = 'libwebkit2gtk-4.1-0';

/** Files each engine needs, with the package that ships each one. */
const REQUIRED_FILES = [
  { file: '/usr/bin/chromium', pkg: 'chromium' },
  { file: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { file: '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver' },
  { file: '/usr/bin/Xvfb', pkg: 'xvfb' },
  { file: '/usr/bin/certutil', pkg: 'libnss3-tools' },
];

/** @param {string} command @param {string[]} args */
function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

// MiniBrowser lives under the multiarch library folder, so ask dpkg where it put it.
function miniBrowserPath() {
  const files = output('dpkg-query', ['-L', WEBKIT_LIBRARY_PACKAGE]) ?? '';
  return files.split('\n').find((file) => file.endsWith('/MiniBrowser') && existsSync(file));
}

/** @returns {string[]} the packages whose files are missing */
export function missingDebianPackages() {
  const missing = missingPackages(REQUIRED_FILES);
  if (!miniBrowserPath()) missing.push('webkit2gtk-driver');
  return [...new Set(missing)];
}

/** Installs the engines with apt-get when the process may (root with apt-get), else throws the command. */
export function installDebianEngines() {
  ensureDebianPackages({
    purpose: 'Browser engines missing',
    packages: DEBIAN_PACKAGES,
    missing: missingDebianPackages,
    alternative: "or run where `npx playwright install` can download Playwright's own browsers.",
  });
}

/** @returns {import('./choice.mjs').EngineChoice['engines']} */
export function describeDebianEngines() {
  const chromiumVersion = output('/usr/bin/chromium', ['--version'])?.match(
    /Chromium ([\d.]+)/,
  )?.[1];
  const firefoxVersion = output('/usr/bin/firefox-esr', ['--version'])?.match(
    /Firefox ([\w.]+)/,
  )?.[1];
  const webkitPackage = packageVersion(WEBKIT_LIBRARY_PACKAGE);
  const browserPath = miniBrowserPath();
  if (!chromiumVersion || !firefoxVersion || !webkitPackage || !browserPath) {
    throw new Error(
      'Debian engines are installed but do not report versions ' +
        `(chromium: ${chromiumVersion}, firefox-esr: ${firefoxVersion}, ${WEBKIT_LIBRARY_PACKAGE}: ${webkitPackage}, ` +
        `MiniBrowser: ${browserPath}); reinstall with: ${DEBIAN_INSTALL_COMMAND}`,
    );
  }
  return {
    chromium: {
      product: 'Chromium',
      version: chromiumVersion,
      package: `chromium ${packageVersion('chromium')}`,
      executablePath: '/usr/bin/chromium',
    },
    firefox: {
      product: 'Firefox ESR',
      version: firefoxVersion,
      package: `firefox-esr ${packageVersion('firefox-esr')}`,
      executablePath: '/usr/bin/firefox-esr',
    },
    webkit: {
      product: 'WebKitGTK MiniBrowser',
      version: webkitPackage.replace(/-.*$/, ''),
      package: `${WEBKIT_LIBRARY_PACKAGE} ${webkitPackage}, webkit2gtk-driver ${packageVersion('webkit2gtk-driver')}`,
      executablePath: browserPath,
      driverPath: '/usr/bin/WebKitWebDriver',
      xvfbPath: '/usr/bin/Xvfb',
    },
  };
}
