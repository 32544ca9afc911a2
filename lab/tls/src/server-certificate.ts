import { isIP } from 'node:net';
import forge from 'node-forge';
import { newCertificate, newKeyPair, type KeyedCertificate } from './authority.js';

/**
 * Browsers refuse server certificates valid longer than 398 days (Apple's rule, which the other
 * engines' root programs follow); 397 leaves a day of margin.
 */
export const SERVER_CERTIFICATE_DAYS = 397;

/** One server certificate for every host in `hosts` (names and IP addresses), signed by `authority`. */
export function issueServerCertificate(
  authority: KeyedCertificate,
  hosts: readonly string[],
): KeyedCertificate {
  if (hosts.length === 0)
    throw new Error('A server certificate needs at least one host name or IP address.');
  const caCert = forge.pki.certificateFromPem(authority.certPem);
  const caKey = forge.pki.privateKeyFromPem(authority.keyPem);
  const { publicKey, keyPem } = newKeyPair();
  const cert = newCertificate(publicKey, SERVER_CERTIFICATE_DAYS);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // Browsers read host names only from here, never from the common name.
    { name: 'subjectAltName', altNames: hosts.map(altName) },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}

function altName(host: string): { type: number; value?: string; ip?: string } {
  // Types from RFC 5280's GeneralName: 2 is dNSName, 7 is iPAddress.
  return isIP(host) ? { type: 7, ip: host } : { type: 2, value: host };
}
