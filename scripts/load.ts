// npm run load -- --classes 10 --students 30 --rounds 8 --round-seconds 5
// Starts the classroom server (the same process as npm start, on a fresh PGlite folder, or DATABASE_URL), simulates the
// classes over websockets (scripts/load-sim.ts) and prints one summary line. Everything runs on this machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad, summaryLine } from './load-sim.ts';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = Number(args[i + 1]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`--${name}: expected a positive number, found ${JSON.stringify(args[i + 1] ?? '')}`);
    process.exit(2);
  }
  return v;
};
for (const a of args) if (a.startsWith('--') && !['--classes', '--students', '--rounds', '--round-seconds'].includes(a)) {
  console.error(`unknown flag ${a} (flags: --classes N --students N --rounds N --round-seconds N)`);
  process.exit(2);
}
const opts = { classes: flag('classes', 10), students: flag('students', 30), rounds: flag('rounds', 8), roundSeconds: flag('round-seconds', 5) };

const dir = mkdtempSync(join(tmpdir(), 'gambit-load-'));
// every class is created from this one address: the creation limits (access.ts) are raised to the class count
const limits = { CLASS_CREATE_PER_HOUR: String(Math.max(20, Math.ceil(opts.classes))), MAX_LIVE_CLASSES: String(Math.max(200, Math.ceil(opts.classes))) };
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, STATIC_DIR: join(dir, 'none'), ...limits }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((res, rej) => {
  let out = '';
  server.stdout!.on('data', (b) => {
    out += b;
    const m = /Play alone: +(http:\/\/\S+)\//.exec(out);
    if (m) res(m[1]);
  });
  server.on('exit', (c) => rej(new Error(`the server exited (${c}): ${out}`)));
});
try {
  const r = await runLoad({ base, ...opts });
  console.log(summaryLine(r));
  process.exitCode = r.lost === 0 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
