import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureDebianPackages, installCommand, missingPackages } from './debian-packages.mjs';

const MODULE = fileURLToPath(new URL('./debian-packages.mjs', import.meta.url));

describe('debian-packages', () => {
  it('names each package whose file is missing, once', () => {
    expect(
      missingPackages([
        { file: '/bin/sh', pkg: 'dash' },
        { file: '/nonexistent/a', pkg: 'pkg-a' },
        { file: '/nonexistent/b', pkg: 'pkg-a' },
      ]),
    ).toEqual(['pkg-a']);
  });

  it('does nothing when nothing is missing', () => {
    expect(() =>
      ensureDebianPackages({ purpose: 'x', packages: ['nginx'], missing: () => [] }),
    ).not.toThrow();
  });

  it('fails a process that may not install with the apt-get command to run', () => {
    // As root the child runs as `nobody`, who may not run apt-get: the real refusal path.
    const script = `import(${JSON.stringify(MODULE)}).then((m) => m.ensureDebianPackages({ purpose: 'nginx missing', packages: ['nginx'], missing: () => ['nginx'] }))`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('nginx missing: Debian packages nginx are not installed');
    expect(result.stderr).toContain(`sudo sh -c '${installCommand(['nginx'])}'`);
  });
});
