import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const workspaceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const nextConfig: NextConfig = {
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  poweredByHeader: false,
  // The package's own `check-types` covers these files; the bench should not wait for a second pass.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
