// The lab's servers the doctor is checked against, on free ports: lab/api's production build (its
// two listeners), the lab's Flask app and nginx in front of the API, as the e2e run starts them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFlask } from '@cors-lab/flask-api/flask-process';
import { labHttpConfig } from '@cors-lab/nginx/lab-config';
import { startNginx } from '@cors-lab/nginx/nginx-process';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';
import { ProcessGroup, freePorts } from '@cors-lab/testkit';

const API = fileURLToPath(new URL('../../../api', import.meta.url));

export interface RunningLabApi {
  origins: Origins;
  stop: () => Promise<void>;
}

/** Starts lab/api's build, Flask and nginx with the default page origins, each on free ports. */
export async function startLabApi(): Promise<RunningLabApi> {
  if (!existsSync(`${API}/dist/index.js`)) {
    throw new Error(
      `${API}/dist/index.js is missing: build the lab API first (pnpm --filter @cors-lab/lab-api build).`,
    );
  }
  const [main, alt, closed, tls, flaskPort, nginxPort] = (await freePorts(6)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const env = {
    PORT: String(main),
    ALT_PORT: String(alt),
    API_TLS_PORT: String(tls),
    API_ORIGIN: `http://localhost:${main}`,
    API_ALT_PORT_ORIGIN: `http://localhost:${alt}`,
    CLOSED_PORT_ORIGIN: `http://localhost:${closed}`,
    FLASK_ORIGIN: `http://localhost:${flaskPort}`,
    NGINX_ORIGIN: `http://localhost:${nginxPort}`,
    NODE_ENV: 'production',
  };
  const origins = originsFromEnv(env);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const each of stops.reverse()) await each();
  };
  try {
    const api = ProcessGroup.start('lab-api', process.execPath, ['dist/index.js'], {
      cwd: API,
      env,
    });
    stops.push(() => api.stop());
    await api.waitForHttp(`${env.API_ORIGIN}/health`, 20_000);
    await api.waitForHttp(`${env.API_ALT_PORT_ORIGIN}/health`, 20_000);
    const flask = await startFlask('flask_api', [], {
      FLASK_PORT: String(flaskPort),
      WEB_ORIGIN: origins.web,
      WEB_ALT_PORT_ORIGIN: origins['web-alt-port'],
      WEB_ALT_HOST_ORIGIN: origins['web-alt-host'],
    });
    stops.push(() => flask.stop());
    const nginx = await startNginx(
      labHttpConfig(nginxPort, origins.api, origins),
      `http://127.0.0.1:${nginxPort}/health`,
    );
    stops.push(() => nginx.stop());
  } catch (error) {
    await stop();
    throw error;
  }
  return { origins, stop };
}
