// Builds a Dockerfile's stages without a Docker engine: each stage gets its own folder standing for
// the container's `/`, COPY reads the build context (minus .dockerignore) or an earlier stage's folder,
// and RUN runs the Dockerfile's own command text with `sh -c` in the stage's WORKDIR.
import {
  cpSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, join, posix, relative } from 'node:path';
import { commandOf, parseEnvPairs, splitAssignment } from './dockerfile.mjs';
import { loadDockerignore } from './dockerignore.mjs';
import { globalInstallOf, provideTools, stepPath } from './host-tools.mjs';
import { spawnTracked } from './processes.mjs';

export class BuildFailure extends Error {}

/**
 * @typedef {{
 *   name: string, root: string, env: Record<string, string>, args: Record<string, string | undefined>,
 *   workdir: string, user: string, image: string,
 *   cmd?: { argv?: string[], shell?: string }, healthcheck?: { argv?: string[], shell?: string, flags: Record<string, string> },
 *   exposed: string[],
 * }} StageState
 */

/**
 * @param {import('./dockerfile.mjs').Dockerfile} dockerfile
 * @param {{ contextDir: string, workDir: string, buildArgs: Record<string, string>, log: (line: string) => void, logFile: string }} options
 * @returns {Promise<StageState>} the final stage, ready to start
 */
export async function buildStages(dockerfile, { contextDir, workDir, buildArgs, log, logFile }) {
  const isIgnored = loadDockerignore(contextDir);
  const binDir = join(workDir, 'tools');
  /** @type {Map<string, StageState>} */
  const stages = new Map();
  /** @type {StageState | undefined} */
  let stage;
  const where = (instruction) => `${dockerfile.path}:${instruction.line}`;

  for (const [index, definition] of dockerfile.stages.entries()) {
    const from = substitute(definition.from, globalArgValues(dockerfile, buildArgs));
    const name = definition.name ?? String(index);
    const parent = stages.get(from);
    const root = join(workDir, 'stages', `${index}-${name}`);
    if (parent) {
      cpSync(parent.root, root, { recursive: true, verbatimSymlinks: true });
      stage = {
        ...parent,
        name,
        root,
        env: { ...parent.env },
        args: {},
        exposed: [...parent.exposed],
      };
    } else {
      mkdirSync(root, { recursive: true });
      stage = {
        name,
        root,
        env: {},
        args: {},
        workdir: '/',
        user: 'root',
        image: from,
        exposed: [],
      };
    }
    stages.set(name, stage);

    for (const instruction of definition.instructions) {
      const vars = { ...stage.args, ...stage.env };
      const started = Date.now();
      switch (instruction.keyword) {
        case 'ARG': {
          const [argName, fallback] = splitAssignment(instruction.args);
          stage.args[argName] =
            buildArgs[argName] ?? (fallback === undefined ? undefined : substitute(fallback, vars));
          break;
        }
        case 'ENV':
          for (const [key, value] of parseEnvPairs(instruction.args))
            stage.env[key] = substitute(value, vars);
          break;
        case 'WORKDIR':
          stage.workdir = posix.resolve(stage.workdir, substitute(instruction.args, vars));
          mkdirSync(inStage(stage, stage.workdir), { recursive: true });
          break;
        case 'COPY':
          copy(instruction, stage, {
            stages,
            contextDir,
            isIgnored,
            vars,
            where: where(instruction),
          });
          break;
        case 'RUN': {
          const tools = globalInstallOf(instruction.args);
          if (tools) {
            const problems = provideTools(tools, { repoRoot: contextDir, binDir });
            if (problems.length > 0)
              throw new BuildFailure(`${where(instruction)}: ${problems.join(' ')}`);
            log(
              `  ${stage.name}: tools ${tools.map((t) => `${t.name}@${t.version}`).join(', ')} match this workspace`,
            );
            break;
          }
          await run(instruction, stage, { binDir, logFile, where: where(instruction) });
          log(`  ${stage.name}: RUN ${instruction.args} (${seconds(started)})`);
          break;
        }
        case 'USER':
          stage.user = substitute(instruction.args, vars);
          break;
        case 'EXPOSE':
          stage.exposed.push(...substitute(instruction.args, vars).split(/\s+/));
          break;
        case 'CMD':
          stage.cmd = commandOf(instruction.args);
          break;
        case 'HEALTHCHECK': {
          const match = /^CMD\s+(.*)$/s.exec(instruction.args);
          if (!match)
            throw new BuildFailure(
              `${where(instruction)}: HEALTHCHECK must be "HEALTHCHECK [options] CMD ...".`,
            );
          stage.healthcheck = { ...commandOf(match[1]), flags: instruction.flags };
          break;
        }
        case 'LABEL':
          break;
        default:
          throw new BuildFailure(
            `${where(instruction)}: the rehearsal does not emulate ${instruction.keyword}; ` +
              'use ARG, ENV, WORKDIR, COPY, RUN, USER, EXPOSE, HEALTHCHECK, CMD or LABEL, or teach build-stages.mjs the new instruction.',
          );
      }
    }
  }
  return stage;
}

/** A container path (absolute, POSIX) inside the folder that stands for the stage's `/`. */
export function inStage(stage, containerPath) {
  return join(stage.root, ...containerPath.split('/').filter(Boolean));
}

function globalArgValues(dockerfile, buildArgs) {
  return Object.fromEntries(
    Object.entries(dockerfile.globalArgs).map(([key, value]) => [key, buildArgs[key] ?? value]),
  );
}

/** `$NAME`, `${NAME}` and `${NAME:-default}`, as the Dockerfile frontend expands them. */
export function substitute(text, vars) {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_, braced, fallback, bare) => {
      const value = vars[braced ?? bare];
      return value === undefined || (value === '' && fallback !== undefined)
        ? (fallback ?? '')
        : value;
    },
  );
}

function copy(instruction, stage, { stages, contextDir, isIgnored, vars, where }) {
  for (const flag of Object.keys(instruction.flags)) {
    if (flag !== 'from' && flag !== 'chown')
      throw new BuildFailure(`${where}: COPY --${flag} is not emulated.`);
  }
  const words = instruction.args.trim().startsWith('[')
    ? JSON.parse(instruction.args)
    : instruction.args.split(/\s+/);
  const parts = words.map((word) => substitute(word, vars));
  if (parts.length < 2)
    throw new BuildFailure(`${where}: COPY needs at least one source and a destination.`);
  const destination = parts.pop();
  const destinationPath = posix.resolve(stage.workdir, destination);
  const intoFolder = destination.endsWith('/') || parts.length > 1;

  const fromName = instruction.flags.from;
  const source = fromName === undefined ? undefined : stages.get(fromName);
  if (fromName !== undefined && !source) {
    throw new BuildFailure(
      `${where}: COPY --from=${fromName} names no earlier stage (images are not emulated).`,
    );
  }

  const missing = [];
  const resolved = parts.map((part) => {
    if (/[*?[]/.test(part))
      throw new BuildFailure(
        `${where}: COPY source "${part}" is a wildcard, which the rehearsal does not emulate.`,
      );
    if (source) return { part, path: inStage(source, posix.resolve('/', part)) };
    const relativePath = posix.normalize(part).replace(/^\/+/, '').replace(/\/+$/, '');
    const inContext = relativePath === '.' || relativePath === '' ? '' : relativePath;
    const path = join(contextDir, inContext);
    return { part, path, excluded: inContext !== '' && isIgnored(inContext) };
  });
  for (const { part, path, excluded } of resolved) {
    if (excluded) missing.push(`"${part}" (excluded by .dockerignore)`);
    else if (!existsSync(path)) missing.push(`"${part}"`);
  }
  if (missing.length > 0) {
    const origin = source ? `stage "${fromName}"` : 'the build context';
    throw new BuildFailure(
      `${where}: COPY source ${missing.join(', ')} does not exist in ${origin}; docker build would stop here.`,
    );
  }

  for (const { path } of resolved) {
    if (source) assertNoAbsoluteLinks(path, where);
    const isFolder = statSync(path).isDirectory();
    const target = inStage(stage, destinationPath);
    if (isFolder) {
      mkdirSync(target, { recursive: true });
      if (source) cpSync(path, target, { recursive: true, verbatimSymlinks: true, force: true });
      else copyContext(contextDir, relative(contextDir, path), target, isIgnored);
    } else {
      const fileTarget =
        intoFolder || (existsSync(target) && statSync(target).isDirectory())
          ? join(target, basename(path))
          : target;
      mkdirSync(join(fileTarget, '..'), { recursive: true });
      cpSync(path, fileTarget, { force: true });
    }
  }
}

/** Copies a context folder as docker build would send it: ignored paths are never entered. */
function copyContext(contextDir, relativeFolder, target, isIgnored) {
  for (const entry of readdirSync(join(contextDir, relativeFolder), { withFileTypes: true })) {
    const relativePath = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
    if (isIgnored(relativePath)) continue;
    const from = join(contextDir, relativePath);
    const to = join(target, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (entry.isDirectory()) {
      mkdirSync(to, { recursive: true });
      copyContext(contextDir, relativePath, to, isIgnored);
    } else cpSync(from, to);
  }
}

/** An absolute symlink points into this machine's folders, not the image's: it would dangle there. */
function assertNoAbsoluteLinks(path, where) {
  if (!existsSync(path)) return;
  const stack = [path];
  while (stack.length > 0) {
    const current = stack.pop();
    const stats = lstatSync(current);
    if (stats.isSymbolicLink()) {
      const target = readlinkSync(current);
      if (target.startsWith('/')) {
        throw new BuildFailure(
          `${where}: copied symlink ${current} points to the absolute path ${target}, which will not exist in the image.`,
        );
      }
    } else if (stats.isDirectory()) {
      for (const entry of readdirSync(current)) stack.push(join(current, entry));
    }
  }
}

function run(instruction, stage, { binDir, logFile, where }) {
  const absolute = /(?:^|[\s=])(\/[A-Za-z][^\s]*)/.exec(instruction.args);
  if (absolute) {
    throw new BuildFailure(
      `${where}: RUN uses the absolute path ${absolute[1]}; the rehearsal runs each stage in a temporary folder, ` +
        'so write it relative to WORKDIR.',
    );
  }
  const { shell, argv } = commandOf(instruction.args);
  const [command, ...args] = argv ?? ['sh', '-c', shell];
  const env = {
    ...definedOnly(stage.args),
    ...stage.env,
    PATH: stepPath(binDir),
    // This user's home keeps npm/pnpm settings and the package store, which stand in for the image's downloads.
    HOME: process.env.HOME ?? stage.root,
    CI: 'true',
  };
  const out = createWriteStream(logFile, { flags: 'a' });
  out.write(`\n$ (${stage.name}) ${instruction.args}\n`);
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, {
      cwd: inStage(stage, stage.workdir),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) =>
      reject(new BuildFailure(`${where}: could not start "${instruction.args}": ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      out.end();
      if (code === 0) resolve();
      else
        reject(
          new BuildFailure(
            `${where}: RUN ${instruction.args} failed (exit ${code ?? signal}); its output is in ${logFile}.`,
          ),
        );
    });
  });
}

function definedOnly(record) {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function seconds(started) {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
