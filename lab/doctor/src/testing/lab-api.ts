// The lab API's production build (lab/api/dist) on free ports, for tests that need real servers.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';
import { ProcessGroup, freePorts } from '@cors-lab/testkit';

const API = fileURLToPath(new URL('../../../api', import.meta.url));

export interface RunningLabApi {
  origins: Origins;
  stop: () => Promise<void>;
}

/** Starts lab/api's build with the default page origins and its two listeners on free ports. */
export async function startLabApi(): Promise<RunningLabApi> {
  if (!existsSync(`${API}/dist/index.js`)) {
    throw new Error(
      `${API}/dist/index.js is missing: build the lab API first (pnpm --filter @cors-lab/lab-api build).`,
    );
  }
  const [main, alt, closed] = await freePorts(3);
  const env = {
    PORT: String(main),
    ALT_PORT: String(alt),
    API_ORIGIN: `http://localhost:${main}`,
    API_ALT_PORT_ORIGIN: `http://localhost:${alt}`,
    CLOSED_PORT_ORIGIN: `http://localhost:${closed}`,
    NODE_ENV: 'production',
  };
  const api = ProcessGroup.start('lab-api', process.execPath, ['dist/index.js'], { cwd: API, env });
  try {
    await api.waitForHttp(`${env.API_ORIGIN}/health`, 20_000);
    await api.waitForHttp(`${env.API_ALT_PORT_ORIGIN}/health`, 20_000);
  } catch (error) {
    await api.stop();
    throw error;
  }
  return { origins: originsFromEnv(env), stop: () => api.stop() };
}
