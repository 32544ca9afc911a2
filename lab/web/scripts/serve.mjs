// Starts the web app on its page origins: WEB_PORT (3000, the allowed front end), WEB_ALT_PORT
// (3001, same host on the wrong port) and WEB_TLS_PORT (3443, https with the lab's certificate).
//
//   node scripts/serve.mjs start   two production servers from the standalone build, one per http port
//   node scripts/serve.mjs dev     one `next dev` on WEB_PORT plus a small reverse proxy on WEB_ALT_PORT
//   Both also put an https reverse proxy on WEB_TLS_PORT in front of the server on WEB_PORT.
//
// Dev uses a proxy rather than a second `next dev` because two dev servers cannot share one
// `.next` folder, and a second compiler would double the memory and CPU for the same code. The
// proxy forwards the Host header untouched, so Next sees `localhost:3001` and every URL it builds
// (and every Origin check in proxy.ts) matches what the browser sees.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPort as readPortFrom } from '@cors-lab/api/env';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
const mainPort = readPort('WEB_PORT', 3000);
const altPort = readPort('WEB_ALT_PORT', 3001);
const tlsPort = readPort('WEB_TLS_PORT', 3443);
// `::` accepts both IPv6 and IPv4, so `localhost` (often ::1) and `127.0.0.1` both reach the server.
const host = process.env.WEB_HOST ?? '::';

function readPort(name, fallback) {
  try {
    return readPortFrom(process.env, name, fallback);
  } catch (error) {
    console.error(`web: ${error.message}`);
    process.exit(2);
  }
}

const children = [];
let stopping = false;

function startChild(label, command, args, env) {
  const child = spawn(command, args, {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream) => (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line) stream.write(`[${label}] ${line}\n`);
  };
  child.stdout.on('data', prefix(process.stdout));
  child.stderr.on('data', prefix(process.stderr));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${label}] exited (${signal ?? code}); stopping the other server too.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

const proxyServers = [];

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const server of proxyServers) {
    server.close();
    server.closeAllConnections();
  }
  const alive = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (alive.length === 0) process.exit(exitCode);
  let remaining = alive.length;
  for (const child of alive) {
    child.once('exit', () => {
      remaining -= 1;
      if (remaining === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
  // A child that ignores SIGTERM must not keep the ports busy.
  setTimeout(() => {
    for (const child of alive) child.kill('SIGKILL');
    process.exit(exitCode);
  }, 5000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));
// `pnpm start` dies on SIGTERM without passing it on; once orphaned, stop rather than hold the ports.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 1000).unref();

function startProduction() {
  const standaloneDir = join(appDir, '.next', 'standalone');
  const serverDir = join(standaloneDir, 'lab', 'web');
  const serverFile = join(serverDir, 'server.js');
  if (!existsSync(serverFile)) {
    console.error(
      `No production build at ${serverFile}: run \`pnpm --filter @cors-lab/lab-web build\` first.`,
    );
    process.exit(1);
  }
  // The standalone server serves static assets only from its own folder (Next leaves copying them to us).
  cpSync(join(appDir, '.next', 'static'), join(serverDir, '.next', 'static'), { recursive: true });
  if (existsSync(join(appDir, 'public'))) {
    cpSync(join(appDir, 'public'), join(serverDir, 'public'), { recursive: true });
  }
  for (const [label, port] of [
    ['web', mainPort],
    ['web-alt', altPort],
  ]) {
    startChild(label, process.execPath, [serverFile], {
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: host,
    });
  }
  startProxy('web-tls', tlsPort, 'WEB_TLS_PORT');
}

function startDevelopment() {
  const nextBin = join(appDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  startChild('web', process.execPath, [
    nextBin,
    'dev',
    '--port',
    String(mainPort),
    '--hostname',
    host,
  ]);

  startProxy('web-alt', altPort, 'WEB_ALT_PORT');
  startProxy('web-tls', tlsPort, 'WEB_TLS_PORT');
}

/**
 * A reverse proxy on `port` to the server on WEB_PORT: plain http, or https with the lab's
 * certificate for `web-tls`. The Host header goes through untouched, so Next sees the origin the
 * browser sees; X-Forwarded-Proto tells it the scheme.
 */
async function startProxy(label, port, variable) {
  const tls = label === 'web-tls';
  const target = { host: 'localhost', port: mainPort };
  const handler = (req, res) => {
    const headers = tls ? { ...req.headers, 'x-forwarded-proto': 'https' } : req.headers;
    const upstream = httpRequest(
      { ...target, method: req.method, path: req.url, headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(
        `The web server on :${mainPort} did not answer (${error.message}); is it still starting?`,
      );
    });
    req.pipe(upstream);
  };
  let server;
  if (tls) {
    // The lab's CA and certificate, created under .certs/ on first use (the API shares them).
    const { ensureCertificates } = await import('@cors-lab/tls');
    const { cert, key } = await ensureCertificates();
    server = createTlsServer({ cert, key }, handler);
  } else {
    server = createServer(handler);
  }
  proxyServers.push(server);
  // Hot reload runs over a WebSocket: pass the upgrade through as raw bytes.
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(target.port, target.host, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.on('error', (error) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `[${label}] port ${port} is already in use: stop the other process or set ${variable}.`
        : `[${label}] cannot listen on port ${port}: ${error.message}`,
    );
    stop(1);
  });
  server.listen(port, host, () => {
    console.log(
      `[${label}] ${tls ? 'https' : 'http'}://localhost:${port} forwards to the server on :${mainPort}`,
    );
  });
}

if (mode === 'start') startProduction();
else if (mode === 'dev') startDevelopment();
else {
  console.error(
    `Unknown mode ${JSON.stringify(mode)}: use \`node scripts/serve.mjs dev\` or \`start\`.`,
  );
  process.exit(2);
}
