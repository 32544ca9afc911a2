// Page functions for the harness's own protocol clients: the argument goes in and the result comes
// back as JSON text, so neither protocol's value serialization is needed.
import type { PageFunction } from '../engine.js';

/** The function the page runs: `fn` called with the parsed argument, its result as JSON text. */
export function callThroughJson(fn: PageFunction<unknown, unknown>): string {
  return `async (json) => {
  const value = await (${fn.toString()})(json === undefined ? undefined : JSON.parse(json));
  return value === undefined ? undefined : JSON.stringify(value);
}`;
}

/** A value the page returned, as the protocol describes it: `{type, value}`. */
export interface ReturnedValue {
  type: string;
  value?: unknown;
}

/** The page function's result from the JSON text it returned (undefined when it returned nothing). */
export function fromJsonText(returned: ReturnedValue): unknown {
  if (returned.type === 'undefined') return undefined;
  if (returned.type !== 'string' || typeof returned.value !== 'string') {
    throw new Error(`The page function returned a ${returned.type}, not JSON text.`);
  }
  return JSON.parse(returned.value);
}

/** What the page threw, as the harness's other engines say it. */
export function pageFunctionThrew(text: string): Error {
  return new Error(`The page function threw ${text}`);
}
