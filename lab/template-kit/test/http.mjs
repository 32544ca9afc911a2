// HTTP as the starter test sends it: whole answers from node:http, and raw bytes over a socket for
// requests no well-behaved client would send.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} body
 */

/**
 * @param {number} port
 * @param {string} method
 * @param {string} path
 * @param {Record<string, string>} [headers]
 * @param {string} [body]
 * @returns {Promise<Answer>}
 */
export function send(port, method, path, headers = {}, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Writes `bytes` as they are and returns everything the server sends until it closes (5 s at most).
 * @param {number} port
 * @param {string} bytes
 */
export function sendRaw(port, bytes) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', (error) =>
      /** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNRESET'
        ? undefined
        : reject(error),
    );
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.write(bytes, 'latin1');
  });
}

/** The CORS headers of an answer (and Vary), by lowercase name. */
export function corsHeaders(/** @type {import('node:http').IncomingHttpHeaders} */ headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.startsWith('access-control-') || name === 'vary',
    ),
  );
}
