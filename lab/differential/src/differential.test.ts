import { Agent } from 'node:http';
import { probeOnce } from '@cors-lab/testkit';
import { flaskVersions } from '@cors-lab/flask-api/flask-process';
import { nginxVersion } from '@cors-lab/nginx/nginx-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from './policies.js';
import { conformanceRequests, type ConformanceRequest } from './requests.js';
import {
  startCorsPackage,
  startExpressMiddleware,
  startFetchAdapter,
} from './servers/node-servers.js';
import type { ServerUnderTest } from './servers/server-under-test.js';
import { startExportedFlask, startExportedNginx } from './servers/system-servers.js';
import { verdictOf } from './verdict.js';

/** Policies a server cannot run, and the words its refusal must contain. */
const CANNOT: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  'nginx toNginxConfig': {
    'reflect-any': /Cannot export this policy to nginx: origins 'reflect-any'/,
  },
  'flask toFlaskCors': {
    'reflect-any': /Cannot export this policy to flask_cors: origins 'reflect-any'/,
  },
};

const servers: ServerUnderTest[] = [];

beforeAll(async () => {
  // Started one after the other: a failure leaves the list holding what afterAll must stop.
  for (const start of [
    startExpressMiddleware,
    startCorsPackage,
    startFetchAdapter,
    startExportedNginx,
    startExportedFlask,
  ]) {
    servers.push(await start(POLICIES));
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function verdicts(server: ServerUnderTest, policy: string, requests: ConformanceRequest[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  try {
    return await Promise.all(
      requests.map(async (request) => {
        const headers: Record<string, string> = {};
        if (request.origin !== undefined) headers.origin = request.origin;
        if (request.accessControlRequestMethod !== undefined) {
          headers['access-control-request-method'] = request.accessControlRequestMethod;
        }
        if (request.accessControlRequestHeaders !== undefined) {
          headers['access-control-request-headers'] = request.accessControlRequestHeaders;
        }
        const answer = await probeOnce(`${server.url}/${policy}/data`, 10_000, {
          method: request.method,
          headers,
          agent,
        });
        return verdictOf(request, answer);
      }),
    );
  } finally {
    agent.destroy();
  }
}

describe('one policy, every server: the same decisions', () => {
  it('versions of the real servers', () => {
    console.log(
      `nginx ${nginxVersion()}; python3-flask ${flaskVersions().flask}; python3-flask-cors ${flaskVersions().flaskCors}`,
    );
    expect(nginxVersion()).toMatch(/^1\./);
  });

  it('each server refuses exactly the policies it cannot express, saying why', () => {
    for (const server of servers) {
      const expected = CANNOT[server.name] ?? {};
      expect([...server.cannot.keys()].sort(), server.name).toEqual(Object.keys(expected).sort());
      for (const [policy, words] of Object.entries(expected)) {
        expect(server.cannot.get(policy)).toMatch(words);
      }
    }
  });

  for (const policy of Object.keys(POLICIES)) {
    it(`${policy}: every server reaches the Express middleware's decision on every request`, async () => {
      const requests = conformanceRequests(POLICIES[policy]!);
      const [reference, ...others] = servers;
      const expected = await verdicts(reference!, policy, requests);
      // The set must exercise both sides, or agreeing would prove nothing.
      expect(expected).toContain('blocked');
      expect(expected.some((verdict) => verdict.startsWith('allowed'))).toBe(true);
      const summary: string[] = [];
      for (const server of others) {
        if (server.cannot.has(policy)) continue;
        const got = await verdicts(server, policy, requests);
        const disagreements = requests
          .map((request, i) => ({ request, expected: expected[i], got: got[i] }))
          .filter(({ expected: want, got: have }) => want !== have);
        summary.push(
          `${server.name}: ${requests.length - disagreements.length}/${requests.length} agree`,
        );
        expect(
          disagreements.map(
            ({ request, expected: want, got: have }) =>
              `${request.label} ${request.method} ${JSON.stringify(request.origin)}: ${have} (expected ${want})`,
          ),
          server.name,
        ).toEqual([]);
      }
      console.log(`${policy} (${requests.length} requests): ${summary.join('; ')}`);
    });
  }
});
