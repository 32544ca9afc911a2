// The floor any CORS middleware pays on an allowed GET: a set lookup and three header writes,
// with nothing decided, validated or preserved (it overwrites Vary, which cors-policy never does).
import type { RequestHandler } from 'express';

/** The three headers cors-policy sends on an allowed credentialed GET, written by hand. */
export function handWrittenCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.setHeader('Vary', 'Origin');
    next();
  };
}
