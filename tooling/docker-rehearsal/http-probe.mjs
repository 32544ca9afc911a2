// One HTTP exchange with full control over the request headers (Origin included), which fetch()
// treats as the browser's to set; the answer keeps every response header as the server sent it.
import { request } from 'node:http';

/**
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }>}
 */
export function probe({ port, method = 'GET', path = '/', headers = {}, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () =>
      req.destroy(
        new Error(`${method} ${path} on port ${port} got no answer within ${timeoutMs} ms`),
      ),
    );
    req.on('error', reject);
    req.end();
  });
}
