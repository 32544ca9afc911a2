// `test:docker`: the real thing on a real engine. Installs Docker where it is missing (root on
// Debian), starts dockerd if none runs, builds both images, runs docker-compose.yml, waits for
// every service to be healthy, runs the browser matrix against the containers, then removes
// everything this run made (containers, network, its images, the dockerd it started).
// Environment: DOCKER_CHECK_ENGINES (default chromium,firefox,webkit), DOCKER_CHECK_BUILDER (buildkit|legacy),
// DOCKER_CHECK_COMPOSE (auto|v1|v2; v2 without the plugin fetches Debian trixie's for this run),
// DOCKER_CHECK_COLD=1 (remove the cached base image and the builder's cache first).
import { ensureDebianPackages, missingPackages } from '@cors-lab/debian-packages';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts } from '@cors-lab/testkit';
import {
  ComposeProject,
  composeChoiceFromEnv,
  findCompose,
  type ComposeChoice,
  type ComposeCommand,
} from './engine/compose.js';
import { COMPOSE_V2_SUITE, provisionComposePlugin } from './engine/compose-plugin-debian.js';
import { daemonAnswers, dockerdPath, ensureDaemon, type Daemon } from './engine/daemon.js';
import { dockerExecutables, findDockerClient, type ClientFacts } from './engine/docker-client.js';
import { waitUntilHealthy } from './engine/health-wait.js';
import { mustRun, runCommand, stopRunningCommands } from './host/command.js';
import { ensureBaseImage, removeCaches } from './image/base-image.js';
import {
  RUN_LABEL,
  assertNoCertificateInImage,
  buildImage,
  type Builder,
} from './image/build-app.js';
import { hostExtraCaCerts } from './image/extra-ca.js';
import { PhaseClock } from './phases.js';
import { enginesFromEnv, provisionEngines, runBrowserMatrix } from './stack/browser-matrix.js';
import { imagesToBuild } from './stack/compose-builds.js';
import { labCertificatesOverride } from './stack/lab-certificates.js';
import { leftovers } from './stack/leftovers.js';
import { planStack } from './stack/plan.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');
const HEALTHY_WITHIN_MS = 180_000;

function builderFromEnv(value: string | undefined): Builder {
  if (value === undefined || value === '' || value === 'buildkit') return 'buildkit';
  if (value === 'legacy') return 'legacy';
  throw new Error(`DOCKER_CHECK_BUILDER=${JSON.stringify(value)}; expected buildkit or legacy.`);
}

/** The files by which each Debian package the check may install is known to be there. */
const PACKAGE_FILES = [
  { file: '/usr/bin/docker', pkg: 'docker.io' },
  { file: '/usr/sbin/dockerd', pkg: 'docker.io' },
  { file: '/usr/bin/docker-compose', pkg: 'docker-compose' },
];

/** Installs docker.io / docker-compose where they are missing and this process may (root, apt). */
async function ensureInstalled(choice: ComposeChoice): Promise<string[]> {
  const clients = dockerExecutables();
  const missing: string[] = [];
  const reachable = clients.length > 0 && (await daemonAnswers(clients[0]!));
  if (clients.length === 0 || (!reachable && !dockerdPath())) missing.push('docker.io');
  const client = clients.length > 0 ? await findDockerClient() : undefined;
  // Debian packages Compose v1; v2 comes as a plugin (the client's, or fetched for this run).
  const compose = client ? await findCompose(client, choice === 'v1' ? 'v1' : 'auto') : undefined;
  if (!compose && !existsSync('/usr/bin/docker-compose')) missing.push('docker-compose');
  if (missing.length > 0) {
    ensureDebianPackages({
      purpose: 'The Docker check (test:docker)',
      packages: missing,
      missing: () => missingPackages(PACKAGE_FILES).filter((pkg) => missing.includes(pkg)),
    });
  }
  return missing;
}

async function main(): Promise<void> {
  const clock = new PhaseClock();
  const engines = enginesFromEnv(process.env.DOCKER_CHECK_ENGINES);
  const builder = builderFromEnv(process.env.DOCKER_CHECK_BUILDER);
  const composeChoice = composeChoiceFromEnv(process.env.DOCKER_CHECK_COMPOSE);
  const runId = `${Date.now().toString(36)}-${process.pid}`;
  const project = `cors-lab-check-${runId}`;
  const workDir = mkdtempSync(join(tmpdir(), 'cors-lab-docker-check-'));
  const apiImage = `cors-lab-check/api:${runId}`;
  const webImage = `cors-lab-check/web:${runId}`;
  const plan = planStack({
    ports: await freePorts(9),
    apiImage,
    webImage,
  });

  let daemon: Daemon | undefined;
  let client: ClientFacts | undefined;
  let stack: ComposeProject | undefined;
  let baseTag: string | undefined;
  let pluginDir: string | undefined;
  let provisioned: Promise<void> | undefined;
  let failure: unknown;
  let interrupted = false;
  const onSignal = (signal: string) => {
    interrupted = true;
    console.error(
      `\n${signal}: stopping the running step, then tearing down what this run started`,
    );
    stopRunningCommands();
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  const stopIfInterrupted = () => {
    if (interrupted) throw new Error('Interrupted.');
  };

  try {
    await clock.time(
      'install',
      () => ensureInstalled(composeChoice),
      (installed) =>
        installed.length > 0 ? `installed ${installed.join(', ')}` : 'already installed',
    );
    daemon = await clock.time(
      'dockerd',
      async () => {
        const anyClient = dockerExecutables()[0];
        if (!anyClient) throw new Error('No docker client after install: is docker.io installed?');
        return ensureDaemon(anyClient);
      },
      (started) =>
        started.startedPid
          ? `started pid ${started.startedPid}, log ${started.logFile} while it runs`
          : 'reused the running daemon',
    );
    client = await findDockerClient();
    if (!client?.serverVersion) throw new Error('No docker client reaches the daemon.');
    let compose: ComposeCommand | undefined = await findCompose(client, composeChoice);
    if (!compose && composeChoice === 'v2') {
      const dir = mkdtempSync(join(tmpdir(), 'cors-lab-compose-v2-'));
      pluginDir = dir;
      const plugin = await clock.time(
        'compose v2 plugin',
        () => provisionComposePlugin(dir, (line) => console.log(`  ${line}`)),
        (fetched) => `Debian ${COMPOSE_V2_SUITE} docker-compose ${fetched.version}, this run only`,
      );
      // Every docker client this run starts (and Compose's own) looks for plugins there.
      process.env.DOCKER_CONFIG = plugin.dockerConfig;
      client = await findDockerClient();
      if (!client?.serverVersion) throw new Error('No docker client reaches the daemon.');
      compose = await findCompose(client, 'v2');
    }
    if (!compose) {
      throw new Error(
        composeChoice === 'v1'
          ? 'DOCKER_CHECK_COMPOSE=v1 but no Compose v1 `docker-compose` is on PATH: apt-get install docker-compose.'
          : 'Compose is missing: install docker-compose or the compose plugin.',
      );
    }
    console.log(
      `client ${client.path} ${client.clientVersion}, engine ${client.serverVersion}, ` +
        `Compose ${compose.generation} ${compose.version}, builder ${builder}`,
    );
    const docker = client.path;
    stopIfInterrupted();

    if (process.env.DOCKER_CHECK_COLD === '1') {
      await clock.time(
        'remove caches (DOCKER_CHECK_COLD=1)',
        () => removeCaches(docker),
        (removed) => removed.join(', '),
      );
    }
    const base = await clock.time(
      'base image',
      () => ensureBaseImage(docker, (line) => console.log(`  ${line}`)),
      (image) => `${image.tag}, ${image.source}`,
    );
    baseTag = base.tag;
    stopIfInterrupted();

    const extraCa = hostExtraCaCerts();
    const certificates = await labCertificatesOverride(workDir);
    stack = new ComposeProject(compose, [COMPOSE_FILE, certificates], project, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
      ...plan.composeEnv,
      NODE_IMAGE: base.tag,
      EXTRA_CA_CERTS: extraCa,
    });
    // What `compose up --build` would build, built once per image with the chosen builder.
    const images = imagesToBuild(await stack.run(['config']));
    // The browsers are chosen and installed beside the builds; the matrix awaits them.
    const provisionSince = Date.now();
    provisioned = provisionEngines(REPO_ROOT).then((choice) => {
      const seconds = (Date.now() - provisionSince) / 1000;
      console.log(`  e2e engines: ${choice}, in ${seconds.toFixed(1)} s`);
      clock.add('  e2e engines (beside the builds)', seconds, choice);
    });
    // Until the matrix awaits it, a failure is reported there, not as an unhandled rejection.
    provisioned.catch(() => undefined);
    await clock.time(
      'builds (side by side)',
      () =>
        Promise.all(
          images.map(async (image) => {
            const since = Date.now();
            await buildImage(image, {
              docker,
              builder,
              runId,
              logFile: join(workDir, `${image.tag.replace(/\W/g, '-')}-build.log`),
            });
            if (extraCa) await assertNoCertificateInImage(docker, image.tag);
            const seconds = (Date.now() - since) / 1000;
            console.log(`  ${image.name}: built in ${seconds.toFixed(1)} s`);
            clock.add(`  build ${image.name}`, seconds, image.tag);
          }),
        ),
      () => `${builder}${extraCa ? ', host CA certificates passed to the build stages only' : ''}`,
    );
    stopIfInterrupted();

    const services = await stack.services();
    await clock.time(
      compose.generation === 'v2' ? 'compose up --wait' : 'compose up',
      async () => {
        try {
          return await stack!.up(HEALTHY_WITHIN_MS);
        } catch (error) {
          // Compose fails `up` itself when a dependency (or, with --wait, any service) turns unhealthy: show why.
          console.error(await stack!.logs());
          throw error;
        }
      },
      () => services.join(', '),
    );
    // Compose v1 has no `up --wait`; after v2's it is a check that returns at once.
    await clock.time(
      'health',
      async () => {
        try {
          return await waitUntilHealthy(docker, project, services, HEALTHY_WITHIN_MS);
        } catch (error) {
          console.error(await stack!.logs());
          throw error;
        }
      },
      (after) =>
        [...after].map(([service, seconds]) => `${service} ${seconds.toFixed(1)} s`).join(', '),
    );
    stopIfInterrupted();

    await clock.time(
      `browser matrix (${engines.join(', ')})`,
      async () => {
        await provisioned!;
        return runBrowserMatrix(REPO_ROOT, plan.originsEnv, engines);
      },
      (counts) =>
        [...counts].map(([engine, count]) => `${engine}: ${count} scenario runs`).join(', '),
    );
  } catch (error) {
    failure = error;
  }

  const problems = await clock.time(
    'teardown',
    async () => {
      const docker = client?.path ?? dockerExecutables()[0];
      // A failed build must not leave e2e's provisioning running behind the run.
      await provisioned?.catch(() => undefined);
      if (stack) await stack.down().catch((error: unknown) => console.error(String(error)));
      if (docker) {
        const tags = (
          await runCommand(docker, ['images', '--quiet', '--filter', `label=${RUN_LABEL}=${runId}`])
        ).stdout
          .split('\n')
          .filter(Boolean);
        if (tags.length > 0) await mustRun(docker, ['rmi', '--force', ...new Set(tags)]);
      }
      await daemon?.stop();
      if (pluginDir) rmSync(pluginDir, { recursive: true, force: true });
      // Build logs are kept when the run failed: the error names them.
      if (!failure) rmSync(workDir, { recursive: true, force: true });
      return docker
        ? leftovers({
            docker,
            project,
            runLabel: `${RUN_LABEL}=${runId}`,
            ports: Object.values(plan.ports),
          })
        : [];
    },
    (left) => (left.length === 0 ? 'nothing left behind' : `LEFT: ${left.join(', ')}`),
  );

  console.log(`\ntest:docker phases:\n${clock.summary()}`);
  if (daemon?.startedPid)
    console.log(`  (stopped the dockerd this run started, pid ${daemon.startedPid})`);
  if (baseTag)
    console.log(`  kept as caches: the base image ${baseTag} and the builder's layer cache`);
  if (failure) throw failure;
  if (problems.length > 0) throw new Error(`The run left behind: ${problems.join(', ')}.`);
}

main().then(
  () => console.log('\ntest:docker PASSED'),
  (error: unknown) => {
    console.error(
      `\ntest:docker FAILED: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
