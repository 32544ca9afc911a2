#!/usr/bin/env node
// The installed command. It exists before the build (so installing the workspace can link it) and
// runs the bundled doctor, or says how to build it.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cors-doctor.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(
    `cors-doctor: ${bundle.pathname} is not built yet; run \`pnpm --filter @cors-lab/doctor build\` (or \`pnpm build\`) first.\n`,
  );
  process.exitCode = 2;
}
