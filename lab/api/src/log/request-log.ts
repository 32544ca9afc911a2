import type { LogEntry } from '@cors-lab/scenarios';

export interface RequestLogLimits {
  /** Entries kept; the oldest is dropped first. */
  capacity: number;
  /** Longest header value kept, in characters. */
  maxValueLength: number;
  /** Characters of header names and values kept per side (request, response) of one entry. */
  maxHeaderChars: number;
}

/**
 * Default bound: 2,000 entries, each with at most 4 KiB of request and 4 KiB of response headers
 * (values cut at 1 KiB), so the whole log stays under about 20 MB however large the requests.
 */
export const DEFAULT_LOG_LIMITS: RequestLogLimits = {
  capacity: 2000,
  maxValueLength: 1024,
  maxHeaderChars: 4096,
};

export type RawHeaders = Readonly<Record<string, number | string | readonly string[] | undefined>>;

/** A fixed-size ring buffer of LogEntry, shared by both listeners. */
export class RequestLog {
  readonly limits: RequestLogLimits;
  private readonly entries: (LogEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(limits: Partial<RequestLogLimits> = {}) {
    this.limits = { ...DEFAULT_LOG_LIMITS, ...limits };
    if (!Number.isInteger(this.limits.capacity) || this.limits.capacity < 1) {
      throw new RangeError(
        `Request log capacity ${this.limits.capacity} is invalid: expected a positive integer such as 2000.`,
      );
    }
    this.entries = new Array<LogEntry | undefined>(this.limits.capacity);
  }

  record(
    entry: Omit<LogEntry, 'seq' | 'requestHeaders' | 'responseHeaders' | 'truncated'> & {
      requestHeaders: RawHeaders;
      responseHeaders: RawHeaders;
    },
  ): LogEntry {
    const request = this.cap(entry.requestHeaders);
    const response = this.cap(entry.responseHeaders);
    const stored: LogEntry = {
      ...entry,
      seq: ++this.seq,
      path: this.cut(entry.path).value,
      run: entry.run === null ? null : this.cut(entry.run).value,
      requestHeaders: request.headers,
      responseHeaders: response.headers,
      truncated: request.truncated || response.truncated,
    };
    this.entries[this.next] = stored;
    this.next = (this.next + 1) % this.limits.capacity;
    return stored;
  }

  /** Entries of one run, oldest first. */
  forRun(run: string): LogEntry[] {
    return this.all().filter((entry) => entry.run === run);
  }

  /** Drops the entries of one run; returns how many. */
  clearRun(run: string): number {
    let removed = 0;
    this.entries.forEach((entry, index) => {
      if (entry?.run === run) {
        this.entries[index] = undefined;
        removed += 1;
      }
    });
    return removed;
  }

  /** Every entry still held, oldest first. */
  all(): LogEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return ordered.filter((entry): entry is LogEntry => entry !== undefined);
  }

  get size(): number {
    return this.entries.reduce((count, entry) => count + (entry ? 1 : 0), 0);
  }

  private cut(value: string): { value: string; truncated: boolean } {
    const max = this.limits.maxValueLength;
    return value.length <= max
      ? { value, truncated: false }
      : {
          value: `${value.slice(0, max)}…[${value.length - max} more characters]`,
          truncated: true,
        };
  }

  private cap(raw: RawHeaders): { headers: Record<string, string | string[]>; truncated: boolean } {
    const headers: Record<string, string | string[]> = {};
    let budget = this.limits.maxHeaderChars;
    let truncated = false;
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      const values = (Array.isArray(value) ? value : [String(value)]) as readonly string[];
      const kept: string[] = [];
      for (const one of values) {
        const { value: cutValue, truncated: wasCut } = this.cut(one);
        const cost = name.length + cutValue.length;
        if (cost > budget) {
          truncated = true;
          break;
        }
        budget -= cost;
        truncated ||= wasCut;
        kept.push(cutValue);
      }
      if (kept.length === 0) continue;
      headers[name.toLowerCase()] = kept.length === 1 ? (kept[0] as string) : kept;
    }
    return { headers, truncated };
  }
}
