// System packages the lab needs from Debian (browsers, nginx, Flask): find them by the files they
// ship, install them when this process may (root with apt-get), else fail with the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @param {readonly string[]} packages */
export function installCommand(packages) {
  return `apt-get update && apt-get install -y ${packages.join(' ')}`;
}

/**
 * The packages whose files are missing, each named once.
 * @param {readonly { file: string, pkg: string }[]} requiredFiles
 */
export function missingPackages(requiredFiles) {
  return [...new Set(requiredFiles.filter(({ file }) => !existsSync(file)).map(({ pkg }) => pkg))];
}

/** @param {string} pkg @returns {string | undefined} the installed version, e.g. `1.22.1-9+deb12u11` */
export function packageVersion(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
}

/**
 * Installs `packages` with apt-get when `missing()` names any and the process may (root with
 * apt-get); otherwise throws the command a person must run. Checks again after installing.
 * @param {{
 *   purpose: string,
 *   packages: readonly string[],
 *   missing: () => string[],
 *   alternative?: string,
 * }} need `purpose` starts the error ("Browser engines missing"); `alternative` ends it.
 */
export function ensureDebianPackages({ purpose, packages, missing, alternative }) {
  const absent = missing();
  if (absent.length === 0) return;
  const command = installCommand(packages);
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `${purpose}: Debian packages ${absent.join(', ')} are not installed, ` +
        `and this process cannot install them (${isRoot ? 'no apt-get' : 'not root'}).\n` +
        `Install them with:\n  sudo sh -c '${command}'` +
        (alternative ? `\n${alternative}` : ''),
    );
  }
  console.log(`provision: installing Debian packages (${absent.join(', ')} missing): ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      throw new Error(
        `\`apt-get ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); ` +
          `fix apt, then run: ${command}`,
      );
    }
  }
  const stillMissing = missing();
  if (stillMissing.length > 0) {
    throw new Error(
      `apt-get reported success but ${stillMissing.join(', ')} still lack their files; ` +
        `run \`${command}\` by hand and read its output.`,
    );
  }
}
