// An analyst's play-test: `gambit report` on an experiment's directory said "nothing to report" (it knew only batch
// outputs), and `gambit report` wrote over an existing report.html without a word, whoever had written it. Now it
// writes the experiment's report again from NAME.json (the same page), says "replaced:" for a report it wrote before,
// and leaves a report.html it did not write alone unless --force; so does `gambit experiment` with its --out.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, endProblem } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-report-exp-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const EXP = join(TMP, 'exp');
let page = '';

beforeAll(async () => {
  const r = await cli('experiment', 'thesis', '--seeds', '2', '--opponents', 'personas', '--workers', '1', '--no-progress', '--out', EXP);
  expect(r.code, r.stderr).toBe(0);
  page = readFileSync(join(EXP, 'report.html'), 'utf8');
}, 120_000);

describe('gambit report on an experiment directory', () => {
  it('writes the experiment report again from thesis.json, the same page the experiment wrote', async () => {
    rmSync(join(EXP, 'report.html'));
    const r = await cli('report', EXP);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`written: ${join(EXP, 'report.html')}\n`);
    expect(readFileSync(join(EXP, 'report.html'), 'utf8')).toBe(page);
    expect(readdirSync(EXP).sort()).toEqual(['report.html', 'thesis.csv', 'thesis.json']);
  });

  it('says it replaced the report it wrote before', async () => {
    const r = await cli('report', EXP);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`replaced: ${join(EXP, 'report.html')}\n`);
    expect(readFileSync(join(EXP, 'report.html'), 'utf8')).toBe(page);
  });

  it('refuses a directory with an experiment and batch outputs (one report.html cannot be both), writing nothing', async () => {
    const d = join(TMP, 'both');
    mkdirSync(d);
    copyFileSync(join(EXP, 'thesis.json'), join(d, 'thesis.json'));
    expect((await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', join(d, 's.jsonl'))).code).toBe(0);
    const r = await cli('report', d);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds an experiment (thesis.json) and batch outputs too (s.jsonl)');
    expect(readdirSync(d).sort()).toEqual(['s.csv', 's.jsonl', 'thesis.json']);
  });
});

describe('gambit report and an existing report.html', () => {
  it('a batch report: "written:" the first time, "replaced:" after; a report.html of its own is refused unless --force', async () => {
    const d = join(TMP, 'batch');
    mkdirSync(d);
    expect((await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', join(d, 's.jsonl'))).code).toBe(0);
    const html = join(d, 'report.html');
    expect((await cli('report', d)).stdout).toBe(`written: ${html}\n`);
    expect((await cli('report', d)).stdout).toBe(`replaced: ${html}\n`);
    writeFileSync(html, '<p>my notes on this run</p>\n');
    const r = await cli('report', d);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`gambit: report: ${html} is there and is not a report gambit wrote; move it away, or give --force to replace it\n`);
    expect(readFileSync(html, 'utf8')).toBe('<p>my notes on this run</p>\n');
    const forced = await cli('report', d, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toBe(`replaced: ${html}\n`);
    expect(readFileSync(html, 'utf8')).toContain('<title>Rare Earth Gambit: batch report</title>');
    // a directory by that name: said so (no --force could write over it), with or without --force
    rmSync(html);
    mkdirSync(html);
    for (const force of [[], ['--force']]) {
      const dirThere = await cli('report', d, ...force);
      expect(dirThere.code).toBe(2);
      expect(dirThere.stderr).toBe(`gambit: report: ${html} is a directory, where the report goes; move it away\n`);
    }
  });
});

describe('gambit experiment and an existing report.html in --out', () => {
  it('refuses a report.html it did not write before a game is played, and replaces it with --force', async () => {
    const d = join(TMP, 'exp-notes');
    mkdirSync(d);
    const html = join(d, 'report.html');
    writeFileSync(html, '<p>my notes on the last run</p>\n');
    const args = ['experiment', 'thesis', '--seeds', '2', '--opponents', 'personas', '--workers', '1', '--no-progress', '--out', d];
    const r = await cli(...args);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gambit: --out: ${html} is there and is not a report gambit wrote; move it away, or give --force to replace it\n`);
    expect(readdirSync(d)).toEqual(['report.html']);
    expect(readFileSync(html, 'utf8')).toBe('<p>my notes on the last run</p>\n');
    // its own report in --out is replaced without a word, as before
    copyFileSync(join(EXP, 'report.html'), html);
    const own = await cli(...args);
    expect(own.code, own.stderr).toBe(0);
    const forced = await cli(...args, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    writeFileSync(html, '<p>my notes again</p>\n');
    const again = await cli(...args, '--force');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toBe(page);
  }, 180_000);
});
