import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandOf, parseDockerfile, parseEnvPairs } from '../dockerfile.mjs';

const SAMPLE = `# syntax=docker/dockerfile:1
ARG NODE_IMAGE=node:20-slim

FROM \${NODE_IMAGE} AS base
ENV A=1 \\
    B="two words"
# a comment between instructions
RUN npm install -g \\
    # a comment inside a continued instruction
    pnpm@10.34.9

FROM base AS builder
COPY --from=base --chown=node:node /app/out/ ./
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "process.exit(0)"]
CMD ["node", "dist/index.js"]
`;

describe('parseDockerfile', () => {
  const file = parseDockerfile(SAMPLE, 'Sample');

  it('keeps ARGs declared before the first FROM as global build arguments', () => {
    assert.deepEqual(file.globalArgs, { NODE_IMAGE: 'node:20-slim' });
  });

  it('splits the file into named stages with the line of each FROM', () => {
    assert.deepEqual(
      file.stages.map((stage) => [stage.name, stage.from, stage.fromLine]),
      [
        ['base', '${NODE_IMAGE}', 4],
        ['builder', 'base', 12],
      ],
    );
  });

  it('joins backslash continuations and drops comment lines inside them, keeping the first line number', () => {
    const run = file.stages[0].instructions[1];
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.line, 8);
    assert.equal(run.args.replace(/\s+/g, ' '), 'npm install -g pnpm@10.34.9');
  });

  it('separates leading flags from the arguments', () => {
    const copy = file.stages[1].instructions[0];
    assert.deepEqual(copy.flags, { from: 'base', chown: 'node:node' });
    assert.equal(copy.args, '/app/out/ ./');
    const healthcheck = file.stages[1].instructions[1];
    assert.deepEqual(healthcheck.flags, { interval: '10s', timeout: '3s' });
    assert.match(healthcheck.args, /^CMD \[/);
  });

  it('refuses an instruction other than ARG before the first FROM', () => {
    assert.throws(
      () => parseDockerfile('RUN echo hi\nFROM node:20'),
      /only ARG may come before the first FROM, found RUN/,
    );
  });

  it('refuses a file without FROM', () => {
    assert.throws(() => parseDockerfile('ARG X=1\n'), /no FROM instruction/);
  });
});

describe('parseEnvPairs', () => {
  it('reads several KEY=value pairs, quoted values included', () => {
    assert.deepEqual(parseEnvPairs('A=1 B="two words" C=\'x y\''), [
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'x y'],
    ]);
  });

  it('refuses the legacy "ENV KEY value" form instead of misreading it', () => {
    assert.throws(() => parseEnvPairs('PORT 8000'), /not a list of KEY=value pairs/);
  });
});

describe('commandOf', () => {
  it('turns exec form into an argv and leaves shell form as a string', () => {
    assert.deepEqual(commandOf('["node", "server.js"]'), { argv: ['node', 'server.js'] });
    assert.deepEqual(commandOf('node server.js'), { shell: 'node server.js' });
  });

  it('refuses exec form that is not an array of strings', () => {
    assert.throws(() => commandOf('["node", 1]'), /not a JSON array of strings/);
  });
});
