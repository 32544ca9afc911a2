import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCertificates } from './certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'lab-tls-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureCertificates', () => {
  it('creates a CA and a server certificate for every lab host, signed by that CA', async () => {
    const certificates = await ensureCertificates({ dir });
    const ca = new X509Certificate(certificates.ca);
    const server = new X509Certificate(certificates.cert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:127.0.0.2, IP Address:0:0:0:0:0:0:0:1',
    );
    for (const host of ['localhost', '127.0.0.1', '127.0.0.2', '::1']) {
      expect(server.checkHost(host) ?? server.checkIP(host), host).toBeTruthy();
    }
    expect(server.checkPrivateKey(createPrivateKey(certificates.key))).toBe(true);
    // Browsers refuse server certificates valid for more than 398 days.
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(398);
  });

  it('keeps the CA and the certificate when several servers start at once', async () => {
    const first = await ensureCertificates({ dir });
    const again = await Promise.all([ensureCertificates({ dir }), ensureCertificates({ dir })]);
    expect(again.map((c) => c.ca)).toEqual([first.ca, first.ca]);
    expect(again.map((c) => c.cert)).toEqual([first.cert, first.cert]);
  });

  it('issues the server certificate again, under the same CA, when a host is missing', async () => {
    const before = await ensureCertificates({ dir });
    const after = await ensureCertificates({ dir, extraHosts: ['lab.localhost'] });
    expect(after.ca).toBe(before.ca);
    expect(after.cert).not.toBe(before.cert);
    expect(new X509Certificate(after.cert).checkHost('lab.localhost')).toBe('lab.localhost');
    expect(readFileSync(after.keyFile, 'utf8')).toBe(after.key);
  });
});
