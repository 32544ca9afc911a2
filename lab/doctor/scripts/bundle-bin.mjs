// Bundles the CLI with the predictor and the probe generator into one file with no runtime
// dependencies, so a copy of this package runs with `npx cors-doctor` and nothing installed.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cors-doctor.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
});
