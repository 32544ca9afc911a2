import { connect } from 'node:net';
import { runCommand } from '../host/command.js';

/** Resolves true when something accepts a TCP connection on 127.0.0.1:`port`. */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function listed(docker: string, args: string[]): Promise<string[]> {
  const result = await runCommand(docker, args);
  // No daemon any more (this run stopped it): nothing can be left in it.
  if (result.code !== 0) return [];
  return result.stdout.split('\n').filter(Boolean);
}

/** What a finished run left behind: containers, networks, images of the run, ports. Empty = clean. */
export async function leftovers(options: {
  docker: string;
  project: string;
  runLabel: string;
  ports: readonly number[];
}): Promise<string[]> {
  const { docker, project } = options;
  const projectFilter = `label=com.docker.compose.project=${project}`;
  const [containers, networks, images, takenPorts] = await Promise.all([
    listed(docker, ['ps', '--all', '--format', '{{.Names}}', '--filter', projectFilter]),
    listed(docker, ['network', 'ls', '--format', '{{.Name}}', '--filter', projectFilter]),
    listed(docker, [
      'images',
      '--format',
      '{{.Repository}}:{{.Tag}}',
      '--filter',
      `label=${options.runLabel}`,
    ]),
    Promise.all(options.ports.map(async (port) => ((await portTaken(port)) ? [port] : []))),
  ]);
  return [
    ...containers.map((name) => `container ${name}`),
    ...networks.map((name) => `network ${name}`),
    ...images.map((tag) => `image ${tag}`),
    ...takenPorts.flat().map((port) => `port ${port} still answers`),
  ];
}
