// A small WebDriver BiDi client over one WebSocket: just the commands the harness sends. It
// subscribes to no event, so the engine spends nothing on reporting each request to it.
import WebSocket from 'ws';

/** An error answer to a command, e.g. `no such frame`, or the connection ending first. */
export class BidiError extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`WebDriver BiDi ${command} failed with "${code}": ${message}`);
    this.name = 'BidiError';
  }
}

/** What the remote end sends: a command's result or error (by id), or an event (ignored). */
export type BidiMessage =
  | { type: 'success'; id: number; result: unknown }
  | { type: 'error'; id: number | null; error: string; message: string }
  | { type: 'event'; method: string; params: unknown };

interface Pending {
  command: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** Parses one message; undefined for text that is not a BiDi message. */
export function parseBidiMessage(text: string): BidiMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!message || typeof message !== 'object') return undefined;
  const { type } = message as { type?: unknown };
  return type === 'success' || type === 'error' || type === 'event'
    ? (message as BidiMessage)
    : undefined;
}

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ended: string | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code) => this.end(`the connection closed (${code})`));
    socket.on('error', (error) => this.end(error.message));
  }

  /** Connects to `url` (the engine's `ws://host:port/session`); rejects after `timeoutMs`. */
  static open(url: string, timeoutMs: number): Promise<BidiConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 256 << 20 });
      socket.once('open', () => resolve(new BidiConnection(socket)));
      socket.once('error', (error) =>
        reject(new BidiError('connect', 'no connection', `${url}: ${error.message}`)),
      );
    });
  }

  send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.ended) return Promise.reject(new BidiError(command, 'closed', this.ended));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (result: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method: command, params }));
    });
  }

  close(): void {
    this.end('the harness closed the connection');
    this.socket.terminate();
  }

  private receive(text: string): void {
    const message = parseBidiMessage(text);
    if (!message || message.type === 'event' || message.id === null) return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'success') waiting.resolve(message.result);
    else waiting.reject(new BidiError(waiting.command, message.error, message.message));
  }

  private end(why: string): void {
    this.ended ??= why;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(new BidiError(waiting.command, 'closed', why));
    }
  }
}
