import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const workspaceRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const nextConfig: NextConfig = {
  outputFileTracingRoot: workspaceRoot,
  turbopack: { root: workspaceRoot },
  poweredByHeader: false,
  // The package's own `check-types` covers these files; the build should not type-check twice.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
