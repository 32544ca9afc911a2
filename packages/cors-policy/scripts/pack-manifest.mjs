// npm pack copies package.json as it is, and its devDependencies say "catalog:", which npm cannot
// read: `prepack` sets the workspace manifest aside and leaves one without devDependencies (the
// package has no other dependencies), `postpack` puts the workspace manifest back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = new URL('../package.json', import.meta.url);
const SET_ASIDE = new URL('../.package.json.before-pack', import.meta.url);
const step = process.argv[2];

if (step === 'strip') {
  if (existsSync(SET_ASIDE)) {
    throw new Error(
      `${SET_ASIDE.pathname} exists: a pack was interrupted; run "node scripts/pack-manifest.mjs restore" first`,
    );
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  renameSync(MANIFEST, SET_ASIDE);
  delete manifest.devDependencies;
  const left = JSON.stringify(manifest).match(/"(catalog|workspace):[^"]*"/);
  if (left !== null) {
    renameSync(SET_ASIDE, MANIFEST);
    throw new Error(
      `package.json still has ${left[0]} outside devDependencies: give it a real range`,
    );
  }
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (step === 'restore') {
  if (existsSync(SET_ASIDE)) renameSync(SET_ASIDE, MANIFEST);
} else {
  throw new Error(`usage: node scripts/pack-manifest.mjs strip|restore (got ${step})`);
}
