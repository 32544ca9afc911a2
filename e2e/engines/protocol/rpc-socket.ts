// Commands and their answers over one WebSocket, matched by id: what the harness's WebDriver BiDi
// and Chrome DevTools Protocol clients share. Events are ignored: the clients subscribe to none.
import WebSocket from 'ws';

/** An error answer to a command, e.g. `no such frame`, or the connection ending first. */
export class ProtocolError extends Error {
  constructor(
    readonly protocol: string,
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`${protocol} ${command} failed with "${code}": ${message}`);
    this.name = 'ProtocolError';
  }
}

/** One message read: the answer to command `id` (its result or its error), or anything else. */
export type Answer =
  | { id: number; result: unknown }
  | { id: number; error: { code: string; message: string } }
  | undefined;

/** How a protocol frames commands and answers. */
export interface Framing {
  /** Named in errors, e.g. `WebDriver BiDi`. */
  name: string;
  encode(id: number, command: string, params: Record<string, unknown>, session?: string): string;
  /** The answer in a parsed message; undefined for events and what is not the protocol's. */
  answer(message: unknown): Answer;
}

interface Pending {
  command: string;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

export class RpcSocket {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ended: string | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly framing: Framing,
  ) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code) => this.end(`the connection closed (${code})`));
    socket.on('error', (error) => this.end(error.message));
  }

  /** Connects to `url`; rejects after `timeoutMs`. */
  static open(url: string, framing: Framing, timeoutMs: number): Promise<RpcSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: 256 << 20 });
      socket.once('open', () => resolve(new RpcSocket(socket, framing)));
      socket.once('error', (error) =>
        reject(
          new ProtocolError(framing.name, 'connect', 'no connection', `${url}: ${error.message}`),
        ),
      );
    });
  }

  /** Sends `command` (to `session`, where the protocol has sessions) and resolves with its result. */
  send<T>(command: string, params: Record<string, unknown> = {}, session?: string): Promise<T> {
    if (this.ended) {
      return Promise.reject(new ProtocolError(this.framing.name, command, 'closed', this.ended));
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (result: unknown) => void, reject });
      this.socket.send(this.framing.encode(id, command, params, session));
    });
  }

  close(): void {
    this.end('the harness closed the connection');
    this.socket.terminate();
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    const answer = this.framing.answer(message);
    const waiting = answer && this.pending.get(answer.id);
    if (!answer || !waiting) return;
    this.pending.delete(answer.id);
    if ('result' in answer) waiting.resolve(answer.result);
    else {
      const { code, message: why } = answer.error;
      waiting.reject(new ProtocolError(this.framing.name, waiting.command, code, why));
    }
  }

  private end(why: string): void {
    this.ended ??= why;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(new ProtocolError(this.framing.name, waiting.command, 'closed', why));
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** WebDriver BiDi: `{id, method, params}`; answers `{type: "success"|"error", id, ...}`. */
export const BIDI: Framing = {
  name: 'WebDriver BiDi',
  encode: (id, command, params) => JSON.stringify({ id, method: command, params }),
  answer(message) {
    if (!isObject(message) || typeof message.id !== 'number') return undefined;
    if (message.type === 'success') return { id: message.id, result: message.result };
    if (message.type === 'error') {
      return {
        id: message.id,
        error: { code: String(message.error), message: String(message.message) },
      };
    }
    return undefined;
  },
};

/** Chrome DevTools Protocol, flat sessions: `{id, method, params, sessionId?}`; answers `{id, result|error}`. */
export const CDP: Framing = {
  name: 'CDP',
  encode: (id, command, params, session) =>
    JSON.stringify({ id, method: command, params, ...(session ? { sessionId: session } : {}) }),
  answer(message) {
    if (!isObject(message) || typeof message.id !== 'number') return undefined;
    if (isObject(message.error)) {
      return {
        id: message.id,
        error: { code: String(message.error.code), message: String(message.error.message) },
      };
    }
    return { id: message.id, result: message.result };
  },
};
