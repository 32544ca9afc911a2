#!/usr/bin/env node
// The cors-doctor executable (bundled into dist/cors-doctor.js so a copied package runs with npx).
import { main } from './main.js';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `cors-doctor: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
