// Runs the gambit command as a user would (a child process from the repository root) for the CLI tests.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Batches start worker threads at once in tests (the CLI waits until a batch looks long enough to pay for them),
 * so `--workers 2` in a test really plays on two threads. */
export const TEST_ENV = { ...process.env, GAMBIT_THREAD_WORTH_MS: '0' };

export function gambit(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: TEST_ENV });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
