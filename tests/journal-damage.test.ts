// A journal damaged in the middle (not only a torn last line) keeps its good lines on --resume: a warning names the
// file and each damaged line, the journal as it was is copied beside it (FILE.damaged-N) before anything is
// rewritten, and only the games of the damaged lines are played again; the output is the same as an unbroken run's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, COUNTRIES } from '../engine/index.ts';
import { identityRun, journalLine, openJournal, type BatchIdentity } from '../src/cli/journal.ts';
import { TEST_ENV, ROOT } from './cli-run.ts';
import { journalText } from './cli-inproc.ts';
import { content } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-damage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gambit = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
const common = ['selfplay', '--games', '6', '--turns', '3', '--seed', '21', '--no-progress', '--workers', '1'];
/** a journal line whose checksum no longer matches: one digit of the result changed, as a bad disk block would */
const corrupt = (line: string) => line.replace(/"seed":(\d+)/, (_, d) => `"seed":${Number(d) + 100}`);

describe('resume with damaged journal lines', () => {
  it('keeps the good lines, names each damaged one, keeps a copy, and ends with the same output as an unbroken run', () => {
    const ref = gambit(...common, '--out', join(dir, 'ref.jsonl'));
    expect(ref.status, ref.stderr).toBe(0);
    const full = readFileSync(join(dir, 'ref.jsonl'), 'utf8').trim().split('\n');
    // header (line 1), games 0 and 1 (lines 2-3), game 2 damaged (line 4), game 3 garbled (line 5), game 4 (line 6)
    const good = journalText({ seed: 21, games: 6, turns: 3 }, full.slice(0, 5), content.hash).trim().split('\n');
    good[3] = corrupt(good[3]);
    good[4] = 'not a journal line at all';
    const original = good.join('\n') + '\n';
    const j = join(dir, 'r.jsonl.partial');
    writeFileSync(j, original);
    const r = gambit(...common, '--out', join(dir, 'r.jsonl'), '--resume');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`gambit: --resume: ${j} lines 4, 5 are damaged (checksum does not match); the games on them will be played again and every other line is kept; the journal as it was is kept in ${j}.damaged-1\n`);
    expect(readFileSync(`${j}.damaged-1`, 'utf8')).toBe(original);
    expect(readFileSync(join(dir, 'r.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'ref.jsonl'), 'utf8'));
    expect(existsSync(j)).toBe(false);
  }, 120_000);

  it('the rewritten journal holds the header and the good lines; only the damaged lines\' games are left to play; an earlier copy is never overwritten', () => {
    const names = Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])) as BatchIdentity['agents'];
    const identity: BatchIdentity = { scenario: 'rare-earth-gambit', contentHash: content.hash, seed: 21, games: 6, turns: 3, agents: names, scripts: {}, shard: null, engineVersion: ENGINE_VERSION };
    const run = identityRun(identity);
    const result = (g: number) => JSON.stringify({ game: g, seed: 21 + g, agents: Object.fromEntries(COUNTRIES.map((c) => [c, `persona-${c.toLowerCase()}`])), scores: Object.fromEntries(COUNTRIES.map((c) => [c, 0])), outcomes: { turns: 3, gdpGrowthPct: Object.fromEntries(COUNTRIES.map((c) => [c, 0])), approval: Object.fromEntries(COUNTRIES.map((c) => [c, 50])), jpnMinMagnetSupply: 1, finalPrices: { 'oxide.heavy': 1, magnet: 1 }, events: 0 }, run, runGames: 6 });
    const header = JSON.stringify({ journal: 'rare-earth-gambit-journal', version: 1, identity });
    const lines = [header, journalLine(result(0)), corrupt(journalLine(result(1))), journalLine(result(2)), journalLine(result(3))];
    const p = join(dir, 'unit.partial');
    writeFileSync(`${p}.damaged-1`, 'an earlier copy');
    writeFileSync(p, lines.join('\n') + '\n' + journalLine(result(4)).slice(0, 30)); // and a torn last line
    const warned: string[] = [];
    const names2 = Object.fromEntries(COUNTRIES.map((c) => [c, `persona-${c.toLowerCase()}`])) as BatchIdentity['agents'];
    const done = openJournal({ path: p, identity, resume: true, fresh: false, mine: (g) => g >= 0 && g < 6, size: 6, names: names2, warn: (m) => warned.push(m) });
    expect([0, 1, 2, 3, 4, 5].filter((g) => done.has(g))).toEqual([0, 2, 3]);
    expect(warned).toEqual([`--resume: ${p} line 3 is damaged (checksum does not match); the games on it will be played again and every other line is kept; the journal as it was is kept in ${p}.damaged-2`]);
    expect(readFileSync(`${p}.damaged-1`, 'utf8')).toBe('an earlier copy');
    expect(readFileSync(p, 'utf8')).toBe([header, lines[1], lines[3], lines[4]].join('\n') + '\n');
    // the index points into the rewritten file, and appending goes on from its end
    expect([...done.lines([0, 2, 3])]).toEqual([result(0), result(2), result(3)]);
    done.append(1, result(1));
    expect([...done.lines([1])]).toEqual([result(1)]);
  });
});
