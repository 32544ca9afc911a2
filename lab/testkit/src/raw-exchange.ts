import { connect } from 'node:net';

/** What came back on a raw socket: the response head as sent, or how the connection ended. */
export interface RawAnswer {
  /** 0 when no status line arrived (the server closed or reset the connection first). */
  status: number;
  /** Header lines exactly as received, `Name: value`, without the status line. */
  headerLines: string[];
  /** `answered`, `closed` (no response), `reset`, or `timeout`. */
  ending: 'answered' | 'closed' | 'reset' | 'timeout';
  /** What followed the head, when `readBody` asked to read until the server closed. */
  body?: string;
}

/**
 * Writes `request` byte for byte to a fresh connection (so CR, LF and NUL go out as they are,
 * which Node's HTTP client refuses to do) and reads the response head.
 */
export function rawExchange(
  port: number,
  request: Buffer | readonly Buffer[],
  timeoutMs = 10_000,
  /** Read on until the server closes (send `Connection: close`) and keep the body. */
  readBody = false,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (ending: RawAnswer['ending']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      const head = headEnd === -1 ? text : text.slice(0, headEnd);
      const [statusLine = '', ...headerLines] = head === '' ? [] : head.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const answer: RawAnswer = { status, headerLines, ending: status === 0 ? ending : 'answered' };
      if (readBody && headEnd !== -1) answer.body = text.slice(headEnd + 4);
      resolve(answer);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('connect', () => {
      for (const part of Array.isArray(request) ? request : [request]) socket.write(part);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!readBody && Buffer.concat(chunks).includes('\r\n\r\n')) finish('answered');
    });
    socket.on('end', () => finish('closed'));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 'reset' : 'closed'),
    );
  });
}

/** Values of one header in a raw answer (case-insensitive name). */
export function rawHeaderValues(answer: RawAnswer, name: string): string[] {
  const prefix = `${name.toLowerCase()}:`;
  return answer.headerLines
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}
