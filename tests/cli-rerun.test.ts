// A batch run again into the same place says it replaced what was there, and what an earlier run left beside a
// different table (an analysis, a report) is named as stale rather than silently kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-rerun-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('running a batch again into the same output', () => {
  it('run --out: a replay written, the same one again, then a different one replacing it (it went silently)', () => {
    const f = join(TMP, 'r.json');
    const r = (turns: string, ...more: string[]) => gambit('run', '--turns', turns, '--out', f, ...more);
    expect(r('1').stdout).toMatch(new RegExp(`\nreplay written to ${f.replace(/[.]/g, '\\.')}\n$`));
    expect(r('1').stdout).toContain(`replay written to ${f} (the same replay as the one there)`);
    expect(r('2').stdout).toContain(`replay written to ${f} (replacing a different replay that was there)`);
    // jsonl keeps stdout for the data: the replacement is said on stderr
    const j = r('1', '--format', 'jsonl');
    expect([j.code, j.stderr]).toEqual([0, `gambit: run: replay written to ${f} (replacing a different replay that was there)\n`]);
    expect(j.stdout).not.toContain('replay written');
  });
  it('tournament: written, then replaced (the same table), then replaced with the stale analysis named', () => {
    const dir = join(TMP, 't');
    const t = (turns: string) => gambit('tournament', '--pool', 'JPN=status-quo,hawk', '--games-per-profile', '2', '--turns', turns, '--out', dir);
    const first = t('3');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`\nwritten: ${join(dir, 'payoffs.json')}, payoffs.csv, games.jsonl, games.csv\n`);
    expect(gambit('analyze', join(dir, 'payoffs.json'), '--out', join(dir, 'analysis.json')).code).toBe(0);
    const same = t('3');
    expect(same.stdout).toContain(`\nreplaced: ${join(dir, 'payoffs.json')}, payoffs.csv, games.jsonl, games.csv (the same table as before)\n`);
    expect(same.stdout).not.toContain('note:'); // the analysis is of this very table
    const other = t('4');
    expect(other.code).toBe(0);
    expect(other.stdout).toContain(`\nreplaced: ${join(dir, 'payoffs.json')}, payoffs.csv, games.jsonl, games.csv\n`);
    expect(other.stdout).toContain(`note: ${join(dir, 'analysis.json')} is of the earlier table, not this one; gambit analyze ${join(dir, 'payoffs.json')} --out ${join(dir, 'analysis.json')}, then gambit report ${dir}\n`);
    // and report agrees that it is stale
    const rep = gambit('report', dir);
    expect(rep.code).not.toBe(0);
    expect(rep.stderr).toContain('it is the analysis of another payoff table than payoffs.json');
  });

  it('selfplay: the second run says it replaced the earlier files', () => {
    const out = join(TMP, 's.jsonl');
    const a = gambit('selfplay', '--games', '2', '--turns', '2', '--out', out);
    expect(a.code).toBe(0);
    expect(a.stderr).toMatch(/^2 games written to .*s\.jsonl and .*s\.csv\n/m);
    // and against what the files' scores are (an analyst read a seat's -5 there as its own failing)
    expect(a.stderr).toMatch(/\nscores: points against one all-status-quo game a seed \(the batch yardstick\).*\(README, The model, 12\. Scoring\)\n$/);
    expect(a.stderr).not.toContain('replacing');
    const b = gambit('selfplay', '--games', '2', '--turns', '2', '--out', out);
    expect(b.stderr).toMatch(/2 games written to .*s\.jsonl and .*s\.csv \(replacing the earlier files\)\n/);
  });

  // an analyst's second sweep into the same directory said only "written:", beside the report of the first
  it('sweep: written, then replaced (the same sweep), then replaced with the stale report named', () => {
    const dir = join(TMP, 'w');
    const w = (values: string) => gambit('sweep', '--param', `goods.autos.sigma=${values}`, '--games', '1', '--turns', '2', '--no-progress', '--out', dir);
    const first = w('1.5,3');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`\nwritten: ${join(dir, 'sweep.json')}, sweep.csv\n`);
    expect(gambit('report', dir).code).toBe(0);
    const same = w('1.5,3');
    expect(same.stdout).toContain(`\nreplaced: ${join(dir, 'sweep.json')}, sweep.csv (the same sweep as before)\n`);
    expect(same.stdout).not.toContain('note:');
    const other = w('1.5,3.5');
    expect(other.stdout).toContain(`\nreplaced: ${join(dir, 'sweep.json')}, sweep.csv\n`);
    expect(other.stdout).toContain(`note: ${join(dir, 'report.html')} and ${join(dir, 'report-sweep.csv')} are of the earlier sweep, not this one; gambit report ${dir}\n`);
  });
});
