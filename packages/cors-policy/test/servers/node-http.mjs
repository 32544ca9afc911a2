// Plain node:http: corsMiddleware called with a next() that runs the route.
import { createServer } from 'node:http';
import { appendVary, corsMiddleware, definePolicy } from '@cors-lab/cors-policy';
import { policyOptions, reportPort } from './shared.mjs';

const cors = corsMiddleware(definePolicy(policyOptions));

function route(req, res) {
  if (req.url === '/boom') {
    res.statusCode = 500;
    res.end('Internal Server Error');
    return;
  }
  if (req.url !== '/items' || !['GET', 'PUT'].includes(req.method)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('Vary', appendVary(res.getHeader('Vary'), 'Accept-Encoding'));
  res.setHeader('X-Request-Id', 'req-1');
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ ok: true }));
}

const server = createServer((req, res) => {
  cors(req, res, (error) => {
    if (error) {
      res.statusCode = 500;
      res.end();
      return;
    }
    route(req, res);
  });
});
server.listen(0, '127.0.0.1', () => reportPort(server.address().port));
