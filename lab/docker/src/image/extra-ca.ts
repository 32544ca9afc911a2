import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

/** Where hosts keep their trust store: Debian/Ubuntu, Fedora/RHEL, Alpine and macOS. */
export const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
];
/** Debian's folder for locally added CA certificates (update-ca-certificates reads it). */
export const LOCAL_CA_DIR = '/usr/local/share/ca-certificates';
/** Kept well under Linux's 128 KiB limit for one command-line argument (`--build-arg`). */
const MAX_PEM_BYTES = 100_000;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');

function crtFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return crtFiles(path);
    return name.endsWith('.crt') ? [path] : [];
  });
}

export interface TrustSources {
  /** A PEM file to add; default NODE_EXTRA_CA_CERTS, '' for none. */
  nodeExtraCaCerts?: string | undefined;
  systemBundles?: readonly string[];
  localDir?: string;
  /** What Node.js in the image trusts already (its bundled Mozilla store). */
  nodeRoots?: readonly string[];
}

/**
 * The CA certificates this host trusts and Node.js does not, as PEM text (empty when none): from
 * the file NODE_EXTRA_CA_CERTS names, the system trust store and /usr/local/share/ca-certificates,
 * minus Node's own roots. A TLS-intercepting proxy's CA is one of these, and npm in a build needs it.
 */
export function hostExtraCaCerts({
  nodeExtraCaCerts = process.env.NODE_EXTRA_CA_CERTS,
  systemBundles = SYSTEM_BUNDLES,
  localDir = LOCAL_CA_DIR,
  nodeRoots = rootCertificates,
}: TrustSources = {}): string {
  const files = [...crtFiles(localDir)];
  const bundle = systemBundles.find((file) => existsSync(file));
  if (bundle) files.push(bundle);
  if (nodeExtraCaCerts) {
    if (!existsSync(nodeExtraCaCerts)) {
      throw new Error(
        `NODE_EXTRA_CA_CERTS=${nodeExtraCaCerts} names no file: point it at a PEM file or unset it.`,
      );
    }
    files.push(nodeExtraCaCerts);
  }
  const known = new Set(nodeRoots.map(body));
  const extra = new Map<string, string>();
  for (const file of files) {
    for (const pem of readFileSync(file, 'utf8').match(PEM_BLOCK) ?? []) {
      if (!known.has(body(pem))) extra.set(body(pem), pem);
    }
  }
  const text = [...extra.values()].join('\n');
  if (text.length > MAX_PEM_BYTES) {
    throw new Error(
      `The host trusts ${extra.size} CA certificates Node.js lacks (${text.length} bytes), too many to pass ` +
        `as the EXTRA_CA_CERTS build argument; set NODE_EXTRA_CA_CERTS to a file with only your proxy's CA.`,
    );
  }
  return text;
}
