// The Express app both Express servers run: the given CORS middleware, then the shared routes.
import express from 'express';
import { reportPort } from './shared.mjs';

/** Starts Express with `cors` in front of the routes. */
export function serveExpress(cors) {
  const app = express();
  app.use(cors);
  const items = (_req, res) => {
    res.vary('Accept-Encoding').set('X-Request-Id', 'req-1').json({ ok: true });
  };
  app.get('/items', items);
  app.put('/items', items);
  app.get('/boom', () => {
    throw new Error('boom');
  });
  const server = app.listen(0, '127.0.0.1', () => reportPort(server.address().port));
}
