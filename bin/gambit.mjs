#!/usr/bin/env node
// The `gambit` command. It runs the CLI from a prebuilt esbuild bundle of the TypeScript sources, cached and rebuilt
// when a source changes (src/cli/bundle-cache.mjs): it starts in about half the time tsx takes to load the sources
// one file at a time. Without esbuild, or with GAMBIT_CLI_BUNDLE=0, it registers tsx and runs the sources directly.
import { pathToFileURL } from 'node:url';
import { cliBundle } from '../src/cli/bundle-cache.mjs';

// a closed pipe (gambit run | head) ends the program quietly
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const bundle = await cliBundle();
let main;
if (bundle) ({ main } = await import(pathToFileURL(bundle).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
