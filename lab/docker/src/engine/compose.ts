import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { mustRun, runCommand } from '../host/command.js';
import type { ClientFacts } from './docker-client.js';

/** How to call Compose: the v2 plugin (`docker compose`) or the v1 program (`docker-compose`). */
export interface ComposeCommand {
  generation: 'v2' | 'v1';
  command: string;
  /** Arguments before the subcommand (`compose` for the plugin). */
  prefix: string[];
  version: string;
}

/** The version number in `docker compose version --short` or `docker-compose version --short`. */
export function parseComposeVersion(output: string): string {
  const match = /v?(\d+\.\d+\.\d+)/.exec(output);
  if (!match?.[1])
    throw new Error(`Unrecognised Compose version output: ${JSON.stringify(output)}`);
  return match[1];
}

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find((file) => existsSync(file));
}

/** Which Compose a run uses: `auto` (v2 where the client has the plugin, else v1), or one generation. */
export type ComposeChoice = 'auto' | 'v1' | 'v2';

/** DOCKER_CHECK_COMPOSE: unset or `auto`, `v1` or `v2`. */
export function composeChoiceFromEnv(value: string | undefined): ComposeChoice {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'v1' || value === 'v2') return value;
  throw new Error(`DOCKER_CHECK_COMPOSE=${JSON.stringify(value)}; expected auto, v1 or v2.`);
}

async function standaloneCompose(): Promise<ComposeCommand | undefined> {
  const program = onPath('docker-compose');
  if (!program) return undefined;
  const result = await runCommand(program, ['version', '--short']);
  if (result.code !== 0) return undefined;
  const version = parseComposeVersion(result.stdout);
  // A docker-compose 2.x program is the v2 plugin installed standalone: same commands as v2.
  return {
    generation: version.startsWith('1.') ? 'v1' : 'v2',
    command: program,
    prefix: [],
    version,
  };
}

/**
 * The Compose `choice` asks for: the chosen client's plugin (`docker compose`, v2) or the
 * `docker-compose` program on PATH (v1, or a standalone v2); undefined when there is none.
 */
export async function findCompose(
  client: ClientFacts,
  choice: ComposeChoice = 'auto',
): Promise<ComposeCommand | undefined> {
  if (client.hasCompose && choice !== 'v1') {
    const out = await mustRun(client.path, ['compose', 'version', '--short']);
    return {
      generation: 'v2',
      command: client.path,
      prefix: ['compose'],
      version: parseComposeVersion(out),
    };
  }
  const standalone = await standaloneCompose();
  if (!standalone || (choice !== 'auto' && standalone.generation !== choice)) return undefined;
  return standalone;
}

/** One compose project: a file, a project name and the environment its `${...}` read. */
export class ComposeProject {
  /** @param files the compose file, then any override files merged over it */
  constructor(
    readonly compose: ComposeCommand,
    readonly files: readonly string[],
    readonly name: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  private args(rest: readonly string[]): string[] {
    // The first file's folder stays the project folder, so `context: .` means the repository.
    const files = this.files.flatMap((file) => ['--file', file]);
    return [...this.compose.prefix, '--project-name', this.name, ...files, ...rest];
  }

  run(rest: readonly string[], timeoutMs = 180_000): Promise<string> {
    return mustRun(this.compose.command, this.args(rest), { env: this.env, timeoutMs });
  }

  async services(): Promise<string[]> {
    return (await this.run(['config', '--services'])).split('\n').filter(Boolean);
  }

  /**
   * Starts the services from images built beforehand; Compose itself builds nothing. Compose v2
   * also waits until every service is healthy (`--wait`); v1 has no such flag (see health-wait).
   */
  up(healthyWithinMs: number): Promise<string> {
    const wait = this.compose.generation === 'v2' ? ['--wait'] : [];
    return this.run(['up', '--detach', '--no-build', ...wait], healthyWithinMs + 60_000);
  }

  /** The last lines each service logged, for failure messages. */
  async logs(lines = 40): Promise<string> {
    const result = await runCommand(
      this.compose.command,
      this.args(['logs', '--no-color', '--tail', String(lines)]),
      { env: this.env, timeoutMs: 30_000 },
    );
    return result.stdout + result.stderr;
  }

  /** Removes the containers, networks and volumes of this project (images are the caller's). */
  down(): Promise<string> {
    return this.run(['down', '--volumes', '--remove-orphans', '--timeout', '10']);
  }
}
