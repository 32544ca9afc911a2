import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun } from '../host/command.js';

/** Debian's archive and the release whose `docker-compose` package is Compose v2 (a Go binary). */
export const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
export const COMPOSE_V2_SUITE = 'trixie';
const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const PACKAGES_INDEX = 'main/binary-amd64/Packages.xz';

/** The SHA256 a signed Release file gives for one index file, e.g. `main/binary-amd64/Packages.xz`. */
export function releaseSha256(release: string, file: string): string {
  const section = /^SHA256:\n((?:[ \t].*\n?)+)/m.exec(release)?.[1] ?? '';
  for (const line of section.split('\n')) {
    const [hash, , name] = line.trim().split(/\s+/);
    if (name === file && hash) return hash;
  }
  throw new Error(`The Release file lists no SHA256 for ${file}: is this a Debian archive?`);
}

/** One package's fields (Version, Filename, SHA256, Depends, ...) from a Packages index. */
export function packageFields(index: string, name: string): Record<string, string> {
  for (const stanza of index.split(/\n\n+/)) {
    const fields: Record<string, string> = {};
    for (const line of stanza.split('\n')) {
      const match = /^([\w-]+):\s*(.*)$/.exec(line);
      if (match?.[1]) fields[match[1]] = match[2] ?? '';
    }
    if (fields.Package === name) return fields;
  }
  throw new Error(`The Packages index has no package ${name}.`);
}

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}; is the mirror reachable?`);
  return Buffer.from(await response.arrayBuffer());
}

function checkSha256(data: Buffer, expected: string, what: string): void {
  const actual = createHash('sha256').update(data).digest('hex');
  if (actual !== expected)
    throw new Error(`${what}: SHA256 ${actual}, the signed index says ${expected}; not using it.`);
}

export interface ComposePlugin {
  /** A DOCKER_CONFIG folder whose `cli-plugins/docker-compose` is the plugin. */
  dockerConfig: string;
  /** The Debian package version, e.g. `2.26.1-4`. */
  version: string;
}

/**
 * Puts Compose v2 as a docker CLI plugin into `dir` (nothing is installed system-wide, so the
 * host's Compose v1 stays as it is): Debian trixie's `docker-compose` package, its Release file
 * checked with the host's Debian archive keyring and every download with the SHA256 it names.
 * For hosts whose own release packages only Compose v1 (Debian 12 has 1.29).
 */
export async function provisionComposePlugin(
  dir: string,
  log: (line: string) => void,
): Promise<ComposePlugin> {
  if (!existsSync(KEYRING))
    throw new Error(`${KEYRING} is missing: apt-get install debian-archive-keyring.`);
  const dists = `${DEBIAN_MIRROR}/dists/${COMPOSE_V2_SUITE}`;
  const inRelease = join(dir, 'InRelease');
  writeFileSync(inRelease, await download(`${dists}/InRelease`));
  // gpgv writes the signed text only when the signature is good.
  const release = await mustRun('gpgv', ['--keyring', KEYRING, '--output', '-', inRelease]);
  const packagesXz = await download(`${dists}/${PACKAGES_INDEX}`);
  checkSha256(packagesXz, releaseSha256(release, PACKAGES_INDEX), PACKAGES_INDEX);
  const xzFile = join(dir, 'Packages.xz');
  writeFileSync(xzFile, packagesXz);
  const index = await mustRun('xz', ['--decompress', '--stdout', xzFile]);
  const fields = packageFields(index, 'docker-compose');
  const { Version: version = '?', Filename: filename, SHA256: sha256 } = fields;
  if (!filename || !sha256) throw new Error('docker-compose in the index has no Filename/SHA256.');
  log(`Compose v2 from Debian ${COMPOSE_V2_SUITE}: docker-compose ${version} (${filename})`);
  const deb = await download(`${DEBIAN_MIRROR}/${filename}`);
  checkSha256(deb, sha256, filename);
  const debFile = join(dir, 'docker-compose.deb');
  writeFileSync(debFile, deb);
  const unpacked = join(dir, 'unpacked');
  await mustRun('dpkg-deb', ['--extract', debFile, unpacked]);
  const dockerConfig = join(dir, 'docker-config');
  mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true });
  renameSync(
    join(unpacked, 'usr/libexec/docker/cli-plugins/docker-compose'),
    join(dockerConfig, 'cli-plugins/docker-compose'),
  );
  for (const file of [unpacked, debFile, xzFile, inRelease]) rmSync(file, { recursive: true });
  return { dockerConfig, version };
}
