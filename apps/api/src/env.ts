// Reading configuration from the environment: every value is checked once, at start-up, and a bad
// one stops the server with a message that names the variable, the value and the fix.
import { isSerializedOrigin } from '@cors-lab/cors-policy';

export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration a person must fix; the message says which variable, what is wrong, and how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A comma-separated list, trimmed; undefined when the variable is unset or blank. */
export function readList(env: Env, name: string): string[] | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const items = raw.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} has an empty entry: separate values with single commas, e.g. "a,b".`,
    );
  }
  return items;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a boolean: use "true" or "false".`);
}

export function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is invalid: expected a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}

/** A TCP port; 0 asks the system for a free one. */
export function readPort(env: Env, name: string, fallback: number): number {
  return readInteger(env, name, fallback, 0, 65_535);
}

/** An origin exactly as a browser sends it in `Origin` (`scheme://host[:port]`, no path). */
export function readOrigin(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  if (isSerializedOrigin(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name}=${JSON.stringify(raw)} is not a URL. Expected an origin such as http://localhost:3000 (scheme, host, port; no path).`,
    );
  }
  throw new ConfigError(
    `${name}=${JSON.stringify(raw)} is not a bare origin. Expected scheme://host[:port] with no path, query or trailing slash, e.g. ${JSON.stringify(url.origin)}.`,
  );
}
