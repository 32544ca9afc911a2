import { readOrigin } from '@cors-lab/api/env';
import type { OriginRole, PageOriginRole, TargetRole } from './types.js';

/** The origin behind every role. Plain data: the web app hands it to the page as it is. */
export type Origins = Readonly<Record<OriginRole, string>>;

/** The environment variable that configures each role, and its default. */
export const ORIGIN_ENV: Readonly<Record<OriginRole, { name: string; default: string }>> = {
  web: { name: 'WEB_ORIGIN', default: 'http://localhost:3000' },
  'web-alt-port': { name: 'WEB_ALT_PORT_ORIGIN', default: 'http://localhost:3001' },
  'web-alt-host': { name: 'WEB_ALT_HOST_ORIGIN', default: 'http://127.0.0.1:3000' },
  api: { name: 'API_ORIGIN', default: 'http://localhost:8000' },
  'api-alt-port': { name: 'API_ALT_PORT_ORIGIN', default: 'http://localhost:8001' },
  'closed-port': { name: 'CLOSED_PORT_ORIGIN', default: 'http://localhost:8009' },
  'web-tls': { name: 'WEB_TLS_ORIGIN', default: 'https://localhost:3443' },
  'web-public': { name: 'WEB_PUBLIC_ORIGIN', default: 'http://127.0.0.2:3000' },
  'api-tls': { name: 'API_TLS_ORIGIN', default: 'https://localhost:8443' },
  'api-alt-host': { name: 'API_ALT_HOST_ORIGIN', default: 'http://127.0.0.1:8000' },
  'api-tls-alt-host': { name: 'API_TLS_ALT_HOST_ORIGIN', default: 'https://127.0.0.1:8443' },
  flask: { name: 'FLASK_ORIGIN', default: 'http://localhost:8002' },
  nginx: { name: 'NGINX_ORIGIN', default: 'http://localhost:8003' },
  vite: { name: 'VITE_ORIGIN', default: 'http://localhost:5173' },
};

export const DEFAULT_ORIGINS: Origins = originsFromEnv({});

/**
 * Reads every origin from the environment, falling back to the defaults.
 * @throws Error naming the variable when a value is not a bare origin such as `http://localhost:3000`.
 */
export function originsFromEnv(env: Readonly<Record<string, string | undefined>>): Origins {
  const entries = (Object.keys(ORIGIN_ENV) as OriginRole[]).map((role) => {
    const { name, default: fallback } = ORIGIN_ENV[role];
    return [role, readOrigin(env, name, fallback)] as const;
  });
  return Object.fromEntries(entries) as Record<OriginRole, string>;
}

/** The origin a request to `target` goes to when the page runs on `page`. */
export function targetOrigin(origins: Origins, target: TargetRole, page: PageOriginRole): string {
  return target === 'same-page-origin' ? origins[page] : origins[target];
}
