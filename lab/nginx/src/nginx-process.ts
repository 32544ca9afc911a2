// Runs Debian's nginx on a configuration written into a fresh temporary prefix, in the
// foreground (daemon off) so stopping the process stops nginx; the system's config is never used.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, missingPackages, packageVersion } from '@cors-lab/debian-packages';
import { ProcessGroup } from '@cors-lab/testkit';

export const NGINX_BINARY = '/usr/sbin/nginx';
const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');

/** Installs nginx from Debian when missing and allowed to (root), else throws the command. */
export function ensureNginx(): void {
  ensureDebianPackages({
    purpose: 'nginx missing',
    packages: ['nginx'],
    missing: () => missingPackages([{ file: NGINX_BINARY, pkg: 'nginx' }]),
  });
}

/** The Debian package version in use, for reports. */
export function nginxVersion(): string {
  return packageVersion('nginx') ?? 'not installed';
}

/** A template from lab/nginx/templates with every `{{NAME}}` replaced; an unknown name throws. */
export function renderTemplate(name: string, values: Readonly<Record<string, string>>): string {
  const text = readFileSync(join(TEMPLATES, name), 'utf8');
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new Error(`Template ${name} uses {{${key}}} but no value was given for it.`);
    }
    return value;
  });
}

export interface RunningNginx {
  /** The temporary prefix holding nginx.conf, the pid file, temp folders and the error log. */
  prefix: string;
  stop(): Promise<void>;
}

/**
 * Writes `http` (the inside of the `http { }` block, which may use `{{PREFIX}}`) into a temporary
 * prefix, checks it with `nginx -t`, starts nginx and waits until `readyUrl` answers.
 * @throws Error with nginx's own message when the configuration is refused or nginx exits.
 */
export async function startNginx(http: string, readyUrl: string): Promise<RunningNginx> {
  ensureNginx();
  const prefix = mkdtempSync(join(tmpdir(), 'cors-lab-nginx-'));
  // Run as root, nginx's workers are `nobody`: they must reach the cache and temp folders nginx
  // creates (and hands to them) inside the prefix.
  chmodSync(prefix, 0o755);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    renderTemplate('base.conf', { PREFIX: prefix, HTTP: http.replaceAll('{{PREFIX}}', prefix) }),
  );
  const args = ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')];
  const check = spawnSync(NGINX_BINARY, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx refused the configuration:\n${check.stderr}\n--- ${conf} ---\n${http}`);
  }
  const nginx = ProcessGroup.start('nginx', NGINX_BINARY, [...args, '-g', 'daemon off;'], {
    cwd: prefix,
  });
  const stop = async () => {
    await nginx.stop();
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    await nginx.waitForHttp(readyUrl, 10_000);
  } catch (error) {
    const log = readFileSync(join(prefix, 'error.log'), 'utf8');
    await stop();
    throw new Error(`${(error as Error).message}\nnginx error.log:\n${log}`, { cause: error });
  }
  return { prefix, stop };
}
