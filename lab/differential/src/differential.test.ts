import { Agent } from 'node:http';
import { probeOnce } from '@cors-lab/testkit';
import { flaskVersions } from '@cors-lab/flask-api/flask-process';
import { nginxVersion } from '@cors-lab/nginx/nginx-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from './policies.js';
import { conformanceRequests, type ConformanceRequest } from './requests.js';
import { startNextRoute } from './servers/next-route.js';
import { startCorsPackage, startExpressMiddleware } from './servers/node-servers.js';
import type { ServerUnderTest } from './servers/server-under-test.js';
import { startExportedFlask, startExportedNginx } from './servers/system-servers.js';
import { variesOnOrigin } from './vary.js';
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
const startup: string[] = [];

beforeAll(async () => {
  // Started one after the other: a failure leaves the list holding what afterAll must stop.
  for (const start of [
    startExpressMiddleware,
    startCorsPackage,
    startNextRoute,
    startExportedNginx,
    startExportedFlask,
  ]) {
    const started = performance.now();
    servers.push(await start(POLICIES));
    startup.push(`${servers.at(-1)!.name} ${Math.round(performance.now() - started)} ms`);
  }
  console.log(`started: ${startup.join('; ')}`);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function answers(server: ServerUnderTest, policy: string, requests: ConformanceRequest[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  try {
    return await Promise.all(
      requests.map((request) => {
        const headers: Record<string, string> = {};
        if (request.origin !== undefined) headers.origin = request.origin;
        if (request.accessControlRequestMethod !== undefined) {
          headers['access-control-request-method'] = request.accessControlRequestMethod;
        }
        if (request.accessControlRequestHeaders !== undefined) {
          headers['access-control-request-headers'] = request.accessControlRequestHeaders;
        }
        return probeOnce(`${server.url}/${policy}/data`, 10_000, {
          method: request.method,
          headers,
          agent,
        });
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
      const referenceAnswers = await answers(reference!, policy, requests);
      const expected = referenceAnswers.map((answer, i) => verdictOf(requests[i]!, answer));
      // The set must exercise both sides, or agreeing would prove nothing.
      expect(expected).toContain('blocked');
      expect(expected.some((verdict) => verdict.startsWith('allowed'))).toBe(true);
      const summary: string[] = [];
      for (const server of others) {
        if (server.cannot.has(policy)) continue;
        const started = performance.now();
        const got = await answers(server, policy, requests);
        const verdicts = got.map((answer, i) => verdictOf(requests[i]!, answer));
        const disagreements = requests
          .map((request, i) => ({ request, expected: expected[i], got: verdicts[i] }))
          .filter(({ expected: want, got: have }) => want !== have);
        // A shared cache must key on Origin wherever the reference says so, Next's own Vary or not.
        const varyChecked = requests.flatMap((request, i) =>
          variesOnOrigin(referenceAnswers[i]!) &&
          (!server.varyOnlyWhenAllowed || verdicts[i]!.startsWith('allowed'))
            ? [{ request, kept: variesOnOrigin(got[i]!) }]
            : [],
        );
        const varyLost = varyChecked.filter(({ kept }) => !kept).map(({ request }) => request);
        summary.push(
          `${server.name}: ${requests.length - disagreements.length}/${requests.length} agree, Vary: Origin on ${varyChecked.length - varyLost.length}/${varyChecked.length} (${Math.round(performance.now() - started)} ms)`,
        );
        expect(
          disagreements.map(
            ({ request, expected: want, got: have }) =>
              `${request.label} ${request.method} ${JSON.stringify(request.origin)}: ${have} (expected ${want})`,
          ),
          server.name,
        ).toEqual([]);
        expect(
          varyLost.map(
            (request) => `${request.label} ${request.method} ${JSON.stringify(request.origin)}`,
          ),
          `${server.name}: answers without Vary: Origin where the reference has it`,
        ).toEqual([]);
      }
      console.log(`${policy} (${requests.length} requests): ${summary.join('; ')}`);
    });
  }
});
