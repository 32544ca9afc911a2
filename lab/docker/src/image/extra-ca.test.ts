import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostExtraCaCerts } from './extra-ca.js';

// Certificates are only compared, never parsed: distinct bodies stand for distinct CAs.
const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
const PROXY_CA = pem('UHJveHkgQ0E=');
const COMPANY_CA = pem('Q29tcGFueSBDQQ==');
const PUBLIC_ROOT = rootCertificates[0]!;

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'extra-ca-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('hostExtraCaCerts', () => {
  it("keeps the host's CAs that Node.js lacks and drops its public roots", () => {
    const bundle = join(scratch, 'ca-certificates.crt');
    writeFileSync(bundle, `${PUBLIC_ROOT}\n${PROXY_CA}\n`);
    const extra = hostExtraCaCerts({
      systemBundles: [join(scratch, 'missing.crt'), bundle],
      localDir: join(scratch, 'none'),
      nodeExtraCaCerts: '',
    });
    expect(extra).toBe(PROXY_CA);
  });

  it('adds the local CA folder (subfolders too) and NODE_EXTRA_CA_CERTS, each certificate once', () => {
    const local = join(scratch, 'local');
    mkdirSync(join(local, 'corp'), { recursive: true });
    writeFileSync(join(local, 'corp', 'company.crt'), COMPANY_CA);
    writeFileSync(join(local, 'notes.txt'), PROXY_CA);
    const named = join(scratch, 'extra.pem');
    writeFileSync(named, `${PROXY_CA}\n${COMPANY_CA}\n`);
    const extra = hostExtraCaCerts({ systemBundles: [], localDir: local, nodeExtraCaCerts: named });
    expect(extra).toBe(`${COMPANY_CA}\n${PROXY_CA}`);
  });

  it('is empty on a host that trusts nothing beyond the public roots', () => {
    expect(
      hostExtraCaCerts({
        systemBundles: [],
        localDir: join(scratch, 'none'),
        nodeExtraCaCerts: '',
      }),
    ).toBe('');
  });

  it('names a NODE_EXTRA_CA_CERTS that points nowhere', () => {
    const missing = join(scratch, 'nope.pem');
    expect(() =>
      hostExtraCaCerts({ systemBundles: [], localDir: scratch, nodeExtraCaCerts: missing }),
    ).toThrow(`NODE_EXTRA_CA_CERTS=${missing} names no file`);
  });
});
