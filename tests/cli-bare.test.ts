// `gambit` and `gambit replay` without a command: they list the commands and end with a usage error, not silence and
// exit 0 (commander's help for them went to an error writer that printed nothing). And the folder of an --out that is
// not there: made, and said.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, endProblem } from './cli-inproc.ts';

describe('a command given without its subcommand', () => {
  it('gambit alone lists the commands on stdout and exits 2 with one line naming what is missing', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: gambit \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^ {2}run \[options\]/m);
    expect(r.stderr).toBe('gambit: no command given to gambit: choose one from the list above (gambit --help shows it too)\n');
    expect(endProblem(r)).toBeNull();
  });

  it('gambit replay alone lists verify and exits 2', async () => {
    const r = await cli('replay');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: gambit replay \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^ {2}verify \[options\] <file>/m);
    expect(r.stderr).toBe('gambit: no command given to gambit replay: choose one from the list above (gambit replay --help shows it too)\n');
    expect(endProblem(r)).toBeNull();
  });

  it('asking for help still answers on stdout with exit 0 and nothing on stderr', async () => {
    for (const args of [['--help'], ['help'], ['replay', '--help'], ['help', 'replay']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: gambit /);
      expect(r.stderr, args.join(' ')).toBe('');
    }
  });

  it('selfplay says its scores are against the batch yardstick, so a reader does not take them for run\'s (AUS +0.74 against +0.01 for one game)', async () => {
    const r = await cli('selfplay', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Scores are points against one status-quo game per seed (the batch yardstick, cached), so they differ from `run`');
    const list = await cli('--help');
    expect(list.stdout).toMatch(/^ {2}selfplay \[options\] +play many seeded games; one JSON line per game$/m);
  });

  it("a required option says so in its command's help (an analyst met tournament's --games-per-profile only as an error)", async () => {
    const help = (await cli('tournament', '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--games-per-profile <n> games per profile (seeds seed..seed+n-1, the same for every profile) (required)');
    expect(help).toContain('--out <dir> directory for payoffs.json, payoffs.csv, games.jsonl, games.csv (required)');
    expect(help).not.toMatch(/--seed <n>[^-]*\(required\)/);
  });
});


describe('an output folder that is not there', () => {
  it('is made and said on stderr, once (a mistyped --out folder was made in silence)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gambit-folder-'));
    try {
      const dir = join(root, 'runs', 'r1');
      const first = await cli('selfplay', '--games', '1', '--turns', '2', '--workers', '1', '--no-progress', '--out', join(dir, 'a.jsonl'));
      expect(first.code).toBe(0);
      expect(first.stderr.split('\n').filter((l) => l.includes('made the folder'))).toEqual([`gambit: made the folder ${dir}`]);
      expect(existsSync(join(dir, 'a.jsonl'))).toBe(true);
      const again = await cli('selfplay', '--games', '1', '--turns', '2', '--workers', '1', '--no-progress', '--out', join(dir, 'b.jsonl'));
      expect(again.code).toBe(0);
      expect(again.stderr).not.toContain('made the folder');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
