import { realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { runCommand } from '../host/command.js';

/** What one `docker` executable offers, as `docker version` and its plugins report. */
export interface ClientFacts {
  path: string;
  clientVersion: string;
  /** Empty when no daemon answered this client. */
  serverVersion: string;
  hasCompose: boolean;
  hasBuildx: boolean;
}

const major = (version: string) => version.split('.')[0];

/**
 * Ranks a client: one built with the daemon (same major version) builds with BuildKit without
 * needing buildx; a newer static client without buildx cannot build at all.
 */
export function clientScore(facts: ClientFacts): number {
  let score = 0;
  if (facts.serverVersion && major(facts.clientVersion) === major(facts.serverVersion)) score += 4;
  if (facts.hasBuildx) score += 2;
  if (facts.hasCompose) score += 1;
  return score;
}

/** The best client of those found, ties going to the first on PATH. */
export function chooseClient(candidates: readonly ClientFacts[]): ClientFacts | undefined {
  let best: ClientFacts | undefined;
  for (const candidate of candidates) {
    if (!best || clientScore(candidate) > clientScore(best)) best = candidate;
  }
  return best;
}

/** Every distinct `docker` executable on PATH, plus the engine package's own /usr/bin/docker. */
export function dockerExecutables(path = process.env.PATH ?? ''): string[] {
  const found = new Map<string, string>();
  for (const dir of [...path.split(delimiter), '/usr/bin']) {
    if (!dir) continue;
    const file = join(dir, 'docker');
    if (!existsSync(file)) continue;
    const real = realpathSync(file);
    if (!found.has(real)) found.set(real, file);
  }
  return [...found.values()];
}

async function succeeds(path: string, args: string[]): Promise<boolean> {
  return (await runCommand(path, args, { timeoutMs: 15_000 })).code === 0;
}

/** Asks one client for its version, its daemon's version and its plugins. */
export async function clientFacts(path: string): Promise<ClientFacts | undefined> {
  const version = await runCommand(
    path,
    ['version', '--format', '{{.Client.Version}}|{{if .Server}}{{.Server.Version}}{{end}}'],
    { timeoutMs: 15_000 },
  );
  // Without a daemon `docker version` exits 1 but still prints the client's half.
  const [clientVersion = '', serverVersion = ''] = version.stdout.trim().split('|');
  if (!clientVersion) return undefined;
  const [hasCompose, hasBuildx] = await Promise.all([
    succeeds(path, ['compose', 'version']),
    succeeds(path, ['buildx', 'version']),
  ]);
  return { path, clientVersion, serverVersion, hasCompose, hasBuildx };
}

/** Finds the docker clients on this machine and picks the one that fits the running daemon. */
export async function findDockerClient(): Promise<ClientFacts | undefined> {
  const facts = await Promise.all(dockerExecutables().map(clientFacts));
  return chooseClient(facts.filter((fact): fact is ClientFacts => fact !== undefined));
}
