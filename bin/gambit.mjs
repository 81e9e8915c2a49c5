#!/usr/bin/env node
// The `gambit` command: registers tsx so Node runs the TypeScript sources directly, then hands over to the CLI.
import { register } from 'tsx/esm/api';

// a closed pipe (gambit run | head) ends the program quietly
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
