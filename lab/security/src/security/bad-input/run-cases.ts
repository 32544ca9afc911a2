import { rawExchange, type ProcessGroup } from '@cors-lab/testkit';
import { formatTable } from '../../report/table.js';
import type { StackLayout } from '../../stack/production-stack.js';
import type { TargetServers } from '../targets.js';
import { stillAnswers, type BadInputTarget } from './bad-input-target.js';
import { BAD_INPUT_CASES } from './cases.js';
import { problemsWith } from './check-answer.js';
import { logMismatch } from './logged-answer.js';
import { requestBytes } from './request-bytes.js';
import { slowClients } from './slow-client.js';

const SLOW_CONNECTIONS = 50;
const SLOW_DURATION_MS = 10_000;

export interface BadInputContext {
  api: ProcessGroup;
  web: ProcessGroup;
  servers: TargetServers;
  layout: StackLayout;
}

function badInputTargets({ api, web, servers, layout }: BadInputContext): BadInputTarget[] {
  const webAllowed = servers.origins['web-alt-port'];
  return [
    {
      label: 'api /api/notes',
      process: api,
      port: layout.apiPort,
      path: '/api/notes',
      allowed: 'https://app.example.com',
      healthPath: '/health',
    },
    {
      label: 'web /api/lab/echo',
      process: web,
      port: layout.webPort,
      path: '/api/lab/echo',
      allowed: webAllowed,
      healthPath: '/api/lab/echo',
    },
    {
      label: 'web /edge/echo',
      process: web,
      port: layout.webPort,
      path: '/edge/echo',
      allowed: webAllowed,
      healthPath: '/edge/echo',
    },
  ];
}

/** Sends every bad-input case to every target, then slow clients; prints one line per case. */
export async function runBadInput(context: BadInputContext): Promise<{ failed: boolean }> {
  const rows: (string | number)[][] = [['target', 'group', 'case', 'answer', 'result']];
  const failures: string[] = [];
  let cases = 0;
  for (const target of badInputTargets(context)) {
    for (const badCase of BAD_INPUT_CASES) {
      if (badCase.webOnly && target.process !== context.web) continue;
      cases += 1;
      const run = `hardening-bad-input-${cases}`;
      const bytes = requestBytes(
        badCase.method,
        `${target.path}?run=${run}${badCase.query ?? ''}`,
        `localhost:${target.port}`,
        badCase.headers(target.allowed),
      );
      const answer = await rawExchange(target.port, bytes);
      const problems = problemsWith(answer, badCase, target.allowed);
      const down = await stillAnswers(target);
      if (down !== undefined) problems.push(`server no longer answers: ${down}`);
      else {
        const baseUrl = `http://127.0.0.1:${target.port}`;
        const lie = await logMismatch(baseUrl, run, context.servers.origins.web, answer);
        if (lie !== undefined) problems.push(lie);
      }
      const summary = answer.status === 0 ? answer.ending : String(answer.status);
      rows.push([
        target.label,
        badCase.group,
        badCase.name,
        summary,
        problems.length ? 'FAIL' : 'ok',
      ]);
      if (problems.length > 0) {
        failures.push(`${target.label} — ${badCase.name}: ${problems.join('; ')}`);
      }
      if (!target.process.alive) break;
    }
  }
  console.log(formatTable(rows));

  for (const target of badInputTargets(context).slice(0, 2)) {
    const slow = await slowClients(target, SLOW_CONNECTIONS, SLOW_DURATION_MS);
    const down = await stillAnswers(target);
    const ok = slow.healthFailures.length === 0 && down === undefined;
    cases += 1;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} slow client on ${target.label}: ${slow.connections} connections trickling a header every 500 ms for ${SLOW_DURATION_MS / 1000} s; ` +
        `${slow.healthChecks} health checks meanwhile, slowest ${slow.slowestHealthMs.toFixed(0)} ms; ` +
        `${slow.closedByServer} slow connections closed by the server`,
    );
    if (!ok) {
      failures.push(
        `slow client on ${target.label}: ${[...slow.healthFailures, down].filter(Boolean).join('; ')}`,
      );
    }
  }
  console.log(`\n${cases} bad-input cases, ${failures.length} failed`);
  for (const failure of failures) console.log(`FAIL ${failure}`);
  return { failed: failures.length > 0 };
}
