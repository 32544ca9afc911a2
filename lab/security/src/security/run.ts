// `pnpm test:security`: builds and starts the production API and web app on free ports, sends
// every CORS scanner class to every allow-list route, then bad input; exits 1 on any failure.
import { probeOnce, stopAll, stopAllOnSignals } from '@cors-lab/testkit';
import { originsFromEnv } from '@cors-lab/scenarios';
import { buildStack, planStack, startApi, startWeb } from '../stack/production-stack.js';
import { runBadInput } from './bad-input/run-cases.js';
import { runProbes } from './probe-run.js';
import { formatProbeReport } from './probe-report.js';
import { probeTargets } from './targets.js';

const args = new Set(process.argv.slice(2));
const KNOWN = new Set(['--skip-build', '--probes-only', '--bad-input-only']);
for (const arg of args) {
  if (!KNOWN.has(arg)) {
    console.error(
      `Unknown option ${JSON.stringify(arg)}: expected any of ${[...KNOWN].join(', ')}.`,
    );
    process.exit(2);
  }
}

/** Logs in to the main API without an Origin, so credentialed probes carry a real session. */
async function sessionCookie(api: string): Promise<string> {
  const answer = await probeOnce(`${api}/api/session?run=hardening-probes`, 5000, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'scanner' }),
  });
  const session = (answer.headers['set-cookie'] ?? [])[0]?.split(';')[0];
  if (answer.status !== 201 || session === undefined) {
    throw new Error(
      `POST /api/session answered ${answer.status} without a session cookie; expected 201 with Set-Cookie.`,
    );
  }
  return `${session}; lab_sid=hardening-probes; lab_secure_sid=hardening-probes`;
}

async function main(): Promise<number> {
  stopAllOnSignals();
  if (!args.has('--skip-build')) await buildStack();
  const layout = await planStack();
  console.log(
    `\nStarting the production stack: API :${layout.apiPort} (alt :${layout.apiAltPort}), web :${layout.webPort} (alt :${layout.webAltPort})`,
  );
  console.log(`CORS_ALLOWED_ORIGINS=${layout.env.CORS_ALLOWED_ORIGINS}`);
  const [api, web] = await Promise.all([startApi(layout), startWeb(layout)]);
  const servers = {
    api: `http://127.0.0.1:${layout.apiPort}`,
    apiAlt: `http://127.0.0.1:${layout.apiAltPort}`,
    web: `http://127.0.0.1:${layout.webPort}`,
    origins: originsFromEnv(layout.env),
    mainAllowList: layout.allowList,
  };
  let failed = false;
  if (!args.has('--bad-input-only')) {
    const { targets, skipped } = probeTargets(servers);
    console.log(`\n== Scanner probes: ${targets.length} allow-list routes ==`);
    for (const route of skipped) console.log(`skipped ${route.label}: ${route.reason}`);
    const started = performance.now();
    const result = await runProbes(targets, { cookie: await sessionCookie(servers.api) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${result.requests} requests in ${seconds} s\n${formatProbeReport(result)}`);
    failed ||= result.findings.length > 0 || result.errors.length > 0;
  }
  if (!args.has('--probes-only')) {
    console.log('\n== Bad input ==');
    const outcome = await runBadInput({ api, web, servers, layout });
    failed ||= outcome.failed;
  }
  console.log(failed ? '\ntest:security FAILED' : '\ntest:security passed');
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await stopAll();
}
process.exit(code);
