// `pnpm dev` / `pnpm start`: the lab's nginx on NGINX_PORT (default: the port of NGINX_ORIGIN, else
// 8003) in front of API_ORIGIN.
import { originsFromEnv } from '@cors-lab/scenarios';
import { labHttpConfig } from './lab-config.js';
import { startNginx } from './nginx-process.js';

const origins = originsFromEnv(process.env);
const raw = process.env.NGINX_PORT || new URL(origins.nginx).port || '8003';
const port = Number(raw);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(
    `NGINX_PORT=${JSON.stringify(raw)} is not a port: give 1-65535, e.g. NGINX_PORT=8003`,
  );
  process.exit(1);
}
const nginx = await startNginx(
  labHttpConfig(port, origins.api, origins),
  `http://127.0.0.1:${port}/health`,
);
console.log(
  `nginx: http://localhost:${port} in front of ${origins.api} (config in ${nginx.prefix})`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void nginx.stop().finally(() => process.exit(0)));
}
