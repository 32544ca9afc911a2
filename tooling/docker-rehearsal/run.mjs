#!/usr/bin/env node
// Rehearses the Docker setup on a machine with no Docker engine:
//   1. `docker-compose config` accepts docker-compose.yml (also with .env.example) and names the
//      services and ports the lab needs;
//   2. each Dockerfile compose builds is run stage by stage in a temporary folder (turbo prune,
//      pnpm install --frozen-lockfile, turbo build, pnpm deploy...): every COPY source must exist
//      where docker build would look for it;
//   3. the runtime stages are started with their own CMD, ENV and HEALTHCHECK on free ports, and
//      answered over HTTP: health, CORS grants and refusals, the page and its assets.
// Usage: node tooling/docker-rehearsal/run.mjs [--keep]   (--keep leaves the temporary folder)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { checkApi } from './api-checks.mjs';
import { BuildFailure, buildStages, inStage } from './build-stages.mjs';
import { Checks } from './checks.mjs';
import { composeConfig, findCompose, servicesOf } from './compose.mjs';
import { runHealthcheck, startContainer, waitForPort } from './container.mjs';
import { readDockerfile } from './dockerfile.mjs';
import { freePorts } from './free-port.mjs';
import { stopAll } from './processes.mjs';
import { checkWeb } from './web-checks.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const started = Date.now();
const log = (line) => console.log(line);
const checks = new Checks(log);
const workDir = mkdtempSync(join(tmpdir(), 'cors-lab-docker-'));
// `docker stop` waits 10 s before SIGKILL; the apps should leave well before that.
const STOP_GRACE_MS = 8000;
const REQUIRED_PORTS = ['3000', '3001', '8000', '8001'];

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await stopAll();
  if (keep) log(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`\n${signal}: stopping everything the rehearsal started`);
    cleanUp().finally(() => process.exit(130));
  });
}

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  // Colour codes from turbo and next would only garble the summary.
  const text = stripVTControlCharacters(readFileSync(file, 'utf8'));
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Step 1: Compose's own validation, and which Dockerfiles it builds. */
async function checkCompose() {
  log('\n[1/3] docker-compose.yml');
  const compose = findCompose({ log });
  let services = new Map();
  await checks.check(
    `${[compose.command, ...compose.prefix].join(' ')} config accepts docker-compose.yml`,
    async () => {
      services = servicesOf(composeConfig(compose, { cwd: repoRoot }));
      return `services: ${[...services.keys()].join(', ')}`;
    },
  );
  await checks.check('compose config also accepts the variables of .env.example', async () => {
    composeConfig(compose, { cwd: repoRoot, envFile: '.env.example', extra: ['--quiet'] });
  });
  await checks.check(
    'compose defines api, web and web-alt, and publishes ports 3000, 3001, 8000 and 8001',
    async () => {
      const missing = ['api', 'web', 'web-alt'].filter((name) => !services.has(name));
      if (missing.length > 0) throw new Error(`missing service(s): ${missing.join(', ')}`);
      const published = new Set([...services.values()].flatMap((service) => service.ports));
      const unpublished = REQUIRED_PORTS.filter((port) => !published.has(port));
      if (unpublished.length > 0)
        throw new Error(`port(s) not published: ${unpublished.join(', ')}`);
    },
  );
  await checks.check(
    'every service has a health check, and web and web-alt wait for api to be healthy',
    async () => {
      const problems = [...services.entries()]
        .filter(([, service]) => !service.healthcheck)
        .map(([name]) => `${name} has no healthcheck`);
      for (const name of ['web', 'web-alt']) {
        if (!services.get(name)?.waitsForHealthy.includes('api'))
          problems.push(`${name} lacks depends_on api with condition: service_healthy`);
      }
      if (problems.length > 0) throw new Error(problems.join('; '));
    },
  );
  return services;
}

/** Step 2: one Dockerfile, built stage by stage; returns the runtime stage or undefined. */
async function rehearseBuild(app, dockerfilePath, buildArgs) {
  const logFile = join(workDir, `${app}.log`);
  const since = Date.now();
  let runtime;
  const ok = await checks.check(
    `${app}: ${dockerfilePath} builds (every COPY source exists, every RUN succeeds)`,
    async () => {
      const dockerfile = readDockerfile(join(repoRoot, dockerfilePath));
      dockerfile.path = dockerfilePath;
      try {
        runtime = await buildStages(dockerfile, {
          contextDir: repoRoot,
          workDir: join(workDir, app),
          buildArgs,
          log: (line) => log(`  [${app}]${line.slice(1)}`),
          logFile,
        });
      } catch (error) {
        if (error instanceof BuildFailure && existsSync(logFile)) {
          throw new Error(`${error.message}\n--- last lines of ${app}.log ---\n${tail(logFile)}`, {
            cause: error,
          });
        }
        throw error;
      }
      return elapsed(since);
    },
  );
  if (!ok) return undefined;

  await checks.check(`${app}: the runtime stage runs as a non-root user`, async () => {
    if (['', 'root', '0', '0:0'].includes(runtime.user))
      throw new Error(`USER is "${runtime.user}"; add USER node (uid 1000 in the node images)`);
    return `USER ${runtime.user}`;
  });
  await checks.check(`${app}: the runtime stage has a HEALTHCHECK and a CMD`, async () => {
    if (!runtime.healthcheck) throw new Error('no HEALTHCHECK in the final stage');
    if (!runtime.cmd) throw new Error('no CMD in the final stage');
    return `base image ${runtime.image}`;
  });
  return { runtime, logFile };
}

/** Step 3: start a runtime stage, prove its HEALTHCHECK tells down from up, run the app's checks, stop it. */
async function rehearseContainer(app, built, { env, port, probeApp }) {
  const { runtime, logFile } = built;
  await checks.check(
    `${app}: HEALTHCHECK fails while nothing listens on port ${port}`,
    async () => {
      const result = runHealthcheck(runtime, { env });
      if (result.code === 0)
        throw new Error(
          'the health check exited 0 with no server running, so it cannot detect a dead container',
        );
      return `exit ${result.code ?? 'timeout'}`;
    },
  );

  const container = startContainer(runtime, { env, logFile });
  const up = await checks.check(
    `${app}: CMD ${JSON.stringify(runtime.cmd.argv ?? runtime.cmd.shell)} starts and listens on port ${port}`,
    async () => {
      const since = Date.now();
      try {
        await waitForPort(port, container.child, 90_000);
      } catch (error) {
        throw new Error(`${error.message}\n--- last lines of ${app}.log ---\n${tail(logFile)}`, {
          cause: error,
        });
      }
      return elapsed(since);
    },
  );
  if (up) {
    await checks.check(`${app}: HEALTHCHECK passes once the server is up`, async () => {
      const result = runHealthcheck(runtime, { env });
      if (result.code !== 0) throw new Error(`exit ${result.code ?? 'timeout'}: ${result.output}`);
    });
    await probeApp();
  }
  return container;
}

async function stopContainer(app, container) {
  await checks.check(
    `${app}: exits on SIGTERM within ${STOP_GRACE_MS / 1000} s, as docker stop expects`,
    async () => {
      const result = await container.stop(STOP_GRACE_MS);
      if (!result.graceful)
        throw new Error(
          `${result.exit} after ${result.ms} ms; handle SIGTERM (close the servers, then exit)`,
        );
      return `${result.exit} after ${result.ms} ms`;
    },
  );
}

async function main() {
  log(`Docker rehearsal (no engine needed) in ${workDir}`);
  const services = await checkCompose();
  const apiDockerfile = services.get('api')?.dockerfile;
  const webDockerfile = services.get('web')?.dockerfile;
  if (!apiDockerfile || !webDockerfile) return;

  const taken = new Set();
  const [webPort] = await freePorts(3200, 3299, 1, taken);
  const [apiPort, apiAltPort] = await freePorts(8200, 8299, 2, taken);
  const allowedOrigin = `http://localhost:${webPort}`;

  log('\n[2/3] builds (both Dockerfiles at once, as compose would)');
  const [api, web] = await Promise.all([
    rehearseBuild('api', apiDockerfile, services.get('api').args),
    // The web image's `/proxy` rewrite is compiled in: point it at the rehearsal's API.
    rehearseBuild('web', webDockerfile, {
      ...services.get('web').args,
      API_ORIGIN: `http://127.0.0.1:${apiPort}`,
    }),
  ]);

  if (api) {
    await checks.check('api: the runtime image holds production dependencies only', async () => {
      const modules = inStage(api.runtime, `${api.runtime.workdir}/node_modules`);
      const devOnly = ['typescript', 'vitest', 'tsx', 'supertest'].filter((name) =>
        existsSync(join(modules, name)),
      );
      if (devOnly.length > 0)
        throw new Error(`devDependencies in the image: ${devOnly.join(', ')}; deploy with --prod`);
      if (!existsSync(join(modules, 'express')))
        throw new Error('express is missing from node_modules');
    });
  }

  log('\n[3/3] containers');
  const containers = [];
  if (api) {
    const env = {
      PORT: String(apiPort),
      ALT_PORT: String(apiAltPort),
      CORS_ALLOWED_ORIGINS: allowedOrigin,
    };
    containers.push([
      'api',
      await rehearseContainer('api', api, {
        env,
        port: apiPort,
        // The image's default origin is left out of CORS_ALLOWED_ORIGINS here, so its refusal proves the variable is read.
        probeApp: () =>
          checkApi(checks, {
            port: apiPort,
            altPort: apiAltPort,
            allowedOrigin,
            refusedOrigins: ['http://localhost:3000', 'https://attacker.example'],
          }),
      }),
    ]);
  }
  if (web) {
    containers.push([
      'web',
      await rehearseContainer('web', web, {
        env: { PORT: String(webPort) },
        port: webPort,
        probeApp: () => checkWeb(checks, { port: webPort }),
      }),
    ]);
  }
  for (const [app, container] of containers.reverse()) await stopContainer(app, container);
}

let exitCode = 1;
try {
  await main();
  exitCode = checks.failed.length === 0 && checks.results.length > 0 ? 0 : 1;
} catch (error) {
  log(`\nrehearsal stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
log(`\nDocker rehearsal ${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${elapsed(started)}`);
for (const failure of checks.failed) log(`  failed: ${failure.name}`);
log(`rehearsal: ${checks.summary()}`);
process.exit(exitCode);
