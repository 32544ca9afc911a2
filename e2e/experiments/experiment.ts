// What an experiment is: the hops a server answers, and the fetch() calls a page makes.

/** Which listener answers a hop: the page's own origin, the API, or another API origin. */
export type Place = 'page' | 'api' | 'other';

/**
 * A status and headers. Values may hold `{origin}` (the Origin received; the header is left out
 * when none came), `{acrm}`/`{acrh}` (the preflight's Access-Control-Request-*), `{page}` (the
 * page's origin), `{next}` (the next hop's URL), `{next-userinfo}` (it with user:secret@) and
 * `{next-path}` (its path only).
 */
export interface PlannedAnswer {
  status: number;
  headers?: Record<string, string | readonly string[]>;
}

export interface HopPlan {
  at: Place;
  /** The answer to a preflight at this hop; default: allow whatever is asked, no caching. */
  preflight?: PlannedAnswer;
  response: PlannedAnswer;
}

export type BodyPlan =
  | { kind: 'string' | 'url-search-params' | 'form-data' | 'array-buffer' | 'readable-stream' }
  | { kind: 'blob'; type?: string };

/** fetch()'s init, as JSON: headers as pairs so a name can be appended twice. */
export interface FetchPlan {
  method?: string;
  headers?: readonly (readonly [string, string])[];
  credentials?: RequestCredentials;
  mode?: RequestMode;
  redirect?: RequestRedirect;
  body?: BodyPlan;
  duplex?: 'half';
}

export interface Experiment {
  id: string;
  /** What the experiment is about, as the docs group it. */
  topic: string;
  hops: readonly HopPlan[];
  fetch: FetchPlan;
  /** Milliseconds to wait before each fetch after the first; default one fetch only. */
  repeatAfterMs?: readonly number[];
  /** Store a cookie for the host first (credentials on every hop). */
  setCookie?: boolean;
}

/** What the page saw of one fetch(). */
export type FetchSeen =
  | { ok: true; type: string; status: number; redirected: boolean; url: string }
  | { ok: false; name: string; message: string };

export interface PageRun {
  id: string;
  firstUrl: string;
  fetch: FetchPlan;
  repeatAfterMs: readonly number[];
  setCookieUrl?: string;
}

/** Runs in the page: every experiment at once, each one's fetches in order. Self-contained. */
export const runInPage = async (runs: readonly PageRun[]) => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const bodyOf = (body: BodyPlan | undefined): BodyInit | undefined => {
    if (!body) return undefined;
    switch (body.kind) {
      case 'string':
        return 'hello';
      case 'url-search-params':
        return new URLSearchParams('a=1');
      case 'form-data': {
        const form = new FormData();
        form.append('a', '1');
        return form;
      }
      case 'blob':
        return new Blob(['{"a":1}'], body.type === undefined ? {} : { type: body.type });
      case 'array-buffer':
        return encode('hello').buffer as ArrayBuffer;
      case 'readable-stream':
        return new ReadableStream({
          start(controller) {
            controller.enqueue(encode('hello'));
            controller.close();
          },
        });
    }
  };
  const once = async (url: string, plan: FetchPlan): Promise<FetchSeen> => {
    try {
      const headers = new Headers();
      for (const [name, value] of plan.headers ?? []) headers.append(name, value);
      const init: RequestInit & { duplex?: 'half' } = {
        headers,
        ...(plan.method && { method: plan.method }),
        ...(plan.credentials && { credentials: plan.credentials }),
        ...(plan.mode && { mode: plan.mode }),
        ...(plan.redirect && { redirect: plan.redirect }),
        ...(plan.duplex && { duplex: plan.duplex }),
      };
      const body = bodyOf(plan.body);
      if (body !== undefined) init.body = body;
      const response = await fetch(url, init);
      await response.text().catch(() => '');
      return {
        ok: true,
        type: response.type,
        status: response.status,
        redirected: response.redirected,
        url: response.url,
      };
    } catch (error) {
      return { ok: false, name: (error as Error).name, message: (error as Error).message };
    }
  };
  return Promise.all(
    runs.map(async (run) => {
      if (run.setCookieUrl) await fetch(run.setCookieUrl, { credentials: 'include' });
      const seen = [await once(run.firstUrl, run.fetch)];
      for (const delay of run.repeatAfterMs) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        seen.push(await once(run.firstUrl, run.fetch));
      }
      return { id: run.id, seen };
    }),
  );
};
