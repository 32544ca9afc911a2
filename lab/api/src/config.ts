import { readConfig as readTemplateConfig, readPolicy, type ApiConfig } from '@cors-lab/api/config';
import { ConfigError, readInteger, readPort, type Env } from '@cors-lab/api/env';
import type { Policy } from '@cors-lab/cors-policy';
import { originsFromEnv, type Origins } from '@cors-lab/scenarios';
import { DEFAULT_LOG_LIMITS } from './log/request-log.js';

/** The template's configuration plus what the lab adds around it. */
export interface LabApiConfig extends ApiConfig {
  /** ALT_PORT, default 8001: the same API under the alt policy (another origin). */
  altPort: number;
  /** API_TLS_PORT, default 8443: the main API again over https, with the lab's certificate. */
  tlsPort: number;
  origins: Origins;
  /** From ALT_CORS_ALLOWED_ORIGINS (default WEB_ALT_PORT_ORIGIN) and the same CORS_* settings. */
  altPolicy: Policy;
  /** REQUEST_LOG_SIZE, default 2000. */
  logCapacity: number;
  /** THIRD_PARTY_API_KEY, default `lab-demo-key`: the key the stand-in third-party API wants. */
  thirdPartyApiKey: string;
}

/** The stand-in third-party API's key when THIRD_PARTY_API_KEY is unset; a lab value, not a secret. */
export const DEFAULT_THIRD_PARTY_API_KEY = 'lab-demo-key';

/**
 * Reads the lab API's configuration: the template's (PORT, CORS_*) and the lab's own variables.
 * @throws ConfigError naming the variable and the fix.
 */
export function readConfig(env: Env): LabApiConfig {
  let origins: Origins;
  try {
    origins = originsFromEnv(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  return {
    ...readTemplateConfig(env),
    altPort: readPort(env, 'ALT_PORT', 8001),
    tlsPort: readPort(env, 'API_TLS_PORT', 8443),
    origins,
    altPolicy: readPolicy(env, 'ALT_CORS_ALLOWED_ORIGINS', origins['web-alt-port']),
    logCapacity: readInteger(env, 'REQUEST_LOG_SIZE', DEFAULT_LOG_LIMITS.capacity, 1, 1_000_000),
    thirdPartyApiKey: env.THIRD_PARTY_API_KEY?.trim() || DEFAULT_THIRD_PARTY_API_KEY,
  };
}
