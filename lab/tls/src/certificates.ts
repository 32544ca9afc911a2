import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import forge from 'node-forge';
import { createAuthority, type KeyedCertificate } from './authority.js';
import { issueServerCertificate } from './server-certificate.js';

/** Every loopback host the lab serves: three different sites, and IPv6 loopback. */
export const LAB_TLS_HOSTS = ['localhost', '127.0.0.1', '127.0.0.2', '::1'] as const;

/** The files `ensureCertificates()` leaves in its folder. */
export interface LabCertificates {
  /** The folder, `<repo>/.certs` unless LAB_CERTS_DIR says otherwise. */
  dir: string;
  /** The CA certificate browsers are told to trust (PEM). */
  caFile: string;
  /** The server certificate for every host (PEM) and its key: what the https listeners present. */
  certFile: string;
  keyFile: string;
  ca: string;
  cert: string;
  key: string;
}

export interface EnsureOptions {
  /** Where the files live. Default: LAB_CERTS_DIR, else `.certs` at the repository root. */
  dir?: string;
  /** Hosts the server certificate must name besides LAB_TLS_HOSTS, e.g. a host from a custom origin. */
  extraHosts?: readonly string[];
}

/** Renewed this long before it expires, so a long-lived checkout never serves an expired certificate. */
const RENEW_BEFORE_MS = 30 * 86_400_000;
/** Another process creating the files holds the lock at most this long before it is taken as stale. */
const LOCK_STALE_MS = 30_000;

/** `.certs` at the repository root (the folder holding pnpm-workspace.yaml): ignored by git. */
export function defaultCertsDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LAB_CERTS_DIR?.trim();
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No pnpm-workspace.yaml above ${fileURLToPath(import.meta.url)}: set LAB_CERTS_DIR to the folder where the lab may keep its certificates.`,
      );
    }
    dir = parent;
  }
  return join(dir, '.certs');
}

/**
 * The lab's CA and server certificate, created on first use with no network and nothing written
 * outside `dir`. The CA is kept across runs (a browser profile that trusts it keeps working); the
 * server certificate is issued again when it lacks a host or nears its end.
 * Safe to call from several processes at once: one creates, the others wait and read.
 */
export async function ensureCertificates(options: EnsureOptions = {}): Promise<LabCertificates> {
  const dir = options.dir ?? defaultCertsDir();
  const hosts = [...new Set([...LAB_TLS_HOSTS, ...(options.extraHosts ?? [])])];
  const files = {
    dir,
    caFile: join(dir, 'ca.pem'),
    caKeyFile: join(dir, 'ca-key.pem'),
    certFile: join(dir, 'server.pem'),
    keyFile: join(dir, 'server-key.pem'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  await withLock(join(dir, '.lock'), () => {
    let authority = readPair(files.caFile, files.caKeyFile);
    if (!authority || expiresSoon(authority.certPem)) {
      authority = createAuthority();
      writePair(files.caFile, files.caKeyFile, authority);
      rmSync(files.certFile, { force: true });
    }
    const server = readPair(files.certFile, files.keyFile);
    if (
      !server ||
      expiresSoon(server.certPem) ||
      !namesAll(server.certPem, hosts) ||
      !signedBy(server.certPem, authority.certPem)
    ) {
      writePair(files.certFile, files.keyFile, issueServerCertificate(authority, hosts));
    }
  });
  return {
    dir,
    caFile: files.caFile,
    certFile: files.certFile,
    keyFile: files.keyFile,
    ca: readFileSync(files.caFile, 'utf8'),
    cert: readFileSync(files.certFile, 'utf8'),
    key: readFileSync(files.keyFile, 'utf8'),
  };
}

function readPair(certFile: string, keyFile: string): KeyedCertificate | undefined {
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
}

// Each file appears whole or not at all: written beside, then renamed over.
function writePair(certFile: string, keyFile: string, pair: KeyedCertificate): void {
  for (const [file, text, mode] of [
    [keyFile, pair.keyPem, 0o600],
    [certFile, pair.certPem, 0o644],
  ] as const) {
    writeFileSync(`${file}.tmp`, text, { mode });
    renameSync(`${file}.tmp`, file);
  }
}

function expiresSoon(certPem: string): boolean {
  return (
    forge.pki.certificateFromPem(certPem).validity.notAfter.getTime() - Date.now() < RENEW_BEFORE_MS
  );
}

function namesAll(certPem: string, hosts: readonly string[]): boolean {
  const extension = forge.pki.certificateFromPem(certPem).getExtension('subjectAltName') as
    { altNames?: { value?: string; ip?: string }[] } | undefined;
  const named = new Set((extension?.altNames ?? []).map((name) => name.ip ?? name.value));
  // forge writes IPv6 addresses in full; compare the short forms the lab uses through Node.
  return hosts.every((host) => named.has(host) || named.has(expandIpv6(host)));
}

function expandIpv6(host: string): string {
  if (!host.includes(':')) return host;
  const [head = '', tail = ''] = host.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((part) => part.padStart(4, '0')).join(':');
}

function signedBy(certPem: string, caPem: string): boolean {
  try {
    return forge.pki.certificateFromPem(caPem).verify(forge.pki.certificateFromPem(certPem));
  } catch {
    return false;
  }
}

async function withLock(lockDir: string, body: () => void): Promise<void> {
  const deadline = Date.now() + 2 * LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - statSafe(lockDir);
      if (age > LOCK_STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) {
        throw new Error(
          `${lockDir} has been held for ${Math.round(age / 1000)} s: if no lab server is starting, remove it.`,
          { cause: error },
        );
      } else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function statSafe(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
