import type { FetchHeadersLike, FetchResponseLike } from './adapters/fetch.js';

/**
 * The globals the package uses, declared here rather than taken from the DOM lib or @types/node,
 * so a copy compiles with `types: []`. Node.js 20+, Bun, Deno, Workers and Next.js all have them.
 */
interface Runtime {
  URL: new (url: string) => { readonly origin: string };
  console: { error(...data: unknown[]): void };
  Headers: new (init: Readonly<Record<string, string>>) => FetchHeadersLike;
  Response: {
    new (
      body: unknown,
      init: FetchResponseLike | { status: number; headers: FetchHeadersLike },
    ): FetchResponseLike;
    json(data: unknown, init: { status: number }): FetchResponseLike;
  };
}

export const runtime = globalThis as unknown as Runtime;
