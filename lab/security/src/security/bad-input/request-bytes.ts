import type { RawHeader } from './cases.js';

/** An HTTP/1.1 request as bytes; header values go out exactly as given (CR, LF and NUL included). */
export function requestBytes(
  method: string,
  target: string,
  host: string,
  headers: readonly RawHeader[],
): Buffer {
  const parts: Buffer[] = [Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\n`)];
  for (const [name, value] of headers) {
    parts.push(Buffer.from(`${name}: `, 'latin1'));
    parts.push(Buffer.isBuffer(value) ? value : Buffer.from(value, 'latin1'));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('Connection: close\r\n\r\n'));
  return Buffer.concat(parts);
}
