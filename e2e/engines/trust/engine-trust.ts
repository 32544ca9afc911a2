// How each engine comes to trust the lab's CA, inside the engine's own temporary profile only:
// nothing is written to the system store, the user's home or Firefox's installation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_TLS_HOSTS, type LabCertificates } from '@cors-lab/tls';
import { nssDatabaseTrusting } from './nss-database.js';

/** A temporary folder the engine uses as its trust store; remove() deletes it. */
export interface TrustFolder {
  path: string;
  remove(): void;
}

function temporaryFolder(prefix: string): TrustFolder {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Chromium on Linux reads its CA trust from `$HOME/.pki/nssdb`: the engine runs with HOME set to
 * a temporary folder holding a database that trusts the lab's CA.
 */
export function chromiumHome(certificates: LabCertificates): TrustFolder {
  const home = temporaryFolder('cors-lab-chromium-home-');
  nssDatabaseTrusting(join(home.path, '.pki', 'nssdb'), certificates.caFile);
  return home;
}

/** Firefox reads trust from its profile's cert9.db: a temporary profile that trusts the lab's CA. */
export function firefoxProfile(certificates: LabCertificates): TrustFolder {
  const profile = temporaryFolder('cors-lab-firefox-profile-');
  nssDatabaseTrusting(profile.path, certificates.caFile);
  return profile;
}

/**
 * WebKitGTK over WebDriver takes no CA: its `certificates` capability
 * (webkit_web_context_allow_tls_certificate_for_host) accepts one certificate per host, so each
 * lab host is given the lab's server certificate. The engine still checks the rest of the chain
 * of trust for every other host.
 */
export function webkitCertificates(
  certificates: LabCertificates,
): { host: string; certificateFile: string }[] {
  return LAB_TLS_HOSTS.map((host) => ({ host, certificateFile: certificates.certFile }));
}
