import type { OriginPattern } from '../types.js';

/** One DNS label as isSerializedOrigin() accepts it: what a `*.` pattern's wildcard stands for. */
const LABEL = '[a-z0-9_-]{1,63}';

/** Escapes every character a regular expression gives a meaning to. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** The body (no anchors) of a regex matching exactly one serialized origin. */
export function exactOriginRegex(origin: string): string {
  return escapeRegex(origin);
}

/**
 * The body (no anchors) of a regex matching what a `scheme://*.domain[:port]` pattern allows: one
 * or more lowercase labels, then the domain and port exactly.
 */
export function patternRegex(pattern: OriginPattern): string {
  return `${escapeRegex(pattern.head)}(?:${LABEL}\\.)+${escapeRegex(pattern.tail.slice(1))}`;
}
