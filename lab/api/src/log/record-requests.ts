import type { RequestHandler } from 'express';
import { runIdOf } from '../run-id.js';
import type { RequestLog } from './request-log.js';

export const LOG_PATH = '/__log';

/**
 * Records every request except reads of the log itself, with the headers the server really sent:
 * they are read at 'finish', after every middleware and error handler has had its say.
 */
export function recordRequests(log: RequestLog, listener: string): RequestHandler {
  return (req, res, next) => {
    const path = req.path;
    if (path === LOG_PATH) {
      next();
      return;
    }
    const requestHeaders = req.headersDistinct;
    res.on('finish', () => {
      log.record({
        time: new Date().toISOString(),
        listener,
        run: runIdOf(req),
        method: req.method,
        path,
        requestHeaders,
        status: res.statusCode,
        responseHeaders: res.getHeaders(),
      });
    });
    next();
  };
}
