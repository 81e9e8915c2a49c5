// SIGTERM stops a batch as cleanly as Ctrl-C: a job scheduler's time limit or preemption (Slurm, a Kubernetes Job,
// docs/deploy/) and `kill` send SIGTERM, not SIGINT. Self-play keeps the games played in its journal and says how to
// resume; a tournament says it wrote nothing. Both exit 143, as a shell reports a SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the command, sends SIGTERM once `ready(stderr)` holds (checked on output and every 50 ms), and waits. */
function termWhen(args: string[], ready: (stderr: string, stdout: string) => boolean): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args], { cwd: ROOT, env: TEST_ENV });
  let stderr = '';
  let stdout = '';
  let sent = false;
  const check = () => {
    if (!sent && ready(stderr, stdout)) {
      sent = true;
      child.kill('SIGTERM');
    }
  };
  child.stderr.on('data', (d) => {
    stderr += d;
    check();
  });
  child.stdout.on('data', (d) => {
    stdout += d;
    check();
  });
  const poll = setInterval(check, 50);
  return new Promise((res) =>
    child.on('close', (code, signal) => {
      clearInterval(poll);
      res({ code, signal, stderr, stdout });
    }),
  );
}

const lines = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l.length > 0).length : 0);

describe('SIGTERM in a batch', () => {
  it('self-play keeps its journal, says so, exits 143, and --resume finishes the batch with every game once', async () => {
    const out = join(dir, 'r.jsonl');
    const args = ['selfplay', '--games', '300', '--turns', '2', '--seed', '5', '--workers', '1', '--no-progress', '--out', out];
    // the journal's header and two games written: the run is under way
    const r = await termWhen(args, () => lines(`${out}.partial`) >= 3);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toMatch(/^selfplay: interrupted \(SIGTERM\); (\d+) of 300 games are kept in .*r\.jsonl\.partial; run the same command with --resume to finish\n$/m);
    const kept = Number(/; (\d+) of 300 games are kept/.exec(r.stderr)![1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(300);
    expect(existsSync(out)).toBe(false);
    const again = spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args, '--resume'], { cwd: ROOT, encoding: 'utf8', env: TEST_ENV, timeout: 120_000 });
    expect(again.status, again.stderr).toBe(0);
    const games = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).game as number);
    expect(games).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 180_000);

  it('self-play to stdout says how many games it printed (it keeps no journal there)', async () => {
    const r = await termWhen(['selfplay', '--games', '300', '--turns', '2', '--seed', '5', '--workers', '1', '--no-progress'], (_e, o) => o.split('\n').length > 3);
    expect(r.code, r.stderr).toBe(143);
    const printed = r.stdout.split('\n').filter((l) => l.startsWith('{')).length;
    expect(r.stderr).toMatch(/^selfplay: interrupted \(SIGTERM\); \d+ of 300 games were written to stdout\n$/m);
    expect(Number(/; (\d+) of 300 games were written/.exec(r.stderr)![1])).toBe(printed);
  }, 60_000);

  it('a tournament stops after the games under way, says nothing was written and exits 143', async () => {
    const out = join(dir, 't');
    // the batch listens for signals from the start of its work (underStopSignals), so a SIGTERM as soon as its header
    // is out is caught (it needed a second's wait after the header before)
    const r = await termWhen(['tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '500', '--turns', '8', '--workers', '1', '--no-progress', '--out', out], (e) => /games on 1 worker/.test(e));
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(143);
    expect(r.stderr).toMatch(/tournament: interrupted \(SIGTERM\) after \d+ of 1000 games; nothing written \(a tournament keeps no journal: run it again\)/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
