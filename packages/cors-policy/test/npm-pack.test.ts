// `npm pack` of a copy of the package, installed from the tarball into a plain npm project (no
// workspace, no registry: a tarball without dependencies needs none) and run there.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, copyPackage, linkModules, removeDir, temporaryDir } from './package-copy.js';

const run = promisify(execFile);
let copyDir = '';
let packDir = '';
let projectDir = '';
let tarball = '';
let manifestBefore = '';

beforeAll(async () => {
  copyDir = await temporaryDir('cors-policy-pack-');
  packDir = await temporaryDir('cors-policy-tarball-');
  projectDir = await temporaryDir('cors-policy-npm-project-');
  await copyPackage(copyDir);
  await cp(join(PACKAGE_DIR, 'scripts'), join(copyDir, 'scripts'), { recursive: true });
  await cp(join(PACKAGE_DIR, 'README.md'), join(copyDir, 'README.md'));
  // prepack builds with `tsc`: the copy gets the workspace's TypeScript and nothing else.
  await linkModules(copyDir, ['typescript']);
  await mkdir(join(copyDir, 'node_modules', '.bin'));
  await symlink('../typescript/bin/tsc', join(copyDir, 'node_modules', '.bin', 'tsc'));
  manifestBefore = await readFile(join(copyDir, 'package.json'), 'utf8');
  await run('npm', ['pack', '--pack-destination', packDir, '--loglevel', 'error'], {
    cwd: copyDir,
  });
  const [name] = await readdir(packDir);
  tarball = join(packDir, name ?? '');
}, 120_000);

afterAll(async () => {
  for (const dir of [copyDir, packDir, projectDir]) await removeDir(dir);
});

async function packedFile(path: string): Promise<string> {
  const { stdout } = await run('tar', ['-xzOf', tarball, `package/${path}`]);
  return stdout;
}

describe('npm pack of the package', () => {
  it('packs a manifest npm can install: no catalog: or workspace: ranges, no devDependencies', async () => {
    const manifest = await packedFile('package.json');
    expect(manifest).not.toMatch(/catalog:|workspace:/);
    expect(JSON.parse(manifest)).not.toHaveProperty('devDependencies');
    expect(JSON.parse(manifest)).not.toHaveProperty('dependencies');
  });

  it('puts the workspace manifest back after packing', async () => {
    expect(await readFile(join(copyDir, 'package.json'), 'utf8')).toBe(manifestBefore);
  });

  it('ships the build, the sources, the license and no tests', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        'package/LICENSE',
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/src/public-suffix/list.generated.ts',
      ]),
    );
    expect(files.filter((file) => /\.test\.|^package\/(test|bench|scripts)\//.test(file))).toEqual(
      [],
    );
    expect(await packedFile('LICENSE')).toContain('cors-lab contributors');
  });

  it('installs into a plain npm project offline and works there', async () => {
    await writeFile(
      join(projectDir, 'package.json'),
      JSON.stringify({ name: 'plain-npm-project', private: true, type: 'module' }),
    );
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: projectDir,
    });
    await writeFile(
      join(projectDir, 'main.js'),
      `import { decide, definePolicy } from '@cors-lab/cors-policy';
const policy = definePolicy({ origins: ['https://app.example.com'] });
console.log(JSON.stringify(decide(policy, { method: 'GET', origin: 'https://app.example.com' }).headers));
try { definePolicy({ origins: ['https://*.vercel.app'] }); } catch (error) { console.log(error.code); }
`,
    );
    const { stdout } = await run(process.execPath, ['main.js'], { cwd: projectDir });
    expect(stdout.split('\n')).toEqual([
      JSON.stringify({ 'Access-Control-Allow-Origin': 'https://app.example.com' }),
      'pattern-public-suffix',
      '',
    ]);
    const installed = JSON.parse(
      await readFile(join(projectDir, 'package.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    expect(installed['dependencies']?.['@cors-lab/cors-policy']).toMatch(/^file:/);
  });
});
