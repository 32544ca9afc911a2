/** One entry of an allow-list: an exact origin, or a subdomain pattern `scheme://*.domain[:port]`. */
export interface AllowedEntry {
  /** As configured, e.g. `https://app.example.com` or `https://*.example.org`. */
  source: string;
  scheme: 'http' | 'https';
  /** The exact host, or for a pattern its domain (`example.org`). */
  host: string;
  /** Empty when the origin has no explicit port. */
  port: string;
  pattern: boolean;
}

const ENTRY = /^(https?):\/\/(\*\.)?([a-z0-9_.\-[\]:]+?)(?::(\d+))?$/;

/**
 * Parses an allow-list entry.
 * @throws Error naming the entry when it is neither a serialized origin nor a `scheme://*.domain` pattern.
 */
export function parseAllowedEntry(source: string): AllowedEntry {
  const match = ENTRY.exec(source);
  if (match === null) {
    throw new Error(
      `Allow-list entry ${JSON.stringify(source)} is not an origin such as "https://app.example.com" or a pattern such as "https://*.example.org": fix the entry.`,
    );
  }
  return {
    source,
    scheme: match[1] as 'http' | 'https',
    pattern: match[2] !== undefined,
    host: match[3] ?? '',
    port: match[4] ?? '',
  };
}

export function originOf(scheme: string, host: string, port: string): string {
  return `${scheme}://${host}${port === '' ? '' : `:${port}`}`;
}

/**
 * Whether a browser could legitimately send `origin` and the entry allow it: the exact origin, or
 * one or more lowercase labels in front of a pattern's domain. Probes that pass this are not attacks.
 */
export function isLegitimatelyAllowed(entry: AllowedEntry, origin: string): boolean {
  if (!entry.pattern) return origin === entry.source;
  const head = `${entry.scheme}://`;
  const tail = `.${entry.host}${entry.port === '' ? '' : `:${entry.port}`}`;
  if (!origin.startsWith(head) || !origin.endsWith(tail)) return false;
  const labels = origin.slice(head.length, origin.length - tail.length).split('.');
  return labels.every((label) => /^[a-z0-9_-]{1,63}$/.test(label));
}
