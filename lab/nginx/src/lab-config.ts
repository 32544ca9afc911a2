import { definePolicy, toNginxConfig } from '@cors-lab/cors-policy';
import type { Origins } from '@cors-lab/scenarios';
import { renderTemplate } from './nginx-process.js';

/** The policy nginx applies on /policy/: the lab front end's, as the API applies it to its own routes. */
export function labPolicy(origins: Origins) {
  return definePolicy({
    origins: [origins.web],
    credentials: true,
    allowedHeaders: ['Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
}

/**
 * The inside of the lab's `http { }` block (templates/lab.conf): nginx on `port` in front of
 * `upstream` (scheme://host:port, no path).
 */
export function labHttpConfig(port: number, upstream: string, origins: Origins): string {
  const { http, location } = toNginxConfig(labPolicy(origins));
  return renderTemplate('lab.conf', {
    PORT: String(port),
    UPSTREAM: upstream,
    WEB_ORIGIN: origins.web,
    WEB_ALT_PORT_ORIGIN: origins['web-alt-port'],
    WEB_ALT_HOST_ORIGIN: origins['web-alt-host'],
    POLICY_HTTP: http,
    POLICY_LOCATION: location.replace(/^(?=.)/gm, '        '),
    PREFIX: '{{PREFIX}}',
  });
}
