// This app's request log, served at /__log (see next.config.ts) like the API's: `{ run, entries }`.
import { definePolicy, withCors } from '@cors-lab/cors-policy';
import { originsFromEnv } from '@cors-lab/scenarios';
import { entriesForRun } from '../../../lib/server/request-log-store';

const origins = originsFromEnv(process.env);
const pages = definePolicy({
  origins: [origins.web, origins['web-alt-port'], origins['web-alt-host']],
  methods: ['GET'],
});

export const GET = withCors(pages, (request: Request) => {
  const run = new URL(request.url).searchParams.get('run');
  if (!run) {
    return Response.json(
      { error: 'Query parameter "run" is missing: expected one run id, e.g. /__log?run=abc123.' },
      { status: 400 },
    );
  }
  return Response.json(
    { run, entries: entriesForRun(run) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
