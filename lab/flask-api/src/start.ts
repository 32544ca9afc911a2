// `pnpm dev` / `pnpm start`: the lab's Flask API on FLASK_PORT (default 8002) until Ctrl-C.
import { startFlask } from './flask-process.js';

const flask = await startFlask('flask_api', [], {
  FLASK_PORT: process.env.FLASK_PORT ?? '8002',
  WEB_ORIGIN: process.env.WEB_ORIGIN ?? 'http://localhost:3000',
});
flask.process.child.stderr?.pipe(process.stderr);
console.log(
  `flask-api: ${flask.url} (WEB_ORIGIN=${process.env.WEB_ORIGIN ?? 'http://localhost:3000'})`,
);
await flask.process.exited();
