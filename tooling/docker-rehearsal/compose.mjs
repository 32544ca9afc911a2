// Validates docker-compose.yml with the Compose tool itself (no engine needed for `config`) and
// reads from its resolved output which Dockerfile each service builds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL_HINT =
  'apt-get install -y docker-compose (Debian/Ubuntu), or install Docker with its Compose plugin';

/** @returns {{ command: string, prefix: string[] }} how to call Compose on this machine */
export function findCompose({ log }) {
  if (works('docker-compose', ['version'])) return { command: 'docker-compose', prefix: [] };
  if (works('docker', ['compose', 'version'])) return { command: 'docker', prefix: ['compose'] };
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log("  docker-compose is missing; installing Debian's package (running as root)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'docker-compose'], {
      stdio: 'inherit',
      env,
    });
    if (install.status === 0 && works('docker-compose', ['version']))
      return { command: 'docker-compose', prefix: [] };
  }
  throw new Error(
    `Neither \`docker-compose\` nor \`docker compose\` is available: ${INSTALL_HINT}.`,
  );
}

function works(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Runs `compose ... config <extra>` in the repo; throws with Compose's own message on failure. */
export function composeConfig(compose, { cwd, envFile, extra = [] }) {
  const args = [...compose.prefix, ...(envFile ? ['--env-file', envFile] : []), 'config', ...extra];
  const result = spawnSync(compose.command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `\`${compose.command} ${args.join(' ')}\` failed:\n${(result.stderr || result.stdout).trim()}`,
    );
  }
  return result.stdout;
}

/**
 * The services and their build settings, read from `config`'s normalised YAML (two-space indents,
 * one key per line), which both Compose v1 and v2 print.
 * @returns {Map<string, { dockerfile?: string, args: Record<string, string>, ports: string[], healthcheck: boolean, waitsForHealthy: string[] }>}
 */
export function servicesOf(resolvedYaml) {
  const services = new Map();
  let inServices = false;
  let current;
  let section;
  let dependency;
  for (const line of resolvedYaml.split('\n')) {
    if (/^\S/.test(line)) {
      inServices = line.startsWith('services:');
      current = undefined;
      continue;
    }
    if (!inServices) continue;
    const service = /^ {2}([\w.-]+):\s*$/.exec(line);
    if (service) {
      current = { args: {}, ports: [], healthcheck: false, waitsForHealthy: [] };
      services.set(service[1], current);
      continue;
    }
    if (!current) continue;
    const key = /^ {4}([\w-]+):/.exec(line);
    if (key) section = key[1];
    if (key?.[1] === 'healthcheck') current.healthcheck = true;
    const dependsOn = /^ {6}([\w.-]+):\s*$/.exec(line);
    if (section === 'depends_on' && dependsOn) dependency = dependsOn[1];
    if (
      section === 'depends_on' &&
      dependency &&
      /^ {8}condition:\s*service_healthy\s*$/.test(line)
    ) {
      current.waitsForHealthy.push(dependency);
    }
    const dockerfile = /^ {6}dockerfile:\s*(.+)$/.exec(line);
    if (section === 'build' && dockerfile) current.dockerfile = dockerfile[1].trim();
    const arg = /^ {8}([\w-]+):\s*(.+)$/.exec(line);
    if (section === 'build' && arg) current.args[arg[1]] = arg[2].trim().replace(/^'(.*)'$/, '$1');
    const published = /^\s+(?:- )?published:\s*['"]?(\d+)['"]?/.exec(line);
    if (section === 'ports' && published) current.ports.push(published[1]);
  }
  return services;
}
