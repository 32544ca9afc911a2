import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  definePolicy,
  toFlaskCors,
  toNginxConfig,
  type PolicyOptions,
} from '@cors-lab/cors-policy';
import { startFlask } from '@cors-lab/flask-api/flask-process';
import { freePorts } from '@cors-lab/testkit';
import { startNginx } from '@cors-lab/nginx/nginx-process';
import { startCarelessUpstream } from './node-servers.js';
import type { ServerUnderTest } from './server-under-test.js';

type Policies = Readonly<Record<string, PolicyOptions>>;

/** Each policy through `export`, or the refusal message when it cannot be written. */
function exported<T>(
  policies: Policies,
  write: (name: string, options: PolicyOptions, index: number) => T,
) {
  const written = new Map<string, T>();
  const cannot = new Map<string, string>();
  Object.entries(policies).forEach(([name, options], index) => {
    try {
      written.set(name, write(name, options, index));
    } catch (error) {
      cannot.set(name, (error as Error).message);
    }
  });
  return { written, cannot };
}

/** Real nginx running toNginxConfig() for each policy, in front of an app with careless CORS headers. */
export async function startExportedNginx(policies: Policies): Promise<ServerUnderTest> {
  const upstream = await startCarelessUpstream();
  const { written, cannot } = exported(policies, (_name, options, index) =>
    toNginxConfig(definePolicy(options), { prefix: `cors_${index}` }),
  );
  const [port] = await freePorts(1);
  const locations = [...written].map(
    ([name, config]) =>
      `    location /${name}/ {\n${config.location}        proxy_pass ${upstream.url};\n    }`,
  );
  const http = [
    ...[...written.values()].map((config) => config.http),
    `server {\n    listen 127.0.0.1:${port};\n    location = /ready { return 200; }\n${locations.join('\n')}\n}`,
  ].join('\n');
  const url = `http://127.0.0.1:${port}`;
  const nginx = await startNginx(http, `${url}/ready`).catch(async (error: unknown) => {
    await upstream.stop();
    throw error;
  });
  return {
    name: 'nginx toNginxConfig',
    url,
    cannot,
    stop: async () => {
      await nginx.stop();
      await upstream.stop();
    },
  };
}

/** Real Flask running each toFlaskCors() call on a Blueprint of its own. */
export async function startExportedFlask(policies: Policies): Promise<ServerUnderTest> {
  const { written, cannot } = exported(policies, (_name, options) =>
    toFlaskCors(definePolicy(options)),
  );
  const folder = mkdtempSync(join(tmpdir(), 'cors-lab-flask-'));
  const calls = join(folder, 'calls.json');
  writeFileSync(calls, JSON.stringify(Object.fromEntries(written)));
  const flask = await startFlask('flask_api.exported', [calls, '0']);
  return {
    name: 'flask toFlaskCors',
    url: flask.url,
    cannot,
    varyOnlyWhenAllowed: true,
    stop: async () => {
      await flask.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
