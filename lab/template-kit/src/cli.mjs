#!/usr/bin/env node
// pnpm template:new <dir> [--name my-app]: a copy of the template without the lab, ready to install.
import { parseArgs } from 'node:util';
import { newStarter } from './new-starter.mjs';
import { StarterError } from './starter-error.mjs';

const USAGE = `usage: pnpm template:new <dir> [--name <name>]

Writes the template (apps/api, apps/web, packages/cors-policy, packages/tsconfig) without the lab
into <dir>, a new or empty folder outside this repository's workspace packages, with its own
README, .env.example, docker-compose.yml, CI workflow and pnpm-lock.yaml. Then:
  cd <dir> && pnpm install && pnpm build && pnpm test

  --name <name>  replace the cors-lab name and @cors-lab/ package scope with your own
                 (default: keep @cors-lab/; the project is named after <dir>)`;

/**
 * @param {string} message
 * @returns {never}
 */
function usage(message) {
  console.error(`template:new: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** @param {string[]} args */
function parse(args) {
  try {
    return parseArgs({
      args,
      options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    return usage(/** @type {Error} */ (error).message);
  }
}

const parsed = parse(process.argv.slice(2));
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.positionals.length !== 1) {
  usage(
    parsed.positionals.length === 0
      ? 'missing <dir>, the folder to write the starter into.'
      : `expected one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}.`,
  );
}

try {
  const dir = await newStarter({
    target: /** @type {string} */ (parsed.positionals[0]),
    name: parsed.values.name,
    // npm and pnpm run root scripts from the repository root; INIT_CWD is where the person typed.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
  console.log(`template:new: done. Next:\n  cd ${dir}\n  pnpm install\n  pnpm dev`);
} catch (error) {
  if (!(error instanceof StarterError)) throw error;
  console.error(`template:new: ${error.message}`);
  process.exit(1);
}
