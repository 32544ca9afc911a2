// A small W3C WebDriver client over fetch(): just the commands the harness needs.

/** An error answer from the driver, e.g. `javascript error` or `timeout`. */
export class WebDriverError extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`WebDriver ${command} failed with "${code}": ${message}`);
    this.name = 'WebDriverError';
  }
}

export type Capabilities = Record<string, unknown> & {
  browserName?: string;
  browserVersion?: string;
};

// Above the session's own page-load and script timeouts, so the driver reports those first.
const HTTP_TIMEOUT_MS = 330_000;

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const command = `${method} ${new URL(url).pathname}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (error) {
    throw new WebDriverError(
      command,
      'no answer',
      error instanceof Error ? error.message : String(error),
    );
  }
  const text = await response.text();
  let payload: { value?: unknown };
  try {
    payload = JSON.parse(text) as { value?: unknown };
  } catch {
    throw new WebDriverError(command, `HTTP ${response.status}`, `not JSON: ${text.slice(0, 200)}`);
  }
  const value = payload.value as { error?: string; message?: string } | null | undefined;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(
      command,
      value?.error ?? `HTTP ${response.status}`,
      value?.message ?? text,
    );
  }
  return payload.value as T;
}

/** Resolves once `GET /status` says ready; rejects after `timeoutMs`. */
export async function waitForDriver(driverUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const status = await send<{ ready?: boolean; message?: string }>(
        'GET',
        `${driverUrl}/status`,
      );
      if (status.ready) return;
      last = status.message ?? 'not ready';
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`WebDriver at ${driverUrl} was not ready after ${timeoutMs} ms (last: ${last}).`);
}

export class WebDriverSession {
  private constructor(
    private readonly url: string,
    readonly id: string,
    readonly capabilities: Capabilities,
  ) {}

  static async create(driverUrl: string, alwaysMatch: Capabilities): Promise<WebDriverSession> {
    const created = await send<{ sessionId: string; capabilities: Capabilities }>(
      'POST',
      `${driverUrl}/session`,
      { capabilities: { alwaysMatch } },
    );
    return new WebDriverSession(
      `${driverUrl}/session/${created.sessionId}`,
      created.sessionId,
      created.capabilities,
    );
  }

  /** Navigates and waits for the load event (page load strategy `normal`). */
  async navigate(url: string): Promise<void> {
    await send('POST', `${this.url}/url`, { url });
  }

  currentUrl(): Promise<string> {
    return send('GET', `${this.url}/url`);
  }

  title(): Promise<string> {
    return send('GET', `${this.url}/title`);
  }

  source(): Promise<string> {
    return send('GET', `${this.url}/source`);
  }

  /** Runs a function body; `arguments` holds `args`. */
  executeSync<T>(script: string, args: unknown[] = []): Promise<T> {
    return send('POST', `${this.url}/execute/sync`, { script, args });
  }

  /** Runs a function body whose last argument is the callback that delivers the result. */
  executeAsync<T>(script: string, args: unknown[] = []): Promise<T> {
    return send('POST', `${this.url}/execute/async`, { script, args });
  }

  /** Ends the session; the driver closes the browser. */
  async delete(): Promise<void> {
    await send('DELETE', this.url);
  }
}
