// `gambit experiment` as a batch: --workers gives byte-identical files for any count, and an interrupted run keeps
// its games in a journal (OUT/NAME.json.partial), says so, and --resume finishes it with the same files.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-exp-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const args = (out: string, ...more: string[]) => ['experiment', 'thesis', '--seeds', '2', '--opponents', 'personas', '--no-progress', '--out', out, ...more];
const gambit = (a: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...a], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: TEST_ENV });
const FILES = ['thesis.json', 'thesis.csv', 'report.html'];
const lines = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8').split('\n').filter((l) => l.length > 0).length : 0);

describe('gambit experiment as a batch', () => {
  it('writes identical files with one, two and three workers', () => {
    for (const w of ['1', '2', '3']) {
      const r = gambit(args(join(dir, `w${w}`), '--workers', w));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`, 10 games (2 of them the seat at the status quo, the yardsticks, which are also the status-quo strategy's 2 games), ${w === '1' ? 'on 1 worker' : `on up to ${w} workers`}`);
      // each cell's line gives the mean with its 95% interval, as the report's detail does (it gave the mean alone)
      expect(r.stderr).toMatch(/^personas \/ hub: score [+-]?\d\.\d\d \[[+-]?\d\.\d\d, [+-]?\d\.\d\d\] over 2 seeds$/m);
      expect(readdirSync(join(dir, `w${w}`)).sort()).toEqual(['report.html', 'thesis.csv', 'thesis.json']); // no journal left
      expect(r.stdout).toContain(`\nwritten: ${join(dir, `w${w}`, 'thesis.json')}, thesis.csv, report.html\nthesis.csv's columns, what each is and its unit: report.html, "What the figures are"\n`);
      // the verdicts wrapped at 110 columns (a line ran to 507), never inside an interval's brackets
      for (const l of r.stdout.split('\n').filter((x) => !x.startsWith('written: '))) expect(l.length, l).toBeLessThanOrEqual(110);
      expect(r.stdout).not.toMatch(/\[[^\]\n]*\n/);
    }
    // run again into the same place: it says it replaced them (an analyst's rerun said "written:")
    const again = gambit(args(join(dir, 'w1'), '--workers', '1'));
    expect(again.stdout).toContain(`\nreplaced: ${join(dir, 'w1', 'thesis.json')}, thesis.csv, report.html (the same results as before)\n`);
    // --resume after the run ended (no journal, results of this run): says so and plays nothing (it played it all again);
    // with one seed more the results are another run's, which is played
    const before = readFileSync(join(dir, 'w1', 'thesis.json'), 'utf8');
    writeFileSync(join(dir, 'w1', 'report.html'), readFileSync(join(dir, 'w1', 'report.html'), 'utf8') + '<!-- kept -->');
    const done = gambit(args(join(dir, 'w1'), '--workers', '1', '--resume'));
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toContain(`gambit: --resume: ${join(dir, 'w1', 'thesis.json')} already holds every game of this experiment (personas; 2 seeds); nothing to play (--fresh plays it again)\n`);
    expect(done.stdout).toBe('');
    expect(readFileSync(join(dir, 'w1', 'report.html'), 'utf8')).toMatch(/<!-- kept -->$/);
    expect(readFileSync(join(dir, 'w1', 'thesis.json'), 'utf8')).toBe(before);
    const other = spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args(join(dir, 'w1'), '--workers', '1', '--resume', '--seeds', '3')], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: TEST_ENV, input: '' });
    expect(other.status, other.stderr).toBe(0);
    expect(other.stderr).not.toContain('already holds');
    expect(JSON.parse(readFileSync(join(dir, 'w1', 'thesis.json'), 'utf8')).seeds).toEqual([1, 2, 3]);
    gambit(args(join(dir, 'w1'), '--workers', '1')); // back to the two seeds the files below are compared with
    // --help lists the experiments with their opponent sets (an analyst found the ids only in the error for a bad one)
    const help = gambit(['experiment', '--help']);
    expect(help.stdout).toMatch(/\nExperiments \(content\/experiments\/\):\n  thesis: JPN's strategies status-quo, hub, mud, defence, all; 10 seeds\n    opponent sets: personas, us-pressure, china-coercion, planners\n/);
    expect(help.stdout).toContain('seeds per cell, 2 to 1000');
    for (const w of ['2', '3']) for (const f of FILES) expect(readFileSync(join(dir, `w${w}`, f), 'utf8'), `${w} workers: ${f}`).toBe(readFileSync(join(dir, 'w1', f), 'utf8'));
    // the aggregates are of each game's unrounded figures (as tournament's and sweep's are): thesis.json's rows keep
    // them, only thesis.csv's per-game rows are rounded (to 4 decimals), and the report's means are the rows' means
    const rows = JSON.parse(readFileSync(join(dir, 'w1', 'thesis.json'), 'utf8')).rows as { strategy: string; score: number }[];
    const hub = rows.filter((x) => x.strategy === 'hub').map((x) => x.score);
    expect(hub.some((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) > 1e-6)).toBe(true);
    const html = readFileSync(join(dir, 'w1', 'report.html'), 'utf8');
    const mean = (hub[0] + hub[1]) / 2;
    expect(html).toContain(`<td>Processing hub with allied ore</td><td class="n">${mean > 0 ? '+' : ''}${mean.toFixed(2)}<br>`);
  }, 300_000);

  it('SIGTERM keeps the games played in the journal, says how to resume, exits 143; --resume (on other workers) ends with the same files', async () => {
    const out = join(dir, 'r');
    const journal = join(out, 'thesis.json.partial');
    const child = spawn(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args(out, '--workers', '1')], { cwd: ROOT, env: TEST_ENV });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let sent = false; // once: a second signal exits at once
    const poll = setInterval(() => {
      if (!sent && lines(journal) >= 4) sent = child.kill('SIGTERM'); // the header and three games
    }, 50);
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    clearInterval(poll);
    expect(code, stderr).toBe(143);
    expect(stderr).toMatch(new RegExp(`^experiment: interrupted \\(SIGTERM\\); (\\d+) of 10 games are kept in ${journal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}; run the same command with --resume to finish \\(--fresh to start again\\)$`, 'm'));
    const kept = Number(/; (\d+) of 10 games are kept/.exec(stderr)![1]);
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBe(lines(journal) - 1);
    expect(existsSync(join(out, 'thesis.json'))).toBe(false);
    // without --resume an existing journal is refused, not emptied
    const again = gambit(args(out, '--workers', '1'));
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds the journal of an interrupted run; add --resume/);
    expect(lines(journal)).toBe(kept + 1);
    // a copy of this journal is the next test's, to damage (saves it an interrupted run of its own)
    mkdirSync(join(dir, 'd'));
    cpSync(journal, join(dir, 'd', 'thesis.json.partial'));
    // a journal of another run of the experiment is refused, naming what differs
    const other = gambit(['experiment', 'thesis', '--seeds', '3', '--opponents', 'personas', '--no-progress', '--out', out, '--resume']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/belongs to another experiment: seeds 3 here, 2 in the journal/);
    const r = gambit(args(out, '--workers', '2', '--resume'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${kept} already in the journal`);
    expect(existsSync(journal)).toBe(false);
    if (!existsSync(join(dir, 'w1', 'thesis.json'))) expect(gambit(args(join(dir, 'w1'), '--workers', '1')).status).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(dir, 'w1', f), 'utf8'));
  }, 300_000);

  it('a journal damaged in the middle keeps its good lines on --resume, names the damaged one, keeps a copy, and ends with the same files', () => {
    const out = join(dir, 'd');
    const journal = join(out, 'thesis.json.partial');
    expect(existsSync(journal), 'the journal the SIGTERM test leaves a copy of').toBe(true);
    const kept = readFileSync(journal, 'utf8').split('\n').filter((l) => l.length > 0);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    // line 3 (the second game) changed as a bad disk block would change it: one number, its checksum left as it was
    const bad = [...kept];
    bad[2] = bad[2].replace(/(\d)(\d*\.\d+)/, (_, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`);
    expect(bad[2]).not.toBe(kept[2]);
    const original = bad.join('\n') + '\n';
    writeFileSync(journal, original);
    const r = gambit(args(out, '--workers', '1', '--resume'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${journal} line 3 is damaged`);
    expect(r.stderr).toContain(`the journal as it was is kept in ${journal}.damaged-1`);
    expect(r.stderr).toContain(`${kept.length - 2} already in the journal`);
    expect(readFileSync(`${journal}.damaged-1`, 'utf8')).toBe(original);
    if (!existsSync(join(dir, 'w1', 'thesis.json'))) expect(gambit(args(join(dir, 'w1'), '--workers', '1')).status).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(dir, 'w1', f), 'utf8'));
  }, 300_000);
});
