import { appendFileSync, writeFileSync } from 'node:fs';
import { mustRun, runCommand, tail } from '../host/command.js';

/** BuildKit (the default, and what Compose v2 uses) or the legacy builder (Compose v1's). */
export type Builder = 'buildkit' | 'legacy';

// A cold web build takes 2 to 5 minutes on two cores; at a load average of 40, over 10.
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** Every image this run builds carries this label with the run's id, so teardown finds them all. */
export const RUN_LABEL = 'cors-lab.docker-check.run';

/** One application image: where and from which Dockerfile, which tag, which build arguments. */
export interface AppImage {
  /** The compose services that run it. */
  name: string;
  /** The build context (an absolute path in `compose config`). */
  context: string;
  /** Relative to the context. */
  dockerfile: string;
  tag: string;
  args: Readonly<Record<string, string>>;
}

export interface BuildOptions {
  docker: string;
  builder: Builder;
  runId: string;
  logFile: string;
}

/** The `docker build` arguments for one image (exported for its test). */
export function buildArgs(
  image: AppImage,
  options: Pick<BuildOptions, 'builder' | 'runId'>,
): string[] {
  return [
    'build',
    ...(options.builder === 'buildkit' ? ['--progress=plain'] : []),
    '--file',
    image.dockerfile,
    '--tag',
    image.tag,
    '--label',
    `${RUN_LABEL}=${options.runId}`,
    ...Object.entries(image.args).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]),
    '.',
  ];
}

/** Builds one image; its output goes to `logFile`, and its last lines into the error on failure. */
export async function buildImage(image: AppImage, options: BuildOptions): Promise<void> {
  writeFileSync(options.logFile, '');
  const result = await runCommand(options.docker, buildArgs(image, options), {
    cwd: image.context,
    env: { ...process.env, DOCKER_BUILDKIT: options.builder === 'buildkit' ? '1' : '0' },
    onLine: (line) => appendFileSync(options.logFile, `${line}\n`),
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    const why = result.timedOut
      ? `stopped after ${BUILD_TIMEOUT_MS / 60_000} minutes: is the machine overloaded?`
      : `exit ${result.code}`;
    throw new Error(
      `Building ${image.tag} from ${image.dockerfile} failed (${why}); full log ${options.logFile}:\n` +
        tail(result.stdout + result.stderr, 40),
    );
  }
}

/**
 * Proves the extra CA certificates stayed in the build stages: neither the image's
 * configuration nor any layer's history may hold a PEM block.
 */
export async function assertNoCertificateInImage(docker: string, tag: string): Promise<void> {
  const texts = await Promise.all([
    mustRun(docker, ['image', 'inspect', tag]),
    mustRun(docker, ['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag]),
  ]);
  if (texts.some((text) => text.includes('BEGIN CERTIFICATE'))) {
    throw new Error(
      `${tag} carries a CA certificate in its configuration or history: EXTRA_CA_CERTS must be ` +
        'declared and used only in the build stages, never in the runtime stage.',
    );
  }
}
