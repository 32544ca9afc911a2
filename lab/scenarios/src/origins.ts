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
};

export const DEFAULT_ORIGINS: Origins = originsFromEnv({});

/**
 * Reads every origin from the environment, falling back to the defaults.
 * @throws Error naming the variable when a value is not a bare origin such as `http://localhost:3000`.
 */
export function originsFromEnv(env: Readonly<Record<string, string | undefined>>): Origins {
  const entries = (Object.keys(ORIGIN_ENV) as OriginRole[]).map((role) => {
    const { name, default: fallback } = ORIGIN_ENV[role];
    const raw = env[name]?.trim() || fallback;
    return [role, parseOrigin(name, raw)] as const;
  });
  return Object.fromEntries(entries) as Record<OriginRole, string>;
}

function parseOrigin(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a URL. Expected an origin such as http://localhost:3000 (scheme, host, port; no path).`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== raw) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a bare origin. Expected scheme://host[:port] with no path, query or trailing slash, e.g. ${JSON.stringify(url.origin)}.`,
    );
  }
  return raw;
}

/** The origin a request to `target` goes to when the page runs on `page`. */
export function targetOrigin(origins: Origins, target: TargetRole, page: PageOriginRole): string {
  return target === 'same-page-origin' ? origins[page] : origins[target];
}
