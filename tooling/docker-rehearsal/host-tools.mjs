// The Dockerfiles install their tools with `npm install -g name@version`. The rehearsal does not
// install anything globally: it checks that this machine has exactly those versions and puts them,
// and only them, on the PATH the emulated RUN steps see.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Where each tool comes from on this machine: pnpm from PATH, turbo from the workspace. */
function locate(tool, repoRoot) {
  if (tool === 'turbo') return join(repoRoot, 'node_modules', '.bin', 'turbo');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this PATH entry.
    }
  }
  return undefined;
}

/**
 * @param {string} command the RUN line, e.g. `npm install -g --no-audit pnpm@10.34.9 turbo@2.11.11`
 * @returns {{ name: string, version: string }[] | undefined} the pinned tools, or undefined when the line is no global install
 */
export function globalInstallOf(command) {
  const match = /^npm\s+(?:install|i)\s+(.*)$/.exec(command.trim());
  if (!match || !/(^|\s)(-g|--global)(\s|$)/.test(match[1])) return undefined;
  const specs = match[1].split(/\s+/).filter((word) => !word.startsWith('-'));
  return specs.map((spec) => {
    const at = spec.lastIndexOf('@');
    if (at <= 0) {
      throw new Error(
        `"${spec}" in "${command}" has no pinned version: write it as ${spec}@<version> so the image is reproducible.`,
      );
    }
    return { name: spec.slice(0, at), version: spec.slice(at + 1) };
  });
}

/**
 * Writes one-line wrappers for the pinned tools into binDir after checking their versions.
 * @returns {string[]} problems, each naming the tool, both versions and the fix
 */
export function provideTools(tools, { repoRoot, binDir }) {
  mkdirSync(binDir, { recursive: true });
  const problems = [];
  for (const { name, version } of tools) {
    const path = locate(name, repoRoot);
    if (!path) {
      problems.push(
        `${name} is not on this machine's PATH; run the rehearsal through \`pnpm run test:docker\` (after \`npm test\` has bootstrapped pnpm).`,
      );
      continue;
    }
    const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
    const found = result.stdout?.trim();
    if (found !== version) {
      problems.push(
        `The Dockerfile installs ${name}@${version} but this workspace runs ${name} ${found || '(not runnable)'}: ` +
          `pin ${name}@${found} in the Dockerfile (or change the workspace) so the image builds with the version that was tested.`,
      );
      continue;
    }
    const wrapper = join(binDir, name);
    writeFileSync(wrapper, `#!/bin/sh\nexec "${path}" "$@"\n`);
    chmodSync(wrapper, 0o755);
  }
  return problems;
}

/** The PATH of an emulated build step: the pinned tools, node itself, and the system's basics. */
export function stepPath(binDir) {
  return [binDir, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter);
}
