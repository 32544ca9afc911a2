// This app's request log, served at /__log (see next.config.ts) like the API's: `?run=ID` or
// `?runPrefix=P`, answered `{ run, entries }` or `{ runPrefix, entries }`.
import { definePolicy, withCors } from '@cors-lab/cors-policy';
import { originsFromEnv, parseLogSelection } from '@cors-lab/scenarios';
import { selectEntries } from '../../../lib/server/request-log-store';

const origins = originsFromEnv(process.env);
const pages = definePolicy({
  origins: [origins.web, origins['web-alt-port'], origins['web-alt-host']],
  methods: ['GET'],
});

export const GET = withCors(pages, (request: Request) => {
  const parsed = parseLogSelection(new URL(request.url).searchParams);
  if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400 });
  return Response.json(
    { ...parsed.selection, entries: selectEntries(parsed.selection) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
