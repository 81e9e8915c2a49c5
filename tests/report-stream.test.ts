// `gambit report` reads a self-play .jsonl line by line and keeps of each game only what it draws (a score per country
// and running sums), so its memory follows the games, not the file's bytes: it read the whole file as one string, split
// it and kept every line's parsed object (a 256 MB cap, past which the file was left out). The figures are the same
// (tests/report.test.ts, tests/tournament-exact.test.ts); malformed lines are still named by file and line.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit, ROOT, TEST_ENV } from './cli-run.ts';
import { readGames } from '../src/cli/report-games.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-report-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-play file of `games` games: one real result line, its game, seed and JPN score varied. */
function selfplayFile(path: string, games: number): void {
  const one = join(dir, `one-${games}.jsonl`);
  expect(gambit('selfplay', '--games', '1', '--turns', '1', '--no-progress', '--out', one).code).toBe(0);
  const line = JSON.parse(readFileSync(one, 'utf8'));
  const fd = openSync(path, 'w');
  const chunk: string[] = [];
  for (let g = 0; g < games; g++) {
    chunk.push(JSON.stringify({ ...line, game: g, seed: 1 + g, scores: { ...line.scores, JPN: ((g % 201) - 100) / 100 } }));
    if (chunk.length === 10_000 || g === games - 1) writeSync(fd, chunk.splice(0).join('\n') + '\n');
  }
  closeSync(fd);
}

describe('report reads a .jsonl line by line', () => {
  it('draws a 100 MB self-play file within a 48 MB heap (it ran out of memory reading the file whole)', () => {
    const d = join(dir, 'big');
    mkdirSync(d);
    selfplayFile(join(d, 's.jsonl'), 220_000);
    expect(statSync(join(d, 's.jsonl')).size).toBeGreaterThan(100 * 1024 * 1024);
    const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'report', d], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...TEST_ENV, NODE_OPTIONS: '--max-old-space-size=48' } });
    expect(r.status, r.stderr.slice(0, 500)).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).toContain('220000 games, seeds 1 to 220000, 1 turn');
    expect(html).toContain('<code>s.jsonl</code>: 220000 games of self-play results');
  }, 180_000);

  it('leaves out a file of more games than it draws, saying so', () => {
    const f = join(dir, 'twelve.jsonl');
    selfplayFile(f, 12);
    expect(readGames(f, undefined, 12)).toMatchObject({ games: { count: 12 } });
    expect(readGames(f, undefined, 11)).toEqual({ skipped: 'more than 11 games, more than a report draws of one file: its games are left out of this report' });
  });

  it('names the file and line of a malformed line, counting blank lines and a last line with no newline', () => {
    const d = join(dir, 'bad');
    mkdirSync(d);
    const good = readFileSync(join(dir, 'twelve.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(join(d, 'x.jsonl'), `${good[0]}\n\n${good[1]}\n{"game": 2, "seed": "three"}`);
    const r = gambit('report', d);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`gambit: report: ${join(d, 'x.jsonl')}: line 4: $.seed: Invalid input: expected number, received string (and 3 more problems)\n`);
    // a first line longer than any result line: not self-play results, left out (a file of 300 MB of zeros read 128 KB)
    writeFileSync(join(d, 'x.jsonl'), `${good[0]}\n`);
    writeFileSync(join(d, 'zeros.jsonl'), '\0'.repeat(200_000));
    const z = gambit('report', d);
    expect(z.code, z.stderr).toBe(0);
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toContain('<code>zeros.jsonl</code>: skipped, not self-play results (line 1 is longer than 64 KB, longer than any result line)');
  });
});
