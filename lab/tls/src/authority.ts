import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** A certificate and its private key, both PEM. */
export interface KeyedCertificate {
  certPem: string;
  keyPem: string;
}

/** Names the CA so a developer recognises it in a browser's certificate viewer. */
export const AUTHORITY_NAME = 'cors-lab local development CA';

const DAY_MS = 86_400_000;

/** RSA 2048 from node:crypto (fast, native); forge only assembles and signs the certificate. */
export function newKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return {
    privateKey: forgeKey,
    publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e),
    keyPem,
  };
}

/** A positive serial number of 16 random bytes, as RFC 5280 asks (at most 20 octets, positive). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

/** A certificate for `publicKey` with a fresh serial, valid from a minute ago for `days` days. */
export function newCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  days: number,
  now = new Date(),
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = randomSerial();
  // A minute back so a clock a little behind does not see a certificate "not yet valid".
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
  return cert;
}

/**
 * A self-signed certificate authority that may sign server certificates only (path length 0),
 * valid `days` days.
 */
export function createAuthority(days = 3650): KeyedCertificate {
  const { privateKey, publicKey, keyPem } = newKeyPair();
  const cert = newCertificate(publicKey, days);
  const subject = [
    { name: 'commonName', value: AUTHORITY_NAME },
    { name: 'organizationName', value: 'cors-lab' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}
