// An analyst's play-test: Ctrl-C right after a batch's first output (a tournament's header, self-play's note on a
// script) ended the process silently half the time: the batch listened for signals only once its games started, so
// a signal before that met Node's default (no word, no exit code of ours, self-play's new journal left behind, which
// then refused a plain rerun). Now a batch notes the signal from its start, says what was stopped and what was kept,
// exits 130, and leaves no output file and no temporary file. Each run sends SIGINT as soon as the text appears (no
// fixed wait); the race the fix closes is a matter of a millisecond, so each case is run three times.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-run.ts';
import { playUntilStopped, underStopSignals } from '../src/cli/io.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-early-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function intWhen(args: string[], ready: RegExp): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args], { cwd: ROOT, env: { ...process.env, GAMBIT_PROGRESS_MS: '0' } });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!sent && ready.test(stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  });
  child.stdout.resume();
  return new Promise((res) => child.on('close', (code, signal) => res({ code, signal, stderr })));
}

describe('Ctrl-C as soon as a batch says anything', () => {
  it('a tournament: says it was interrupted and wrote nothing, exit 130, its directory holds no file', async () => {
    for (let i = 0; i < 3; i++) {
      const out = join(dir, `t${i}`);
      const r = await intWhen(['tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '200', '--turns', '6', '--workers', '1', '--out', out], /games on 1 worker\n/);
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(130);
      expect(r.stderr).toMatch(/^tournament: interrupted after \d+ of 400 games; nothing written \(a tournament keeps no journal: run it again\)$/m);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  }, 120_000);

  it('self-play: says what its journal keeps (or that nothing was kept), exit 130, no output and no temporary file', async () => {
    const plan = join(ROOT, 'examples/japan-diversifies.json'); // orders past turn 2: a note before any game
    for (let i = 0; i < 3; i++) {
      const sub = join(dir, `s${i}`);
      mkdirSync(sub);
      const out = join(sub, 'r.jsonl');
      const r = await intWhen(['selfplay', '--games', '400', '--turns', '2', '--workers', '1', '--agents', `JPN=scripted:${plan}`, '--out', out], /note: scripted:/);
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(130);
      const m = /^selfplay: interrupted(?:; (\d+) of 400 games are kept in (.*); run the same command with --resume to finish| before any game ended; nothing kept, nothing written: run the command again)$/m.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const files = readdirSync(sub);
      if (m![1] === undefined) expect(files).toEqual([]);
      else {
        expect(m![2]).toBe(`${out}.partial`);
        expect(files).toEqual(['r.jsonl.partial']);
        // the journal: its header and exactly the games it is said to keep
        expect(readFileSync(`${out}.partial`, 'utf8').trim().split('\n')).toHaveLength(1 + Number(m![1]));
      }
    }
  }, 120_000);

  it('outside a batch (a file being written, run --out): names the file not written, exit 130, no temporary file', async () => {
    const target = join(dir, 'w', 'out.json');
    const code = `const { AtomicWriter } = await import('./src/cli/io.ts'); const w = new AtomicWriter(${JSON.stringify(target)}); w.line('half'); w.close(); process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => String(d).includes('ready') && child.kill('SIGINT'));
    const exit = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(exit, stderr).toBe(130);
    // the folder made for it goes too, empty (nothing was written)
    expect(stderr).toBe(`gambit: made the folder ${join(dir, 'w')}\ngambit: interrupted while writing ${target}: not written\ngambit: removed the folder ${join(dir, 'w')} it had made (nothing was written to it)\n`);
    expect(existsSync(join(dir, 'w'))).toBe(false);
  }, 60_000);
  it('an experiment: says what its journal keeps, or that nothing was kept and leaves no journal to refuse a rerun', async () => {
    for (let i = 0; i < 3; i++) {
      const out = join(dir, `e${i}`);
      const r = await intWhen(['experiment', 'thesis', '--seeds', '2', '--opponents', 'personas', '--workers', '1', '--out', out], /^experiment thesis: /m);
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(130);
      const m = /^experiment: interrupted(?:; (\d+) of 10 games are kept in (.*); run the same command with --resume to finish \(--fresh to start again\)| before any game ended; nothing kept, nothing written: run the command again)$/m.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const files = existsSync(out) ? readdirSync(out) : [];
      expect(files).toEqual(m![1] === undefined ? [] : ['thesis.json.partial']);
    }
  }, 180_000);
});

describe('the stop signals after the play', () => {
  it('are no longer noted once the play is over (a Ctrl-C while the outputs are worked out or written is not dropped)', async () => {
    const base = process.listenerCount('SIGINT');
    const baseTerm = process.listenerCount('SIGTERM');
    await underStopSignals(async () => {
      expect(process.listenerCount('SIGINT')).toBe(base + 1);
      expect(await playUntilStopped(async () => {})).toBeNull();
      // the wrap-up: no handler of the batch's left to note a signal that nothing would read
      expect(process.listenerCount('SIGINT')).toBe(base);
      expect(process.listenerCount('SIGTERM')).toBe(baseTerm);
    });
    expect(process.listenerCount('SIGINT')).toBe(base);
  });

  it('a signal before the play still means no game is played', async () => {
    let played = false;
    const sig = await underStopSignals(async () => {
      process.emit('SIGINT');
      return playUntilStopped(async () => void (played = true));
    });
    expect(sig).toBe('SIGINT');
    expect(played).toBe(false);
  });
});
