// Writes a starter: the template folders, the root files derived from the lab's, the starter-only
// texts of ../starter, checked for any trace of the lab before a single file is written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brokenMarkdownLinks, findLabReferences, labPatterns } from './lab-references.mjs';
import { stripLabOnly } from './lab-only.mjs';
import { rename, validName } from './rename.mjs';
import {
  catalogNames,
  fillPlaceholders,
  starterDevDependencies,
  starterIgnoreFile,
  starterTurboJson,
} from './root-files.mjs';
import { StarterError } from './starter-error.mjs';
import { checkTarget } from './target.mjs';
import { TEMPLATE_DIRS, labDirs, listFiles } from './template-files.mjs';
import { starterWorkspaceYaml } from './workspace-yaml.mjs';

/** This repository: two folders above this file. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTER_DIR = fileURLToPath(new URL('../starter/', import.meta.url));

/** Root files the starter takes from the lab unchanged. */
const COPIED_ROOT_FILES = ['eslint.config.mjs', '.prettierrc.json', '.editorconfig'];
/** Root ignore files the starter takes without their lab rules. */
const IGNORE_FILES = ['.gitignore', '.prettierignore', '.dockerignore'];
/** Starter-only texts in ../starter, with `{{name}}`-style placeholders. */
const STARTER_FILES = [
  'README.md',
  '.env.example',
  'docker-compose.yml',
  '.github/workflows/ci.yml',
];

/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** A text file is one without NUL bytes; anything else is copied as bytes and not inspected. */
const isText = (/** @type {Buffer} */ bytes) => !bytes.includes(0);

/**
 * Formats a generated file with the repository's Prettier and its settings, so the starter passes
 * its own `prettier --check`; a file Prettier has no parser for (.env.example) stays as written.
 */
async function formatter(/** @type {string} */ repoRoot) {
  const require = createRequire(join(repoRoot, 'package.json'));
  // require.resolve finds Prettier's CommonJS entry, whose API is the default export.
  /** @type {typeof import('prettier')} */
  const prettier = (await import(pathToFileURL(require.resolve('prettier')).href)).default;
  const options = (await prettier.resolveConfig(join(repoRoot, 'package.json'))) ?? {};
  return async (/** @type {string} */ path, /** @type {string} */ text) =>
    (await prettier.getFileInfo(path)).inferredParser
      ? prettier.format(text, { ...options, filepath: path })
      : text;
}

/** The installed manifest of a root devDependency, for its commands and peers. */
function installedManifest(/** @type {string} */ repoRoot) {
  return (/** @type {string} */ name) => {
    const path = join(repoRoot, 'node_modules', name, 'package.json');
    if (!existsSync(path)) {
      throw new StarterError(
        `${path} is missing: template:new reads the installed root tools to choose the starter's devDependencies. Run pnpm install in ${repoRoot} first.`,
      );
    }
    return readJson(path);
  };
}

/**
 * Every file of the starter, in memory: path → text (or bytes for a binary file).
 * @param {string} repoRoot
 * @param {string} projectName the root package's name, shown in the README and image names
 * @returns {Promise<Map<string, string | Buffer>>}
 */
export async function starterFiles(repoRoot, projectName) {
  const format = await formatter(repoRoot);
  /** @type {Map<string, string | Buffer>} */
  const files = new Map();
  /** A file of the repository without its lab-only blocks, formatted again if one was cut. */
  const read = async (/** @type {string} */ path) => {
    const text = readFileSync(join(repoRoot, path), 'utf8');
    const stripped = stripLabOnly(path, text);
    return stripped === text ? text : format(path, stripped);
  };
  for (const path of listFiles(repoRoot, TEMPLATE_DIRS)) {
    const bytes = readFileSync(join(repoRoot, path));
    files.set(path, isText(bytes) ? await read(path) : bytes);
  }

  const allFiles = listFiles(repoRoot);
  const lab = labDirs(allFiles);
  for (const path of COPIED_ROOT_FILES) files.set(path, await read(path));
  for (const path of IGNORE_FILES) files.set(path, starterIgnoreFile(await read(path), lab));

  const labRoot = readJson(join(repoRoot, 'package.json'));
  const packages = [...files.keys()]
    .filter((path) => /^[^/]+\/[^/]+\/package\.json$/.test(path))
    .map((path) => JSON.parse(/** @type {string} */ (files.get(path))));
  const starterPackage = readJson(join(STARTER_DIR, 'package.json'));
  const rootManifest = {
    name: projectName,
    private: true,
    description: starterPackage.description,
    type: 'module',
    packageManager: labRoot.packageManager,
    engines: labRoot.engines,
    scripts: starterPackage.scripts,
    devDependencies: starterDevDependencies({
      labDevDependencies: labRoot.devDependencies,
      installed: installedManifest(repoRoot),
      scripts: [starterPackage, ...packages].flatMap((manifest) =>
        Object.values(manifest.scripts ?? {}),
      ),
      rootSources: COPIED_ROOT_FILES.filter((path) => /\.[cm]?js$/.test(path)).map(
        (path) => /** @type {string} */ (files.get(path)),
      ),
    }),
  };
  files.set('package.json', await format('package.json', JSON.stringify(rootManifest, null, 2)));
  files.set(
    'pnpm-workspace.yaml',
    await format(
      'pnpm-workspace.yaml',
      starterWorkspaceYaml(
        await read('pnpm-workspace.yaml'),
        catalogNames([rootManifest, ...packages]),
      ),
    ),
  );
  files.set(
    'turbo.json',
    await format(
      'turbo.json',
      JSON.stringify(starterTurboJson(readJson(join(repoRoot, 'turbo.json')), packages), null, 2),
    ),
  );

  const values = {
    name: projectName,
    pnpmVersion: String(labRoot.packageManager).replace(/^pnpm@/, ''),
  };
  for (const path of STARTER_FILES) {
    const text = fillPlaceholders(path, readFileSync(join(STARTER_DIR, path), 'utf8'), values);
    files.set(path, await format(path, text));
  }
  return files;
}

/**
 * Fails when the starter names the lab or links to a file it does not have.
 * @param {string} repoRoot
 * @param {ReadonlyMap<string, string | Buffer>} files
 * @throws {StarterError} listing every such line
 */
export function checkNoLab(repoRoot, files) {
  const allFiles = listFiles(repoRoot);
  const dirs = labDirs(allFiles);
  const packageNames = allFiles
    .filter((path) => path.endsWith('/package.json') && dirs.some((d) => path.startsWith(`${d}/`)))
    .map((path) => readJson(join(repoRoot, path)).name)
    .filter((name) => typeof name === 'string');
  /** @type {Map<string, string>} */
  const texts = new Map();
  for (const [path, content] of files) if (typeof content === 'string') texts.set(path, content);
  const problems = [
    ...findLabReferences(texts, labPatterns({ packageNames, dirs })),
    ...brokenMarkdownLinks(texts).map((line) => `${line} (a link to a file the starter lacks)`),
  ];
  if (problems.length > 0) {
    throw new StarterError(
      `The starter would refer to the lab, which it does not contain. Nothing was written.\n  ${problems.join('\n  ')}\nFix these lines in the template (${TEMPLATE_DIRS.join(', ')}), the root files or lab/template-kit/starter/. What only the lab needs goes between lab-only markers, which starters leave out: <!-- lab-only --> … <!-- /lab-only --> in Markdown, // lab-only … // /lab-only in code, # lab-only … # /lab-only in YAML (line numbers above are after those are cut).`,
    );
  }
}

/**
 * The pnpm that writes the starter's lockfile: the one running this script, else pnpm on PATH,
 * else the copy scripts/bootstrap.mjs installs into .tools/.
 * @param {string} repoRoot
 * @returns {{ command: string, prefix: string[] }}
 */
function findPnpm(repoRoot) {
  const running = process.env.npm_execpath;
  if (running && /pnpm/.test(basename(running))) {
    return { command: process.execPath, prefix: [running] };
  }
  for (const command of ['pnpm', join(repoRoot, '.tools/pnpm/node_modules/.bin/pnpm')]) {
    try {
      execFileSync(command, ['--version'], { stdio: 'ignore' });
      return { command, prefix: [] };
    } catch {
      // Not this one.
    }
  }
  throw new StarterError(
    'pnpm was not found, and the starter needs it to write its pnpm-lock.yaml: install pnpm 10 (npm install -g pnpm@10) or run node scripts/bootstrap.mjs template:new <dir>.',
  );
}

/**
 * @typedef {object} NewStarterOptions
 * @property {string} target the folder, as typed; created if missing, must be empty
 * @property {string} [name] a new package scope and project name instead of `cors-lab`
 * @property {string} [cwd] what a relative `target` is relative to (default: the process's)
 * @property {string} [repoRoot] the repository to copy from (default: this one)
 * @property {(line: string) => void} [log] progress lines (default: console.log)
 */

/**
 * Writes a starter into `target`, then its pnpm-lock.yaml.
 * @param {NewStarterOptions} options
 * @returns {Promise<string>} the absolute folder written
 */
export async function newStarter({
  target,
  name,
  cwd = process.cwd(),
  repoRoot = REPO_ROOT,
  log = console.log,
}) {
  if (name !== undefined && !validName(name)) {
    throw new StarterError(
      `--name ${JSON.stringify(name)} is not a usable package name: use lowercase letters, digits and - . _, starting with a letter or digit, e.g. --name my-app.`,
    );
  }
  const dir = checkTarget({ repoRoot, target, cwd, packageDirs: TEMPLATE_DIRS });
  const projectName = name ?? basename(dir).toLowerCase();
  if (!validName(projectName)) {
    throw new StarterError(
      `The folder name ${JSON.stringify(basename(dir))} is not a usable package name: pass one with --name, e.g. --name my-app.`,
    );
  }

  const files = await starterFiles(repoRoot, projectName);
  checkNoLab(repoRoot, files);
  const renamed = name === undefined ? files : rename(files, name);

  for (const [path, content] of renamed) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  log(`template:new: wrote ${renamed.size} files to ${dir}`);

  const pnpm = findPnpm(repoRoot);
  // Resolved anew within the catalog's ranges: a lockfile cut from the lab's keeps peers that only
  // the lab brings (next would keep @playwright/test).
  log('template:new: resolving its dependencies into pnpm-lock.yaml');
  try {
    execFileSync(
      pnpm.command,
      [...pnpm.prefix, 'install', '--lockfile-only', '--prefer-offline', '--reporter=silent'],
      { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } catch {
    throw new StarterError(
      `pnpm install --lockfile-only failed in ${dir} (its output is above); the files are written, fix the cause and run pnpm install there.`,
    );
  }
  return dir;
}
