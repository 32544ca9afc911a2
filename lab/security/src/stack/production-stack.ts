import { freePorts, ProcessGroup } from '@cors-lab/testkit';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The allow-list the runs configure: the web origin, one exact https origin and one pattern. */
export const EXTRA_ALLOWED = ['https://app.example.com', 'https://*.example.org'] as const;

/** Where everything listens for one run, and the environment both servers read. */
export interface StackLayout {
  apiPort: number;
  apiAltPort: number;
  webPort: number;
  webAltPort: number;
  env: Record<string, string>;
  /** CORS_ALLOWED_ORIGINS of the main API. */
  allowList: string[];
}

/** Picks free ports and writes the lab's origin variables for them. */
export async function planStack(): Promise<StackLayout> {
  // The https listeners get free ports too, so the stack never takes the lab's defaults.
  const [apiPort, apiAltPort, webPort, webAltPort, closedPort, apiTlsPort, webTlsPort] =
    (await freePorts(7)) as [number, number, number, number, number, number, number];
  const webOrigin = `http://localhost:${webPort}`;
  const allowList = [webOrigin, ...EXTRA_ALLOWED];
  return {
    apiPort,
    apiAltPort,
    webPort,
    webAltPort,
    allowList,
    env: {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      WEB_ORIGIN: webOrigin,
      WEB_ALT_PORT_ORIGIN: `http://localhost:${webAltPort}`,
      WEB_ALT_HOST_ORIGIN: `http://127.0.0.1:${webPort}`,
      API_ORIGIN: `http://localhost:${apiPort}`,
      API_ALT_PORT_ORIGIN: `http://localhost:${apiAltPort}`,
      CLOSED_PORT_ORIGIN: `http://localhost:${closedPort}`,
      API_TLS_PORT: String(apiTlsPort),
      API_TLS_ORIGIN: `https://localhost:${apiTlsPort}`,
      API_TLS_ALT_HOST_ORIGIN: `https://127.0.0.1:${apiTlsPort}`,
      API_ALT_HOST_ORIGIN: `http://127.0.0.1:${apiPort}`,
      WEB_TLS_PORT: String(webTlsPort),
      WEB_TLS_ORIGIN: `https://localhost:${webTlsPort}`,
      WEB_PUBLIC_ORIGIN: `http://127.0.0.2:${webPort}`,
      CORS_ALLOWED_ORIGINS: allowList.join(','),
    },
  };
}

/** `turbo run build` for the given apps (and what they depend on); output streamed. */
export function buildStack(
  packages: readonly string[] = ['@cors-lab/lab-api', '@cors-lab/lab-web'],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const filters = packages.map((name) => `--filter=${name}`);
    const child = spawn('pnpm', ['exec', 'turbo', 'run', 'build', ...filters], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`turbo build exited with ${code}: fix the build errors above and rerun.`),
          ),
    );
  });
}

/** `node lab/api/dist/index.js` on the layout's two API ports; resolves once /health answers. */
export async function startApi(
  layout: StackLayout,
  options: { preload?: string } = {},
): Promise<ProcessGroup> {
  const entry = join(REPO_ROOT, 'lab', 'api', 'dist', 'index.js');
  if (!existsSync(entry)) {
    throw new Error(
      `No API build at ${entry}: run \`pnpm --filter @cors-lab/lab-api build\` first.`,
    );
  }
  const api = ProcessGroup.start(
    'api',
    process.execPath,
    [...(options.preload ? ['--expose-gc', '--import', options.preload] : []), entry],
    {
      cwd: REPO_ROOT,
      ipc: options.preload !== undefined,
      env: { ...layout.env, PORT: String(layout.apiPort), ALT_PORT: String(layout.apiAltPort) },
    },
  );
  await api.waitForHttp(`http://127.0.0.1:${layout.apiPort}/health`, 20_000);
  await api.waitForHttp(`http://127.0.0.1:${layout.apiAltPort}/health`, 5_000);
  return api;
}

/** `node lab/web/scripts/serve.mjs start` (two standalone Next servers), as `pnpm start` runs it. */
export async function startWeb(layout: StackLayout): Promise<ProcessGroup> {
  const web = ProcessGroup.start(
    'web',
    process.execPath,
    [join(REPO_ROOT, 'lab', 'web', 'scripts', 'serve.mjs'), 'start'],
    {
      cwd: join(REPO_ROOT, 'lab', 'web'),
      env: {
        ...layout.env,
        WEB_PORT: String(layout.webPort),
        WEB_ALT_PORT: String(layout.webAltPort),
      },
    },
  );
  await web.waitForHttp(`http://127.0.0.1:${layout.webPort}/`, 60_000);
  await web.waitForHttp(`http://127.0.0.1:${layout.webAltPort}/`, 10_000);
  return web;
}
