import type { RequestHandler } from 'express';

/**
 * Hand-written CORS headers, the same whatever the Origin: `preflight` on a CORS preflight, which
 * ends here with 204, `response` on every other request.
 */
export function fixedCors(
  preflight: Readonly<Record<string, string>>,
  response: Readonly<Record<string, string>>,
): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      res.status(204).set(preflight).set('Content-Length', '0').end();
      return;
    }
    res.set(response);
    next();
  };
}
