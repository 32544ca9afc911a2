import { existsSync } from 'node:fs';
import { runCommand } from './command.js';

/** The command a person runs to install `packages`, shown when this process cannot. */
export function aptInstallCommand(packages: readonly string[]): string {
  return `apt-get update && apt-get install -y ${packages.join(' ')}`;
}

/**
 * Installs Debian packages with apt-get when this process may (root on a machine with apt-get),
 * the way e2e/provision installs the browsers; otherwise throws the command to run.
 * @param why what the packages are for, named in messages
 */
export async function aptInstall(packages: readonly string[], why: string): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new Error(
      `${why} needs the Debian packages ${packages.join(', ')}, and this process cannot install them ` +
        `(${isRoot ? 'no apt-get' : 'not root'}). Install them with:\n` +
        `  sudo sh -c '${aptInstallCommand(packages)}'`,
    );
  }
  console.log(`installing ${packages.join(', ')} for ${why}: ${aptInstallCommand(packages)}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    const result = await runCommand('apt-get', args, { env });
    if (result.code !== 0) {
      throw new Error(
        `\`apt-get ${args.join(' ')}\` failed (exit ${result.code}):\n${result.stderr.trim()}\n` +
          `Fix apt, then run: ${aptInstallCommand(packages)}`,
      );
    }
  }
}
