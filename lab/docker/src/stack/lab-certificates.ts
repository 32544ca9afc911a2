import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCertificates } from '@cors-lab/tls';

/**
 * Gives the api container the lab's CA and server certificate, the ones e2e's browsers trust:
 * copies them (made first if missing) into `workDir/lab-certs`, open to the container's `node`
 * user, which reads them and takes a lock file there (the originals are the host user's alone;
 * `workDir` itself stays private), and writes a compose override that mounts the copy.
 * Returns the override file.
 */
export async function labCertificatesOverride(workDir: string): Promise<string> {
  const { dir } = await ensureCertificates();
  const copy = join(workDir, 'lab-certs');
  mkdirSync(copy);
  chmodSync(copy, 0o777);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.pem'))) {
    copyFileSync(join(dir, file), join(copy, file));
    chmodSync(join(copy, file), 0o644);
  }
  const override = join(workDir, 'lab-certs.compose.yml');
  writeFileSync(
    override,
    [
      'services:',
      '  api:',
      '    environment:',
      '      LAB_CERTS_DIR: /lab-certs',
      '    volumes:',
      `      - '${copy}:/lab-certs'`,
      '',
    ].join('\n'),
  );
  return override;
}
