import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mustRun, runCommand } from '../host/command.js';
import { ensureDebianPackages, missingPackages } from '@cors-lab/debian-packages';

/** The image the Dockerfiles are written for (their NODE_IMAGE default). */
export const OFFICIAL_NODE_IMAGE = 'node:20-slim';
/** The local stand-in, built once and kept as a cache between runs. */
export const LOCAL_NODE_IMAGE = 'cors-lab/node:20-slim-local';
const NODE_VERSION_LABEL = 'cors-lab.node-version';
const PULL_TIMEOUT_MS = 30_000;

export interface BaseImage {
  tag: string;
  /** How this run got it: present already, pulled, the cached local build, or built now. */
  source: 'present' | 'pulled' | 'cached' | 'built';
}

async function imageLabel(docker: string, tag: string, label: string): Promise<string | undefined> {
  const result = await runCommand(docker, [
    'image',
    'inspect',
    '--format',
    `{{index .Config.Labels "${label}"}}`,
    tag,
  ]);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** Where the host's npm lives: `<prefix>/lib/node_modules/npm`, next to the running node. */
function hostNpmDir(): string {
  const candidates = [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'),
    '/usr/lib/node_modules/npm',
    '/usr/local/lib/node_modules/npm',
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'bin', 'npm-cli.js')));
  if (!found) {
    throw new Error(
      `npm not found next to ${process.execPath} (looked in ${candidates.join(', ')}); install Node.js 20 with its npm.`,
    );
  }
  return realpathSync(found);
}

// Docs and manuals are left unpacked: fewer files to write, a smaller image (node:20-slim has none either).
const DPKG_EXCLUDES = ['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*'];

/**
 * Builds the stand-in for node:20-slim: Debian bookworm (mmdebstrap minbase), this host's
 * Node.js 20 binary and npm where the official image keeps them, and a `node` user (uid 1000).
 */
async function buildLocalNodeImage(docker: string, log: (line: string) => void): Promise<void> {
  const nodeVersion = process.versions.node;
  if (!nodeVersion.startsWith('20.')) {
    throw new Error(
      `Building ${LOCAL_NODE_IMAGE} copies this host's Node.js, which is ${nodeVersion}, not 20.x: run with Node.js 20, or make ${OFFICIAL_NODE_IMAGE} pullable.`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${OFFICIAL_NODE_IMAGE} cannot be pulled, and building ${LOCAL_NODE_IMAGE} (mmdebstrap, chroot) needs root. ` +
        `Run as root once (the image is kept), or \`docker pull ${OFFICIAL_NODE_IMAGE}\` where Docker Hub is reachable.`,
    );
  }
  // mmdebstrap rather than debootstrap: apt fetches and dpkg unpacks in bulk, without fsync
  // (121 s against 177 s for the same minbase tree, back to back at a load of 20 to 33).
  ensureDebianPackages({
    purpose: 'The local Node.js base image',
    packages: ['mmdebstrap'],
    missing: () => missingPackages([{ file: '/usr/bin/mmdebstrap', pkg: 'mmdebstrap' }]),
  });
  const root = mkdtempSync('/var/tmp/cors-lab-node-rootfs-');
  try {
    const args = [
      '--variant=minbase',
      '--mode=root',
      ...DPKG_EXCLUDES.map((glob) => `--dpkgopt=path-exclude=${glob}`),
      'bookworm',
      root,
    ];
    log(`mmdebstrap ${args.join(' ')}`);
    await mustRun('mmdebstrap', args, { timeoutMs: 300_000 });
    const lib = join(root, 'usr/local/lib/node_modules');
    mkdirSync(lib, { recursive: true });
    cpSync(process.execPath, join(root, 'usr/local/bin/node'));
    cpSync(hostNpmDir(), join(lib, 'npm'), { recursive: true });
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'usr/local/bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(root, 'usr/local/bin/npx'));
    await mustRun('chroot', [root, 'groupadd', '--gid', '1000', 'node']);
    await mustRun('chroot', [
      root,
      'useradd',
      '--uid',
      '1000',
      '--gid',
      'node',
      '--shell',
      '/bin/bash',
      '--create-home',
      'node',
    ]);
    // Package caches and docs only make the image bigger; apt works again after `apt-get update`.
    for (const dir of [
      'var/cache/apt/archives',
      'var/lib/apt/lists',
      'usr/share/doc',
      'usr/share/man',
    ])
      rmSync(join(root, dir), { recursive: true, force: true });
    mkdirSync(join(root, 'var/cache/apt/archives/partial'), { recursive: true });
    mkdirSync(join(root, 'var/lib/apt/lists/partial'), { recursive: true });

    log(`docker import -> ${LOCAL_NODE_IMAGE} (Node.js ${nodeVersion})`);
    const tar = spawn('tar', ['-C', root, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await mustRun(
      docker,
      [
        'import',
        '--change',
        'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        '--change',
        `ENV NODE_VERSION=${nodeVersion}`,
        '--change',
        `LABEL ${NODE_VERSION_LABEL}=${nodeVersion}`,
        '--change',
        'CMD ["node"]',
        '-',
        LOCAL_NODE_IMAGE,
      ],
      { input: tar.stdout },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The Node.js 20 base image for the builds: node:20-slim when present or pullable; otherwise
 * the local stand-in, rebuilt only when missing or made from another Node.js version.
 */
export async function ensureBaseImage(
  docker: string,
  log: (line: string) => void,
): Promise<BaseImage> {
  if ((await runCommand(docker, ['image', 'inspect', OFFICIAL_NODE_IMAGE])).code === 0)
    return { tag: OFFICIAL_NODE_IMAGE, source: 'present' };
  const pull = await runCommand(docker, ['pull', OFFICIAL_NODE_IMAGE], {
    timeoutMs: PULL_TIMEOUT_MS,
  });
  if (pull.code === 0) return { tag: OFFICIAL_NODE_IMAGE, source: 'pulled' };
  log(
    `docker pull ${OFFICIAL_NODE_IMAGE} failed (${pull.timedOut ? `no answer in ${PULL_TIMEOUT_MS / 1000} s` : pull.stderr.trim()}); using ${LOCAL_NODE_IMAGE}`,
  );
  const cachedFor = await imageLabel(docker, LOCAL_NODE_IMAGE, NODE_VERSION_LABEL);
  if (cachedFor === process.versions.node) return { tag: LOCAL_NODE_IMAGE, source: 'cached' };
  if (cachedFor !== undefined)
    log(`${LOCAL_NODE_IMAGE} holds Node.js ${cachedFor || '?'}; rebuilding`);
  await buildLocalNodeImage(docker, log);
  return { tag: LOCAL_NODE_IMAGE, source: 'built' };
}

/**
 * For a cold run (DOCKER_CHECK_COLD=1): removes the cached local base image and the engine's
 * build caches (BuildKit's, and the legacy builder's dangling intermediate images), so the run
 * builds everything again. Pruning is engine-wide: every project's build cache goes.
 */
export async function removeCaches(docker: string): Promise<string[]> {
  const removed: string[] = [];
  if ((await runCommand(docker, ['image', 'inspect', LOCAL_NODE_IMAGE])).code === 0) {
    await mustRun(docker, ['rmi', '--force', LOCAL_NODE_IMAGE]);
    removed.push(LOCAL_NODE_IMAGE);
  }
  const builds = await mustRun(docker, ['builder', 'prune', '--all', '--force']);
  removed.push(
    `build cache (${/Total(?: reclaimed space)?:\s*(\S+)/.exec(builds)?.[1]?.trim() ?? '0B'})`,
  );
  await mustRun(docker, ['image', 'prune', '--force']);
  return removed;
}
