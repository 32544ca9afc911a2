// Short constructors for the expectations the catalogue repeats, so each scenario reads as a table.
import type { Expectation, ServerExpectation } from '../types.js';

/** What reached the API: `preflights` OPTIONS and `actual` other requests on the scenario's path. */
export function reached(preflights: number, actual: number): ServerExpectation {
  return { preflights, actual };
}

export function allowed(
  server: ServerExpectation | undefined,
  more: Omit<Expectation, 'outcome' | 'server'> = {},
): Expectation {
  return server
    ? { outcome: 'allowed', status: 200, ...more, server }
    : { outcome: 'allowed', status: 200, ...more };
}

export function blocked(server?: ServerExpectation): Expectation {
  return server ? { outcome: 'blocked', server } : { outcome: 'blocked' };
}

export function opaque(server: ServerExpectation): Expectation {
  return { outcome: 'opaque', server };
}

export function refused(server: ServerExpectation): Expectation {
  return { outcome: 'refused', server };
}

/** A simple request the server ran although the page may not read the answer. */
export const SIMPLE_RAN = reached(0, 1);
/** A preflight was answered and the actual request followed. */
export const PREFLIGHT_THEN_ACTUAL = reached(1, 1);
/** The preflight failed, so the actual request never left the browser. */
export const PREFLIGHT_ONLY = reached(1, 0);
/** Nothing reached the server. */
export const NOTHING = reached(0, 0);

export const ALL_PAGES = ['web', 'web-alt-port', 'web-alt-host'] as const;
export const WEB_PAGE = ['web'] as const;
