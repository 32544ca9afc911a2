import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const workspaceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Read at build time: rewrites are compiled into the build's routes manifest.
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:8000';

const nextConfig: NextConfig = {
  // A later issue builds the Docker image from `.next/standalone`.
  output: 'standalone',
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  poweredByHeader: false,
  // The dev server trusts `localhost` only; the lab also opens the same server as 127.0.0.1 and
  // 127.0.0.2 (the address the e2e suite makes public to Chromium).
  allowedDevOrigins: ['127.0.0.1', '127.0.0.2'],
  async rewrites() {
    return [
      // The seed's second method: the page calls its own origin and Next forwards to the API.
      { source: '/proxy/:path*', destination: `${apiOrigin}/:path*` },
      // The same address the API uses for its request log (a folder named `__log` would be private).
      { source: '/__log', destination: '/api/request-log' },
    ];
  },
};

export default nextConfig;
