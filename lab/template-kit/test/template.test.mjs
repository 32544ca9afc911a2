// `pnpm template:new` end to end: a starter written into a temporary folder installs, builds, lints,
// type-checks and passes its own tests there, and its API answers CORS correctly over real HTTP.
// The expected headers below are the CORS rules themselves, written out, not read from the code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ProcessGroup, freePort, probeOnce, rawExchange, stopAll } from '@cors-lab/testkit';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli.mjs', import.meta.url));
const PAGE = 'http://localhost:3000';

const tmp = mkdtempSync(join(tmpdir(), 'template-new-'));
const starter = join(tmp, 'my-app');
/** @type {string[]} */
const timings = [];

/** The environment without what the outer pnpm and turbo set for this package's own task. */
function cleanEnv(extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      (key.startsWith('TURBO_') && key !== 'TURBO_TELEMETRY_DISABLED') ||
      /^npm_(package|lifecycle)_/.test(key) ||
      key === 'INIT_CWD' ||
      key === 'PNPM_SCRIPT_SRC_DIR'
    ) {
      delete env[key];
    }
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Starts the starter's built API (`node apps/api/dist/index.js`) with `env` on a free port.
 * @param {string} dir the starter
 * @param {Record<string, string>} env the API's variables
 */
async function startApi(dir, env) {
  const port = await freePort();
  const api = ProcessGroup.start('api', process.execPath, ['apps/api/dist/index.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    replaceEnv: true,
  });
  await api.waitForHttp(`http://127.0.0.1:${port}/health`, 15_000);
  return { api, port };
}

/**
 * One request to the API on `port`.
 * @param {number} port
 * @param {string} method
 * @param {string} path
 * @param {Record<string, string>} [headers]
 * @param {string} [body]
 */
function send(port, method, path, headers = {}, body) {
  return probeOnce(`http://127.0.0.1:${port}${path}`, 10_000, { method, headers, body });
}

/**
 * The CORS headers of an answer (and Vary), by lowercase name.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function corsHeaders(headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.startsWith('access-control-') || name === 'vary',
    ),
  );
}

/**
 * Runs the CLI as a person would, from `cwd`.
 * @param {string[]} args
 */
function cli(args, cwd = tmp) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv({ INIT_CWD: cwd }),
    encoding: 'utf8',
  });
}

/**
 * Every text file of a starter (not node_modules, not the lockfile).
 * @param {string} dir
 * @returns {[path: string, text: string][]}
 */
function starterTexts(dir) {
  const listed = spawnSync('find', ['.', '-type', 'f', '-not', '-path', '*/node_modules/*'], {
    cwd: dir,
    encoding: 'utf8',
  }).stdout;
  return listed
    .split('\n')
    .filter((path) => path && !path.endsWith('pnpm-lock.yaml'))
    .map((path) => [path.slice(2), readFileSync(join(dir, path), 'utf8')]);
}

/**
 * Runs `pnpm <args>` in the starter and fails with the tail of its output.
 * @param {string} dir
 * @param {...string} args
 */
async function pnpm(dir, ...args) {
  const started = Date.now();
  const command = ProcessGroup.start(`pnpm ${args.join(' ')}`, 'pnpm', args, {
    cwd: dir,
    env: cleanEnv(),
    replaceEnv: true,
  });
  const code = await command.exited();
  timings.push(`${command.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(code, 0, `${command.name} failed in ${dir}:\n${command.outputTail}`);
  return command.outputTail;
}

/**
 * The variables of .env.example, as `set -a; . ./.env` would export them.
 * @param {string} dir
 * @returns {Record<string, string>}
 */
function envExample(dir) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const line of readFileSync(join(dir, '.env.example'), 'utf8').split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) env[String(match[1])] = String(match[2]);
  }
  return env;
}

after(async () => {
  await stopAll();
  rmSync(tmp, { recursive: true, force: true });
  if (timings.length > 0) console.log(`template:new timings\n  ${timings.join('\n  ')}`);
});

describe('pnpm template:new refuses', () => {
  it('a missing folder argument, with the usage', () => {
    const result = cli([]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing <dir>/);
    assert.match(result.stderr, /usage: pnpm template:new <dir> \[--name <name>\]/);
  });

  it('a folder that is not empty, naming it and the fix', () => {
    const full = join(tmp, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'mine');
    const result = cli([full]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, new RegExp(`${full} is not empty: pass a new or empty folder`));
    assert.deepEqual(spawnSync('ls', [full], { encoding: 'utf8' }).stdout, 'keep.txt\n');
  });

  it('a folder inside this repository that pnpm would take for one of its packages', () => {
    const inside = join(REPO, 'apps', 'my-app');
    const result = cli([inside]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /matches the workspace pattern "apps\/\*"/);
    assert.match(result.stderr, /Write it outside the repository/);
    assert.equal(existsSync(inside), false);
  });

  it('a --name that is no package name', () => {
    const result = cli([join(tmp, 'bad-name'), '--name', 'My App']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--name "My App" is not a usable package name/);
    assert.equal(existsSync(join(tmp, 'bad-name')), false);
  });
});

describe('a starter written by pnpm template:new', () => {
  before(() => {
    const started = Date.now();
    const result = cli(['my-app']);
    timings.push(`template:new: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(result.status, 0, `template:new failed:\n${result.stdout}${result.stderr}`);
  });

  it('has the template and the starter files, and none of the lab', () => {
    for (const path of [
      'apps/api/src/app.ts',
      'apps/web/app/page.tsx',
      'packages/cors-policy/src/index.ts',
      'packages/tsconfig/base.json',
      'apps/api/Dockerfile',
      'apps/web/Dockerfile',
      'README.md',
      '.env.example',
      'docker-compose.yml',
      '.github/workflows/ci.yml',
      'pnpm-lock.yaml',
    ]) {
      assert.ok(existsSync(join(starter, path)), `${path} is missing`);
    }
    for (const path of ['lab', 'e2e', 'docs', 'scripts', 'tooling', 'packages/cors-predict']) {
      assert.equal(existsSync(join(starter, path)), false, `${path} was copied`);
    }
    const lab =
      /@cors-lab\/(scenarios|lab-api|lab-web|cors-predict|security|testkit|e2e|template-kit)\b|cors-predict|(^|[\s'"`(])(lab|e2e|tooling)\//;
    const leaks = starterTexts(starter).flatMap(([path, text]) =>
      text
        .split('\n')
        .flatMap((line, index) => (lab.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(leaks, []);
  });

  it('keeps only its own packages in its workspace and lockfile', () => {
    const manifest = JSON.parse(readFileSync(join(starter, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-app');
    assert.deepEqual(Object.keys(manifest.scripts).sort(), [
      'build',
      'check-types',
      'clean',
      'dev',
      'lint',
      'start',
      'test',
    ]);
    for (const script of Object.values(manifest.scripts)) assert.match(script, /^turbo run \S+$/);
    const workspace = readFileSync(join(starter, 'pnpm-workspace.yaml'), 'utf8');
    assert.match(workspace, /^packages:\n {2}- apps\/\*\n {2}- packages\/\*\n/m);
    assert.match(workspace, /managePackageManagerVersions: false/);
    assert.doesNotMatch(workspace, /playwright/);
    const lockfile = readFileSync(join(starter, 'pnpm-lock.yaml'), 'utf8');
    const importers = [...lockfile.matchAll(/^ {2}(\S+):$/gm)]
      .map((match) => String(match[1]))
      .filter((name) => name === '.' || /^(apps|packages)\//.test(name));
    // packages/tsconfig has no dependencies, so pnpm gives it no importer entry.
    assert.deepEqual(importers.sort(), ['.', 'apps/api', 'apps/web', 'packages/cors-policy']);
  });

  it('installs, builds, lints, type-checks and passes its own tests', async () => {
    await pnpm(starter, 'install', '--frozen-lockfile', '--prefer-offline');
    // The root scripts as a person runs them; turbo prints only the logs of a task that fails, so
    // the tail this test shows on failure is that task's output.
    for (const script of ['build', 'lint', 'check-types', 'test']) {
      const output = await pnpm(starter, script, '--output-logs=errors-only');
      const tasks = /Tasks:\s+(\d+) successful, (\d+) total/.exec(output);
      // Each runs in api, web and cors-policy at least: none skipped for lack of a script.
      assert.ok(tasks && tasks[1] === tasks[2] && Number(tasks[1]) >= 3, output);
    }
    // The root files the packages' own lint does not see.
    await pnpm(
      starter,
      'exec',
      'prettier',
      '--check',
      'README.md',
      'package.json',
      'pnpm-workspace.yaml',
      'turbo.json',
      'docker-compose.yml',
      'eslint.config.mjs',
      '.github',
    );
  });

  describe('its API over HTTP, configured from .env.example', () => {
    let port = 0;
    before(async () => {
      ({ port } = await startApi(starter, envExample(starter)));
    });
    after(stopAll);

    it('gives the page its exact origin, credentials, the exposed header and Vary: Origin', async () => {
      const res = await send(port, 'GET', '/api/notes', { Origin: PAGE });
      assert.equal(res.status, 200);
      assert.deepEqual(corsHeaders(res.headers), {
        'access-control-allow-origin': PAGE,
        'access-control-allow-credentials': 'true',
        'access-control-expose-headers': 'X-Request-Id',
        vary: 'Origin',
      });
    });

    it('gives another origin no CORS headers, only Vary: Origin', async () => {
      for (const origin of [
        'http://localhost:3001',
        'http://127.0.0.1:3000',
        'https://localhost:3000',
        'http://localhost:3000.evil.example',
        'http://evil.example',
      ]) {
        const res = await send(port, 'GET', '/api/notes', { Origin: origin });
        assert.deepEqual(corsHeaders(res.headers), { vary: 'Origin' }, origin);
      }
    });

    it('answers a preflight with 204, the methods, the headers and max-age 600', async () => {
      const res = await send(port, 'OPTIONS', '/api/notes/1', {
        Origin: PAGE,
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'content-type',
      });
      assert.equal(res.status, 204);
      assert.equal(res.body, '');
      const cors = corsHeaders(res.headers);
      assert.equal(cors['access-control-allow-origin'], PAGE);
      assert.equal(cors['access-control-allow-credentials'], 'true');
      const methods = String(cors['access-control-allow-methods']).split(/\s*,\s*/);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        assert.ok(methods.includes(method), `${method} missing from ${methods}`);
      }
      assert.match(String(cors['access-control-allow-headers']), /(^|,)\s*content-type\s*(,|$)/i);
      assert.equal(cors['access-control-max-age'], '600');
      assert.match(String(cors.vary), /\bOrigin\b/);
    });

    it('answers a preflight from another origin without any CORS header', async () => {
      const res = await send(port, 'OPTIONS', '/api/notes', {
        Origin: 'http://localhost:3001',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      });
      assert.ok(res.status < 500);
      assert.deepEqual(corsHeaders(res.headers), { vary: 'Origin' });
    });

    it('logs in with a cookie and knows the session on a credentialed request', async () => {
      const login = await send(
        port,
        'POST',
        '/api/session',
        { Origin: PAGE, 'Content-Type': 'application/json' },
        JSON.stringify({ name: 'ada' }),
      );
      assert.equal(login.status, 201);
      const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? '';
      assert.match(cookie, /^\w+=\S+$/);
      const me = await send(port, 'GET', '/api/session/me', { Origin: PAGE, Cookie: cookie });
      assert.equal(me.status, 200);
      assert.deepEqual(JSON.parse(me.body), { authenticated: true, name: 'ada' });
      assert.equal(me.headers['access-control-allow-origin'], PAGE);
      assert.equal(me.headers['access-control-allow-credentials'], 'true');
      const anonymous = await send(port, 'GET', '/api/session/me', { Origin: PAGE });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers['access-control-allow-origin'], PAGE);
    });

    it('grants nothing to malformed or disguised Origin headers', async () => {
      for (const origin of [
        'null',
        'not an origin',
        `${PAGE}/`,
        `${PAGE}, http://evil.example`,
        `${PAGE} http://evil.example`,
        'HTTP://LOCALHOST:3000',
        'http://user@localhost:3000',
        'http://localhost:03000',
        '*',
        '',
      ]) {
        const res = await send(port, 'GET', '/api/notes', { Origin: origin });
        assert.ok(res.status < 500, `${origin}: ${res.status}`);
        assert.equal(res.headers['access-control-allow-origin'], undefined, origin);
        assert.equal(res.headers['access-control-allow-credentials'], undefined, origin);
      }
    });

    it('survives a huge header and CR/LF tricks on a raw socket, granting nothing', async () => {
      const head = (/** @type {string} */ lines) =>
        `GET /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines}\r\nConnection: close\r\n\r\n`;
      const attempts = [
        head(`Origin: ${PAGE}${'a'.repeat(20_000)}`),
        head(`Origin: http://evil.example\rAccess-Control-Allow-Origin: *`),
        head(`Origin: http://evil.example\nX-Forwarded-Host: localhost:3000`),
        head(`Origin: http://evil.example\r\n ${PAGE}`),
        head(`Origin: ${PAGE}\r\nOrigin: http://evil.example`),
        head(`Origin: http://evil.example%0d%0aAccess-Control-Allow-Origin:%20*`),
        'GARBAGE\r\n\r\n',
      ];
      // The first, well-formed, request shows this channel can see a grant at all.
      for (const [index, bytes] of [head(`Origin: ${PAGE}`), ...attempts].entries()) {
        const answer = await rawExchange(port, Buffer.from(bytes, 'latin1'), 5000);
        const what = JSON.stringify(bytes.slice(0, 90));
        assert.ok(answer.status >= 200 && answer.status < 500, `${what}: ${answer.ending}`);
        const granted = answer.headerLines
          .filter((line) => /^access-control-allow-origin:/i.test(line))
          .map((line) => line.slice(line.indexOf(':') + 1).trim());
        assert.deepEqual(granted, index === 0 ? [PAGE] : [], what);
      }
      const health = await send(port, 'GET', '/health');
      assert.equal(health.status, 200);
    });
  });

  describe('its API with other configurations', () => {
    it('allows a list with a pattern, and only what it names', async () => {
      const { api, port } = await startApi(starter, {
        CORS_ALLOWED_ORIGINS: 'https://app.example.com, https://*.example.org',
      });
      const granted = async (/** @type {string} */ origin) =>
        (await send(port, 'GET', '/health', { Origin: origin })).headers[
          'access-control-allow-origin'
        ];
      assert.equal(await granted('https://app.example.com'), 'https://app.example.com');
      assert.equal(await granted('https://eu.example.org'), 'https://eu.example.org');
      for (const origin of [
        PAGE,
        'http://eu.example.org',
        'https://example.org',
        'https://evil-example.org',
        'https://eu.example.org.evil.example',
        'https://app.example.com:8443',
      ]) {
        assert.equal(await granted(origin), undefined, origin);
      }
      await api.stop();
      assert.equal(api.child.exitCode, 0);
    });

    it('sends * without credentials when credentials are off', async () => {
      const { api, port } = await startApi(starter, {
        CORS_ALLOWED_ORIGINS: '*',
        CORS_CREDENTIALS: 'false',
      });
      const res = await send(port, 'GET', '/health', { Origin: 'https://anyone.example' });
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['access-control-allow-credentials'], undefined);
      await api.stop();
      assert.equal(api.child.exitCode, 0);
    });

    it('refuses to start on an unsafe or malformed configuration, saying which and why', async () => {
      /** @type {[Record<string, string>, RegExp][]} */
      const refused = [
        [{ CORS_ALLOWED_ORIGINS: '*' }, /Invalid CORS configuration \(CORS_ALLOWED_ORIGINS="\*"/],
        [{ CORS_ALLOWED_ORIGINS: 'reflect-any' }, /CORS_ALLOWED_ORIGINS="reflect-any"/],
        [{ CORS_ALLOWED_ORIGINS: `${PAGE}/` }, /localhost:3000\//],
        [{ WEB_ORIGIN: 'localhost:3000' }, /WEB_ORIGIN="localhost:3000"/],
        [{ CORS_CREDENTIALS: 'yes' }, /CORS_CREDENTIALS="yes" is not a boolean/],
        [{ CORS_MAX_AGE: '-1' }, /CORS_MAX_AGE="-1"/],
      ];
      for (const [env, message] of refused) {
        const result = spawnSync(process.execPath, ['apps/api/dist/index.js'], {
          cwd: starter,
          env: { PATH: process.env.PATH, PORT: '0', ...env },
          encoding: 'utf8',
          timeout: 15_000,
        });
        assert.equal(result.status, 1, JSON.stringify(env));
        assert.match(result.stderr, message);
        assert.doesNotMatch(result.stdout, /listening/);
      }
    });
  });
});

describe('pnpm template:new --name', () => {
  it('renames the scope and the project, and the lockfile links the renamed packages', () => {
    const named = join(tmp, 'named');
    const result = cli([named, '--name', 'acme-notes']);
    assert.equal(result.status, 0, result.stderr);
    const texts = starterTexts(named);
    assert.deepEqual(
      texts.filter(([, text]) => text.includes('cors-lab')).map(([path]) => path),
      [],
    );
    const api = JSON.parse(readFileSync(join(named, 'apps/api/package.json'), 'utf8'));
    assert.equal(api.name, '@acme-notes/api');
    assert.equal(api.dependencies['@acme-notes/cors-policy'], 'workspace:*');
    assert.equal(JSON.parse(readFileSync(join(named, 'package.json'), 'utf8')).name, 'acme-notes');
    assert.match(readFileSync(join(named, 'README.md'), 'utf8'), /^# acme-notes\n/);
    assert.match(
      readFileSync(join(named, 'docker-compose.yml'), 'utf8'),
      /image: 'acme-notes-api:local'/,
    );
    assert.match(
      readFileSync(join(named, 'pnpm-lock.yaml'), 'utf8'),
      /'@acme-notes\/cors-policy':\n\s+specifier: workspace:\*\n\s+version: link:\.\.\/\.\.\/packages\/cors-policy/,
    );
  });
});
