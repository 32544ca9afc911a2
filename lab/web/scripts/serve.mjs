// Starts the web app on both page origins: WEB_PORT (3000, the allowed front end) and
// WEB_ALT_PORT (3001, same host on the wrong port).
//
//   node scripts/serve.mjs start   two production servers from the standalone build, one per port
//   node scripts/serve.mjs dev     one `next dev` on WEB_PORT plus a small reverse proxy on WEB_ALT_PORT
//
// Dev uses a proxy rather than a second `next dev` because two dev servers cannot share one
// `.next` folder, and a second compiler would double the memory and CPU for the same code. The
// proxy forwards the Host header untouched, so Next sees `localhost:3001` and every URL it builds
// (and every Origin check in proxy.ts) matches what the browser sees.
import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
const mainPort = readPort('WEB_PORT', 3000);
const altPort = readPort('WEB_ALT_PORT', 3001);
// `::` accepts both IPv6 and IPv4, so `localhost` (often ::1) and `127.0.0.1` both reach the server.
const host = process.env.WEB_HOST ?? '::';

function readPort(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(
      `${name}=${JSON.stringify(raw)} is not a port: set it to an integer from 1 to 65535.`,
    );
    process.exit(2);
  }
  return port;
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

let proxyServer;

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  proxyServer?.close();
  proxyServer?.closeAllConnections();
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
  const serverDir = join(standaloneDir, 'apps', 'web');
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

  const target = { host: 'localhost', port: mainPort };
  proxyServer = createServer((req, res) => {
    const upstream = httpRequest(
      { ...target, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.rawHeaders);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(
        `The dev server on :${mainPort} did not answer (${error.message}); is it still starting?`,
      );
    });
    req.pipe(upstream);
  });
  // Hot reload runs over a WebSocket: pass the upgrade through as raw bytes.
  proxyServer.on('upgrade', (req, socket, head) => {
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
  proxyServer.on('error', (error) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `[web-alt] port ${altPort} is already in use: stop the other process or set WEB_ALT_PORT.`
        : `[web-alt] cannot listen on port ${altPort}: ${error.message}`,
    );
    stop(1);
  });
  proxyServer.listen(altPort, host, () => {
    console.log(`[web-alt] http://localhost:${altPort} forwards to the dev server on :${mainPort}`);
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
