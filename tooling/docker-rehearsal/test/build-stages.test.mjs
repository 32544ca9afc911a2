import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildStages, inStage } from '../build-stages.mjs';
import { parseDockerfile } from '../dockerfile.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'docker-rehearsal-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let count = 0;
/** A build context with the given files, and a fresh work folder for the emulated stages. */
function setUp(files) {
  count += 1;
  const contextDir = join(scratch, `context-${count}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(contextDir, path, '..'), { recursive: true });
    writeFileSync(join(contextDir, path), content);
  }
  return {
    contextDir,
    workDir: join(scratch, `work-${count}`),
    logFile: join(scratch, `log-${count}.txt`),
  };
}

function build(dockerfileText, files, buildArgs = {}) {
  const { contextDir, workDir, logFile } = setUp(files);
  return buildStages(parseDockerfile(dockerfileText, 'Dockerfile'), {
    contextDir,
    workDir,
    buildArgs,
    log: () => {},
    logFile,
  });
}

describe('buildStages', () => {
  it('copies from the context and earlier stages, runs RUN in WORKDIR and keeps the final stage settings', async () => {
    const runtime = await build(
      [
        'FROM node:20-slim AS builder',
        'ARG GREETING=hello',
        'WORKDIR /app',
        'COPY src/ ./src/',
        'RUN cat src/name.txt > built.txt && echo "$GREETING" >> built.txt',
        'FROM node:20-slim AS runtime',
        'ENV PORT=8000',
        'WORKDIR /srv',
        'COPY --from=builder /app/built.txt ./',
        'USER node',
        'CMD ["node", "index.js"]',
      ].join('\n'),
      { 'src/name.txt': 'cors-lab\n' },
      { GREETING: 'from a build arg' },
    );
    assert.equal(
      readFileSync(inStage(runtime, '/srv/built.txt'), 'utf8'),
      'cors-lab\nfrom a build arg\n',
    );
    assert.deepEqual(
      {
        name: runtime.name,
        env: runtime.env,
        workdir: runtime.workdir,
        user: runtime.user,
        cmd: runtime.cmd,
      },
      {
        name: 'runtime',
        env: { PORT: '8000' },
        workdir: '/srv',
        user: 'node',
        cmd: { argv: ['node', 'index.js'] },
      },
    );
  });

  it('fails like docker build on a COPY source missing from an earlier stage, naming the line', async () => {
    await assert.rejects(
      build(
        [
          'FROM node:20-slim AS a',
          'WORKDIR /app',
          'FROM node:20-slim AS b',
          'COPY --from=a /app/out/json/ ./',
        ].join('\n'),
        {},
      ),
      /Dockerfile:4: COPY source "\/app\/out\/json\/" does not exist in stage "a"/,
    );
  });

  it('treats a path excluded by .dockerignore as missing from the context', async () => {
    await assert.rejects(
      build(['FROM node:20-slim', 'COPY secrets.env ./'].join('\n'), {
        '.dockerignore': '*.env\n',
        'secrets.env': 'TOKEN=x\n',
      }),
      /COPY source "secrets.env" \(excluded by .dockerignore\) does not exist in the build context/,
    );
  });

  it('leaves ignored folders out of COPY . .', async () => {
    const stage = await build(['FROM node:20-slim', 'WORKDIR /app', 'COPY . .'].join('\n'), {
      '.dockerignore': '**/node_modules\n',
      'package.json': '{}',
      'apps/web/node_modules/x/index.js': '',
    });
    assert.equal(readFileSync(inStage(stage, '/app/package.json'), 'utf8'), '{}');
    assert.throws(() => readFileSync(inStage(stage, '/app/apps/web/node_modules/x/index.js')), {
      code: 'ENOENT',
    });
  });

  it('reports a failing RUN with its line and exit code', async () => {
    await assert.rejects(
      build(['FROM node:20-slim', 'RUN exit 3'].join('\n'), {}),
      /Dockerfile:2: RUN exit 3 failed \(exit 3\)/,
    );
  });

  it('refuses a RUN with an absolute path, which would escape the temporary stage folder', async () => {
    await assert.rejects(
      build(['FROM node:20-slim', 'RUN rm -rf /app/cache'].join('\n'), {}),
      /absolute path \/app\/cache/,
    );
  });

  it('refuses an instruction it does not emulate instead of skipping it', async () => {
    await assert.rejects(
      build(['FROM node:20-slim', 'ENTRYPOINT ["node"]'].join('\n'), {}),
      /does not emulate ENTRYPOINT/,
    );
  });
});
