// `pnpm dev` / `pnpm start`: the lab's Flask API on FLASK_PORT (default: the port of FLASK_ORIGIN,
// else 8002) until Ctrl-C. The page origins come from the environment as everywhere in the lab.
import { originsFromEnv } from '@cors-lab/scenarios';
import { startFlask } from './flask-process.js';

const origins = originsFromEnv(process.env);
const flask = await startFlask('flask_api', [], {
  FLASK_PORT: process.env.FLASK_PORT || new URL(origins.flask).port || '8002',
  WEB_ORIGIN: origins.web,
  WEB_ALT_PORT_ORIGIN: origins['web-alt-port'],
  WEB_ALT_HOST_ORIGIN: origins['web-alt-host'],
});
flask.process.child.stderr?.pipe(process.stderr);
console.log(`flask-api: ${flask.url} (allows WEB_ORIGIN=${origins.web})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void flask.stop().finally(() => process.exit(0)));
}
await flask.process.exited();
