import { connect } from 'node:net';

/** What came back on the socket: the status code and lowercased header lines, parsed by hand. */
export interface RawAnswer {
  status: number;
  headers: [name: string, value: string][];
  text: string;
}

/**
 * Sends `head` (request line and header lines, no final blank line) byte for byte over TCP, so
 * tests can send what HTTP clients refuse to: CR/LF inside values, repeated Origin headers,
 * lowercase or unknown methods.
 */
export function rawRequest(port: number, head: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [statusLine = '', ...lines] = text.split('\r\n\r\n')[0]!.split('\r\n');
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers: lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
        text,
      });
    });
    socket.end(`${head}\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}
