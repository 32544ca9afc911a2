import { CorsPolicyError, definePolicy, type Policy } from '@cors-lab/cors-policy';
import {
  ConfigError,
  readBoolean,
  readInteger,
  readList,
  readOrigin,
  readPort,
  type Env,
} from './env.js';

/** Everything the API needs, read and validated once from the environment. */
export interface ApiConfig {
  /** PORT, default 8000. */
  port: number;
  /** From CORS_ALLOWED_ORIGINS (default WEB_ORIGIN) and the other CORS_* variables. */
  policy: Policy;
}

/** The front end's origin (WEB_ORIGIN, default http://localhost:3000): the one origin allowed by default. */
export function readWebOrigin(env: Env): string {
  return readOrigin(env, 'WEB_ORIGIN', 'http://localhost:3000');
}

/**
 * Reads the API's configuration.
 * @throws ConfigError naming the variable and, for CORS settings, the policy's own explanation.
 */
export function readConfig(env: Env): ApiConfig {
  return {
    port: readPort(env, 'PORT', 8000),
    policy: readPolicy(env, 'CORS_ALLOWED_ORIGINS', readWebOrigin(env)),
  };
}

/**
 * The CORS policy from `originsVariable` (a comma-separated allow-list, `*` or `reflect-any`) and
 * the shared CORS_CREDENTIALS, CORS_ALLOW_NULL_ORIGIN, CORS_METHODS, CORS_ALLOWED_HEADERS,
 * CORS_EXPOSED_HEADERS and CORS_MAX_AGE. An unsafe combination is refused here, at start-up.
 */
export function readPolicy(env: Env, originsVariable: string, defaultOrigin: string): Policy {
  const origins = readList(env, originsVariable) ?? [defaultOrigin];
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
      `Invalid CORS configuration (${originsVariable}=${JSON.stringify(env[originsVariable] ?? defaultOrigin)}, CORS_CREDENTIALS=${JSON.stringify(env.CORS_CREDENTIALS ?? 'true')}): ${error.message}`,
    );
  }
}
