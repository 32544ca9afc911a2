import { CorsPolicyError, definePolicy, type Policy } from '@cors-lab/cors-policy';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';
import { DEFAULT_LOG_LIMITS } from './log/request-log.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Everything the entry point needs, read and validated once from the environment. */
export interface ApiConfig {
  /** PORT, default 8000: the main API under the main policy, plus the lab. */
  port: number;
  /** ALT_PORT, default 8001: the same API under the alt policy (another origin). */
  altPort: number;
  origins: Origins;
  /** From CORS_ALLOWED_ORIGINS (default WEB_ORIGIN) and the other CORS_* variables. */
  policy: Policy;
  /** From ALT_CORS_ALLOWED_ORIGINS (default WEB_ALT_PORT_ORIGIN) and the same CORS_* settings. */
  altPolicy: Policy;
  /** REQUEST_LOG_SIZE, default 2000. */
  logCapacity: number;
}

/** A configuration a person must fix; the message says which variable, what is wrong, and how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the API's configuration.
 * @throws ConfigError naming the variable and, for CORS settings, the policy's own explanation.
 */
export function readConfig(env: Env): ApiConfig {
  let origins: Origins;
  try {
    origins = originsFromEnv(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    port: readPort(env, 'PORT', 8000),
    altPort: readPort(env, 'ALT_PORT', 8001),
    origins,
    policy: readPolicy(env, 'CORS_ALLOWED_ORIGINS', origins.web),
    altPolicy: readPolicy(env, 'ALT_CORS_ALLOWED_ORIGINS', origins['web-alt-port']),
    logCapacity: readInteger(env, 'REQUEST_LOG_SIZE', DEFAULT_LOG_LIMITS.capacity, 1, 1_000_000),
  };
}

function readPolicy(env: Env, originsVariable: string, defaultOrigins: string): Policy {
  const origins = readList(env, originsVariable) ?? [defaultOrigins];
  const options = {
    origins:
      origins.length === 1 && (origins[0] === '*' || origins[0] === 'reflect-any')
        ? (origins[0] as '*' | 'reflect-any')
        : origins,
    credentials: readBoolean(env, 'CORS_CREDENTIALS', true),
    allowNullOrigin: readBoolean(env, 'CORS_ALLOW_NULL_ORIGIN', false),
    methods: readList(env, 'CORS_METHODS'),
    allowedHeaders: readList(env, 'CORS_ALLOWED_HEADERS') ?? ['Content-Type', 'X-Request-Id'],
    exposedHeaders: readList(env, 'CORS_EXPOSED_HEADERS') ?? ['X-Request-Id'],
    maxAge: readInteger(env, 'CORS_MAX_AGE', 600, 0, 86_400),
  };
  try {
    return definePolicy(options);
  } catch (error) {
    if (!(error instanceof CorsPolicyError)) throw error;
    throw new ConfigError(
      `Invalid CORS configuration (${originsVariable}=${JSON.stringify(env[originsVariable] ?? defaultOrigins)}, CORS_CREDENTIALS=${JSON.stringify(env.CORS_CREDENTIALS ?? 'true')}): ${error.message}`,
    );
  }
}

/** A comma-separated list, trimmed; undefined when the variable is unset or blank. */
function readList(env: Env, name: string): string[] | undefined {
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

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not a boolean: use "true" or "false".`);
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
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

function readPort(env: Env, name: string, fallback: number): number {
  return readInteger(env, name, fallback, 0, 65_535);
}
