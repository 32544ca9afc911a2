// Proves the package can be copied into another project: built alone, outside the workspace, with
// only its own files; and compiled by TypeScript 5.9 and 7 under the strictest settings people
// use, inside an ES module project and a CommonJS one, whose compiled output then runs.
// (test/frameworks.test.ts serves a copy from real Express, Fastify, Koa, Hono and node:http.)
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compile,
  copyPackage,
  copySources,
  isCompilerLib,
  removeDir,
  temporaryDir,
  type Compiler,
} from './package-copy.js';

/** Generated data (the Public Suffix List) is not code: it is not counted. */
const GENERATED = /\.generated\.ts$/;
const MAX_CODE_LINES = 2000;

let copyDir = '';
let compiledFiles: string[] = [];

beforeAll(async () => {
  copyDir = await temporaryDir('cors-policy-copy-');
  await copyPackage(copyDir);
  compiledFiles = await compile('TypeScript 5.9', copyDir, ['-p', 'tsconfig.build.json']);
}, 120_000);

afterAll(() => removeDir(copyDir));

/** Lines that are neither blank nor comment. */
function codeLines(text: string): number {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('//')).length;
}

describe('a copy of packages/cors-policy outside the workspace', () => {
  it('declares no runtime dependencies and ships its license', async () => {
    const manifest = JSON.parse(await readFile(join(copyDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest['dependencies'] ?? {}).toEqual({});
    expect(manifest['peerDependencies'] ?? {}).toEqual({});
    expect(await readFile(join(copyDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('builds with its own tsconfig from files inside the copy and TypeScript’s own lib files only', () => {
    const outside = compiledFiles.filter(
      (file) => !file.startsWith(copyDir + sep) && !isCompilerLib(file),
    );
    expect(outside).toEqual([]);
    expect(compiledFiles.map((file) => relative(copyDir, file))).toContain(join('src', 'index.ts'));
  });

  it(`is the production half only: no predictor import and at most ${MAX_CODE_LINES} lines of code`, async () => {
    const sources = compiledFiles.filter(
      (file) => file.startsWith(join(copyDir, 'src') + sep) && file.endsWith('.ts'),
    );
    const texts = await Promise.all(sources.map((file) => readFile(file, 'utf8')));
    // A package import cannot build in the copy (see above), so only a relative one could slip in.
    expect(texts.filter((text) => /from '\.[^']*predict/.test(text))).toEqual([]);
    const code = sources.reduce(
      (sum, file, index) => (GENERATED.test(file) ? sum : sum + codeLines(texts[index] ?? '')),
      0,
    );
    expect(code).toBeLessThanOrEqual(MAX_CODE_LINES);
    expect(
      sources.filter((file) => GENERATED.test(file)).map((file) => relative(copyDir, file)),
    ).toEqual([join('src', 'public-suffix', 'list.generated.ts')]);
  });
});

/** The settings a fresh `tsc --init` (TypeScript 7) and strict projects turn on; no DOM, no @types. */
const STRICT = {
  target: 'ES2022',
  lib: ['ES2022'],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  skipLibCheck: false,
  rootDir: 'src',
  outDir: 'dist',
};

interface Consumer {
  packageType: 'module' | 'commonjs';
  compilerOptions: Record<string, unknown>;
  compilers: readonly Compiler[];
}

const CONSUMERS: Record<string, Consumer> = {
  'an ES module project (NodeNext, verbatimModuleSyntax)': {
    packageType: 'module',
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      verbatimModuleSyntax: true,
    },
    compilers: ['TypeScript 5.9', 'TypeScript 7'],
  },
  'a CommonJS project (NodeNext, "type": "commonjs")': {
    packageType: 'commonjs',
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' },
    compilers: ['TypeScript 5.9', 'TypeScript 7'],
  },
  // TypeScript 7 removed moduleResolution node10, so only 5.9 can be asked for it.
  'a CommonJS project (module commonjs, moduleResolution node10)': {
    packageType: 'commonjs',
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10' },
    compilers: ['TypeScript 5.9'],
  },
};

/** A consumer's own file: no `types`, so the one global it uses is declared here. */
const CONSUMER_SOURCE = `import { decide, definePolicy, preflight, withCors, type Decision } from './cors-policy/index.js';
declare const console: { log(text: string): void };
const policy = definePolicy({ origins: ['https://app.example.com'], credentials: true });
const decision: Decision = decide(policy, { method: 'GET', origin: 'https://app.example.com' });
const handler = withCors(policy, () => ({ status: 200, body: null, headers: { get: () => null, set: () => undefined } }));
const early = preflight(policy, { method: 'GET', headers: { get: () => null } });
console.log(JSON.stringify({ headers: decision.headers, handler: typeof handler, early: early?.status ?? 'none' }));
`;

describe.each(
  Object.entries(CONSUMERS).flatMap(([name, consumer]) =>
    consumer.compilers.map((compiler) => ({ name, consumer, compiler })),
  ),
)('copied into $name, compiled by $compiler', ({ consumer, compiler }) => {
  let projectDir = '';

  beforeAll(async () => {
    projectDir = await temporaryDir('cors-policy-consumer-');
    await copySources(join(projectDir, 'src', 'cors-policy'));
    await writeFile(join(projectDir, 'src', 'main.ts'), CONSUMER_SOURCE);
    await writeFile(
      join(projectDir, 'package.json'),
      JSON.stringify({ private: true, type: consumer.packageType }),
    );
    await writeFile(
      join(projectDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...STRICT, ...consumer.compilerOptions },
        include: ['src'],
      }),
    );
  }, 60_000);

  afterAll(() => removeDir(projectDir));

  it('compiles without an error and the compiled consumer runs', async () => {
    await compile(compiler, projectDir, ['-p', 'tsconfig.json']);
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(projectDir, 'dist', 'main.js'),
    ]);
    expect(JSON.parse(stdout)).toEqual({
      headers: {
        'Access-Control-Allow-Origin': 'https://app.example.com',
        'Access-Control-Allow-Credentials': 'true',
      },
      handler: 'function',
      early: 'none',
    });
  });
});
