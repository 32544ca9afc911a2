// `pnpm test:load`: the production API on a free loopback port under autocannon (64 connections,
// 30 s by default), mixing allowed preflights, allowed GETs and refused GETs; exits 1 on any error,
// timeout, wrong header or unbounded request log.
import { probeOnce, stopAll, stopAllOnSignals } from '@cors-lab/testkit';
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';
import { formatTable } from '../report/table.js';
import { buildStack, planStack, startApi } from '../stack/production-stack.js';
import { MEMORY_REPORTER, megabytes, serverMemory } from '../stack/server-memory.js';
import { parseLoadOptions } from './options.js';
import { startSampler } from './sampler.js';
import {
  TRAFFIC_KINDS,
  lowerCaseNames,
  trafficProblem,
  trafficRequest,
  type TrafficKind,
} from './traffic.js';

/** The request log's bound, set explicitly so the check below does not depend on a default. */
const LOG_CAPACITY = 2000;

interface KindTally {
  responses: number;
  non2xx: number;
  wrongHeaders: number;
  firstProblem?: string;
}

async function logEntries(baseUrl: string, run: string, origin: string): Promise<number> {
  const answer = await probeOnce(`${baseUrl}/__log?run=${run}`, 30_000, { headers: { origin } });
  if (answer.status !== 200) {
    throw new Error(
      `GET /__log?run=${run} answered ${answer.status}: ${answer.body.slice(0, 200)}`,
    );
  }
  return (JSON.parse(answer.body) as { entries: unknown[] }).entries.length;
}

async function main(): Promise<number> {
  stopAllOnSignals();
  const options = parseLoadOptions(process.argv.slice(2));
  if (!options.skipBuild) await buildStack(['@cors-lab/lab-api']);
  const layout = await planStack();
  layout.env.REQUEST_LOG_SIZE = String(LOG_CAPACITY);
  const api = await startApi(layout, { preload: MEMORY_REPORTER });
  const baseUrl = `http://127.0.0.1:${layout.apiPort}`;
  const allowed = layout.env.WEB_ORIGIN ?? '';
  const run = `load-${Date.now()}`;

  const before = await serverMemory(api);
  console.log(
    `API pid ${api.pid} on ${baseUrl}; ${options.connections} connections for ${options.durationSeconds} s (at most ${options.maxRequests} requests); mix: ${TRAFFIC_KINDS.join(', ')}`,
  );

  const tallies = Object.fromEntries(
    TRAFFIC_KINDS.map((kind) => [kind, { responses: 0, non2xx: 0, wrongHeaders: 0 }]),
  ) as Record<TrafficKind, KindTally>;
  const requests = TRAFFIC_KINDS.map((kind) => ({
    ...trafficRequest(kind, allowed, run),
    onResponse: (
      status: number,
      _body: string,
      _context: object,
      headers?: IncomingHttpHeaders,
    ) => {
      const tally = tallies[kind];
      tally.responses += 1;
      if (status < 200 || status > 299) tally.non2xx += 1;
      const problem = trafficProblem(kind, allowed, status, lowerCaseNames(headers ?? {}));
      if (problem !== undefined) {
        tally.wrongHeaders += 1;
        tally.firstProblem ??= problem;
      }
    },
  }));

  const sampler = startSampler(baseUrl, allowed, `${run}-sample`);
  let served = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        requests,
        timeout: 10,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', () => {
      served += 1;
      if (served === options.maxRequests) instance.stop();
    });
  });
  const samples = await sampler.stop();
  const after = await serverMemory(api);
  const retained = await serverMemory(api, true);
  // The ring buffer is shared: the second client's requests take slots too.
  const logged =
    (await logEntries(baseUrl, run, allowed)) +
    (await logEntries(baseUrl, `${run}-sample`, allowed));

  const rows: (string | number)[][] = [
    ['kind', 'responses', 'non-2xx', 'wrong headers', 'first problem'],
  ];
  for (const kind of TRAFFIC_KINDS) {
    const tally = tallies[kind];
    rows.push([kind, tally.responses, tally.non2xx, tally.wrongHeaders, tally.firstProblem ?? '']);
  }
  console.log(`\n${formatTable(rows)}\n`);
  console.log(
    formatTable([
      ['figure', 'value'],
      ['requests served', result.requests.total],
      ['requests/s (mean)', Math.round(result.requests.average)],
      ['errors', result.errors],
      ['timeouts', result.timeouts],
      ['non-2xx (autocannon)', result.non2xx],
      ['latency p50', `${result.latency.p50} ms`],
      ['latency p99', `${result.latency.p99} ms`],
      ['sampled responses (second client)', samples.samples],
      ['sampled responses with wrong headers', samples.problems.length],
      ['RSS before / after', `${megabytes(before.rss)} / ${megabytes(after.rss)}`],
      ['heap used before / after', `${megabytes(before.heapUsed)} / ${megabytes(after.heapUsed)}`],
      [
        'heap total before / after',
        `${megabytes(before.heapTotal)} / ${megabytes(after.heapTotal)}`,
      ],
      [
        'after a full GC: RSS / heap used',
        `${megabytes(retained.rss)} / ${megabytes(retained.heapUsed)}`,
      ],
      ['request log entries (load + samples)', `${logged} (bound ${LOG_CAPACITY})`],
    ]),
  );
  for (const problem of samples.problems.slice(0, 10)) console.log(`sample: ${problem}`);

  const failures = [
    result.errors > 0 && `${result.errors} errors`,
    result.timeouts > 0 && `${result.timeouts} timeouts`,
    ...TRAFFIC_KINDS.map(
      (kind) =>
        tallies[kind].wrongHeaders > 0 &&
        `${tallies[kind].wrongHeaders} ${kind} responses with wrong status or headers`,
    ),
    samples.samples === 0 && 'the second client got no sample',
    samples.problems.length > 0 && `${samples.problems.length} sampled responses wrong`,
    logged > LOG_CAPACITY && `request log holds ${logged} entries, above its bound ${LOG_CAPACITY}`,
    result.requests.total > LOG_CAPACITY &&
      logged < LOG_CAPACITY &&
      `request log holds ${logged} entries after ${result.requests.total} requests: expected it full at ${LOG_CAPACITY}`,
    !api.alive && 'the API exited during the run',
  ].filter((failure): failure is string => typeof failure === 'string');
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(failures.length === 0 ? '\ntest:load passed' : '\ntest:load FAILED');
  return failures.length === 0 ? 0 : 1;
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
