// The lab's CA in a fresh NSS database (certutil from libnss3-tools): how a developer makes
// Chromium on Linux (~/.pki/nssdb) or a Firefox profile (cert9.db) trust a local CA.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { AUTHORITY_NAME } from '@cors-lab/tls';

export const CERTUTIL = 'certutil';

function certutil(args: string[]): void {
  const result = spawnSync(CERTUTIL, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const why = result.error?.message ?? (result.stderr.trim() || `exit ${result.status}`);
    throw new Error(
      `\`${CERTUTIL} ${args.join(' ')}\` failed: ${why}. certutil comes with the Debian package libnss3-tools ` +
        '(`apt-get install -y libnss3-tools`; e2e/provision installs it as root).',
    );
  }
}

/**
 * Creates an NSS database in `dir` (no password) that trusts `caFile` to identify web servers
 * (trust flags `C,,`: a CA for TLS servers, nothing else).
 */
export function nssDatabaseTrusting(dir: string, caFile: string): void {
  mkdirSync(dir, { recursive: true });
  certutil(['-N', '-d', `sql:${dir}`, '--empty-password']);
  certutil(['-A', '-d', `sql:${dir}`, '-n', AUTHORITY_NAME, '-t', 'C,,', '-a', '-i', caFile]);
}
