// `npm start`'s server (src/server/main.ts, without the build step) in a child process on a free port, with the
// environment a test gives it (DATA_DIR, DATABASE_URL, ...); resolves with its address and everything it printed.
import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

export function spawnServer(env: Record<string, string>): Promise<{ proc: ChildProcess; base: string; out: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`the server did not start: ${out}`)), 90_000);
    proc.stdout!.on('data', (b) => {
      out += b;
      const m = /Play alone: +(http:\/\/\S+)\//.exec(out);
      if (m) {
        clearTimeout(t);
        res({ proc, base: m[1], out: () => out });
      }
    });
    proc.stderr!.on('data', (b) => (out += b));
    proc.on('exit', (code) => rej(new Error(`the server exited (${code}): ${out}`)));
  });
}
