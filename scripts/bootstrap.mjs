#!/usr/bin/env node
// Runs a root script on a machine that has only Node.js and npm: finds or installs pnpm 10
// (corepack is not relied on), installs the workspace, then hands over to `pnpm run <script>`.
// Usage: node scripts/bootstrap.mjs <root-script> [args...]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '10.34.9';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <root-script> [args...]');
  process.exit(2);
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  npm_config_update_notifier: 'false',
};

function pnpmMajor(pathValue) {
  const result = spawnSync('pnpm', ['--version'], {
    env: { ...env, PATH: pathValue },
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return result.status === 0 ? Number(result.stdout.trim().split('.')[0]) : undefined;
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env, cwd: root, ...options });
  if (result.status !== 0) {
    console.error(
      `bootstrap: \`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

// A pnpm 10 already on PATH is used as it is; otherwise a private copy goes into .tools/.
if (pnpmMajor(env.PATH) !== 10) {
  const toolDir = join(root, '.tools', 'pnpm');
  const binDir = join(toolDir, 'node_modules', '.bin');
  if (!existsSync(join(binDir, 'pnpm'))) {
    console.log(
      `bootstrap: installing pnpm ${PNPM_VERSION} into .tools/pnpm (no global install, no corepack)`,
    );
    run('npm', [
      'install',
      '--prefix',
      toolDir,
      '--no-audit',
      '--no-fund',
      '--no-save',
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  env.PATH = `${binDir}${delimiter}${env.PATH}`;
  if (pnpmMajor(env.PATH) !== 10) {
    console.error('bootstrap: pnpm 10 is still not runnable; remove .tools/ and try again.');
    process.exit(1);
  }
}

run('pnpm', ['install', ...(env.CI ? ['--frozen-lockfile'] : []), '--prefer-offline']);

const child = spawn('pnpm', ['run', script, ...args], { stdio: 'inherit', env, cwd: root });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
