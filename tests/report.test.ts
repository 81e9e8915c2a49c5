// `gambit report DIR` end to end: tiny real batches in a temp dir, then the self-contained HTML, the CSVs and the one-line errors.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV, gambit, type Run } from './cli-run.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-report-'));
const DIR = join(TMP, 'batch');
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const COUNTRIES = ['AUS', 'CHN', 'JPN', 'MYS', 'USA'];

function gambitAsync(...args: string[]): Promise<Run> {
  return new Promise((res, rej) => {
    const c = spawn(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, env: TEST_ENV });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d) => (stdout += d));
    c.stderr.on('data', (d) => (stderr += d));
    c.on('error', rej);
    c.on('close', (code) => res({ code, stdout, stderr }));
  });
}
const ok = (r: Run) => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
};
const lines = (s: string) => s.replace(/\n$/, '').split('\n');

/** RFC 4180: quoted cells may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

let report: Run;
let html: string;
beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  const fork = async () => {
    ok(await gambitAsync('run', '--seed', '2', '--turns', '8', '--format', 'jsonl', '--out', join(DIR, 'r.json')));
    ok(await gambitAsync('fork', join(DIR, 'r.json'), '--at', '3', '--agents', 'CHN=hawk', '--runs', '3', '--out', join(DIR, 'x.fork.json')));
  };
  await Promise.all([
    gambitAsync('tournament', '--pool', 'JPN=persona,diversifier', '--pool', 'CHN=persona,hawk', '--games-per-profile', '2', '--turns', '3', '--workers', '1', '--out', DIR, '--no-progress').then(ok),
    gambitAsync('sweep', '--param', 'goods.autos.sigma=1.5,3', '--games', '2', '--turns', '3', '--workers', '1', '--out', DIR, '--no-progress').then(ok),
    gambitAsync('selfplay', '--games', '3', '--turns', '3', '--workers', '1', '--out', join(DIR, 's.jsonl'), '--no-progress').then(ok),
    fork(),
  ]);
  report = gambit('report', DIR);
  html = existsSync(join(DIR, 'report.html')) ? readFileSync(join(DIR, 'report.html'), 'utf8') : '';
}, 120_000);

describe('gambit report DIR', () => {
  it('exits 0 and prints one line per file written', () => {
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    const out = lines(report.stdout);
    expect(out).toHaveLength(3);
    for (const f of ['report.html', 'report-tournament.csv', 'report-sweep.csv']) {
      expect(out).toContain(`written: ${join(DIR, f)}`);
      expect(existsSync(join(DIR, f))).toBe(true);
    }
    expect(readdirSync(DIR).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('is self-contained: no scripts, stylesheets, fonts or addresses outside the file', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('says what it found and has every section, with the countries', () => {
    for (const f of ['payoffs.json', 'sweep.json', 'x.fork.json', 's.jsonl', 'games.jsonl']) expect(html).toContain(`<code>${f}</code>`);
    // the tournament's games.jsonl is said to be its games, a self-play run's lines self-play's
    expect(html).toMatch(/<code>games\.jsonl<\/code>: \d+ games of the tournament, a result line each/);
    expect(html).toMatch(/<code>s\.jsonl<\/code>: \d+ games of self-play results/);
    for (const h of ['Tournament', 'Sweep', 'Fork', 'Self-play']) expect(html).toMatch(new RegExp(`<h2 id="[a-z]+">${h}</h2>`));
    for (const c of COUNTRIES) expect(html).toContain(c);
    for (const s of ['Best responses', 'Equilibrium candidates', 'Replicator dynamics', 'α-Rank', 'Deviation gains', 'goods.autos.sigma', 'CHN=hawk instead of CHN=persona-chn']) expect(html).toContain(s);
    expect(html).toMatch(/0\.\d\d <span class="ci">± \d\.\d\d<\/span>/); // mean ± half-width of the 95% interval
    // the fork's mean difference split by objective, as `gambit fork` prints it, its parts adding up to the mean
    const fork = JSON.parse(readFileSync(join(DIR, 'x.fork.json'), 'utf8')) as { results: { country: string; meanDiff: number; meanDiffBy: Record<string, number> }[] };
    const split = html.slice(html.indexOf('<caption>The mean difference split by objective'));
    expect(split).toContain('<th scope="col" class="n">supply independence</th>');
    for (const r of fork.results) {
      const row = split.slice(split.indexOf(`<td><b>${r.country}</b></td>`), split.indexOf('</tr>', split.indexOf(`<td><b>${r.country}</b></td>`)));
      const cells = [...row.matchAll(/<td class="n">([^<]+)<\/td>/g)].map((m) => Number(m[1].replace('\u2212', '-')));
      expect(cells).toHaveLength(8);
      expect(cells[0]).toBeCloseTo(r.meanDiff, 2);
      expect(cells.slice(1).reduce((a, x) => a + x, 0)).toBeCloseTo(r.meanDiff, 1);
    }
    // the tournament's games pooled over its profiles are not draws of one setting: no interval of their mean
    const games = html.slice(html.indexOf('<h3>games.jsonl</h3>'));
    expect(games).toMatch(/agent combinations, pooled .*so no interval of the pooled mean/);
    expect(games.slice(0, games.indexOf('</table>'))).toContain('n/a (pooled)');
  });

  it('draws SVG charts, each with a title, a text alternative and axis labels with units', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    // tournament bars, sweep bars, fork dots, 5 histograms for s.jsonl and 5 for games.jsonl
    expect(svgs.length).toBe(13);
    for (const s of svgs) {
      expect(s).toMatch(/role="img"/);
      expect(s).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
      expect(s).toMatch(/<desc id="[^"]+">[^<]{20,}<\/desc>/);
      expect(s).toMatch(/points|standard deviations|games/);
    }
    const marks = [...html.matchAll(/<(?:rect|circle)[^>]*? fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1].toUpperCase());
    expect(marks.length).toBeGreaterThan(20);
    for (const c of new Set(marks)) expect(['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999']).toContain(c); // Okabe-Ito
  });

  it('writes CSVs that parse as they are: a header, then rows of the same width', () => {
    const t = parseCsv(readFileSync(join(DIR, 'report-tournament.csv'), 'utf8'));
    expect(t[0]).toEqual(['profile', ...COUNTRIES.map((c) => `agent_${c}`), 'games', 'country', 'strategy', 'mean', 'sd', 'ci95_low', 'ci95_high', 'equilibrium']);
    expect(t).toHaveLength(1 + 4 * 5);
    for (const r of t) expect(r).toHaveLength(t[0].length);
    // a profile's number is the tournament's payoffs.csv's, from 0, so the two join on it
    expect([...new Set(t.slice(1).map((r) => r[0]))]).toEqual(['0', '1', '2', '3']);
    for (const r of t.slice(1)) for (const k of ['mean', 'sd', 'ci95_low', 'ci95_high']) expect(Number.isFinite(Number(r[t[0].indexOf(k)]))).toBe(true);
    const s = parseCsv(readFileSync(join(DIR, 'report-sweep.csv'), 'utf8'));
    expect(s[0].slice(0, 5)).toEqual(['rank', 'parameter', 'base', 'values', 'overall']);
    expect(s).toHaveLength(2);
    expect(s[1][1]).toBe('goods.autos.sigma');
    for (const r of s) expect(r).toHaveLength(s[0].length);
  });

  it('gives the same bytes for the same inputs', () => {
    ok(gambit('report', DIR));
    expect(readFileSync(join(DIR, 'report.html'), 'utf8')).toBe(html);
  });

  it('uses analysis.json when it is there instead of recomputing', () => {
    const d = join(TMP, 'analysis');
    mkdirSync(d);
    copyFileSync(join(DIR, 'payoffs.json'), join(d, 'payoffs.json'));
    ok(gambit('analyze', join(d, 'payoffs.json'), '--samples', '20', '--out', join(d, 'analysis.json')));
    const a = JSON.parse(readFileSync(join(d, 'analysis.json'), 'utf8'));
    a.notes.push('A NOTE ONLY IN THE FILE');
    writeFileSync(join(d, 'analysis.json'), JSON.stringify(a));
    const r = ok(gambit('report', d));
    expect(lines(r.stdout)).toEqual([`written: ${join(d, 'report-tournament.csv')}`, `written: ${join(d, 'report.html')}`]);
    const h = readFileSync(join(d, 'report.html'), 'utf8');
    expect(h).toContain('A NOTE ONLY IN THE FILE');
    expect(h).not.toContain('<h2 id="sweep">');
    expect(h).toContain('Not found:');
    // the tournament's common seeds: margins compared seed by seed, with their intervals
    expect(h).toMatch(/Comparisons: paired: all \d+ profiles were played on the same \d+ seeds/);
    expect(h).toMatch(/<th[^>]*>margin ±95%<\/th>/);
    expect(h).toMatch(/±\d/);
    // it opens with the analysis's In short: each choosing country's best strategy in points, and the equilibrium
    const inShort = h.slice(h.indexOf('<h4>In short</h4>'), h.indexOf('<h4>Best responses</h4>')).replace(/<[^>]+>/g, '\n');
    expect(inShort).toMatch(/\nScores are points /);
    expect(inShort).toMatch(/\nCHN: \S/);
    expect(inShort).toMatch(/\nJPN: \S/);
    expect(inShort).toMatch(/\nEquilibrium/);
    // an analysis.json from before pairing still reads, and says its comparisons were unpaired
    const older = structuredClone(a);
    delete older.pairing;
    for (const b of older.bestResponses) delete b.marginCi95;
    writeFileSync(join(d, 'analysis.json'), JSON.stringify(older));
    ok(gambit('report', d));
    const old = readFileSync(join(d, 'report.html'), 'utf8');
    expect(old).toContain('Comparisons: unpaired: this analysis.json predates paired comparisons');
    expect(old).not.toContain('In short'); // its margins have no intervals to say how sure
    a.strategies.JPN = ['persona', 'hawk'];
    writeFileSync(join(d, 'analysis.json'), JSON.stringify(a));
    const bad = gambit('report', d);
    expect(bad.code).toBe(1);
    expect(lines(bad.stderr)).toHaveLength(1);
    expect(bad.stderr).toMatch(/analysis\/analysis\.json: .*payoffs\.json/);
  });
});

describe('gambit report and a fork saved under another name', () => {
  it('reads a *.json whose opening names the fork format, and no other', () => {
    // `gambit fork --out mine.json` writes the fork under the name given; the report left it out, unsaid
    const d = join(DIR, 'fork-named');
    mkdirSync(d, { recursive: true });
    copyFileSync(join(DIR, 'x.fork.json'), join(d, 'mine.json'));
    writeFileSync(join(d, 'notes.json'), '{"format": "something-else", "a": 1}\n');
    const r = gambit('report', d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = readFileSync(join(d, 'report.html'), 'utf8');
    expect(h).toContain('<code>mine.json</code>');
    expect(h).not.toContain('notes.json');
    expect(h).toMatch(/<h2 id="[a-z]+">Fork<\/h2>/);
  });
});

describe('gambit report of a table with a profile missing', () => {
  it('does not call a strategy best whatever the others play where an alternative was never played', () => {
    const d = join(TMP, 'sampled');
    mkdirSync(d);
    const t = JSON.parse(readFileSync(join(DIR, 'payoffs.json'), 'utf8'));
    t.profiles = t.profiles.slice(0, 3);
    writeFileSync(join(d, 'payoffs.json'), JSON.stringify(t));
    ok(gambit('report', d));
    const text = readFileSync(join(d, 'report.html'), 'utf8').replace(/<[^>]+>/g, '');
    // where an alternative was never played, one strategy was played alone: no best there, said (it read "best among
    // the known only" of a strategy with nothing to beat)
    expect(text).toMatch(/best response \w+ in 1 of 2 situations\. No best in 1 of them, where one strategy alone was played\./);
    expect(text).not.toMatch(/is best whatever the others play/);
  });
});

describe('gambit report errors: one line naming the file, exit 1, nothing written', () => {
  const bad = (name: string, files: Record<string, string>) => {
    const d = join(TMP, name);
    mkdirSync(d);
    copyFileSync(join(DIR, 's.jsonl'), join(d, 's.jsonl'));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
    const r = gambit('report', d);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(readdirSync(d).filter((f) => f.startsWith('report'))).toEqual([]);
    return r.stderr;
  };

  it('a payoffs.json with a wrong value', () => {
    const t = JSON.parse(readFileSync(join(DIR, 'payoffs.json'), 'utf8'));
    t.profiles[0].mean.JPN = 'high';
    expect(bad('wrong-value', { 'payoffs.json': JSON.stringify(t) })).toMatch(/^gambit: report: \S+wrong-value\/payoffs\.json: \$\.profiles\[0\]\.mean\.JPN: .+/);
  });

  it('a payoffs.json that is not JSON', () => {
    expect(bad('not-json', { 'payoffs.json': '{"format": "rare-earth-gambit-payoffs",' })).toMatch(/not-json\/payoffs\.json: not valid JSON/);
  });

  it('a fork file and a results line that do not fit', () => {
    expect(bad('bad-fork', { 'x.fork.json': JSON.stringify({ format: 'rare-earth-gambit-fork', version: 1 }) })).toMatch(/bad-fork\/x\.fork\.json: \$\.\w+: /);
    expect(bad('bad-line', { 't.jsonl': `${lines(readFileSync(join(DIR, 's.jsonl'), 'utf8'))[0]}\n{"game": 1,\n` })).toMatch(/bad-line\/t\.jsonl: line 2: not valid JSON/);
  });

  it('an empty or missing directory: a bad path, exit 2 as a bad flag (tests/exit-codes.test.ts)', () => {
    const d = join(TMP, 'empty');
    mkdirSync(d);
    const r = gambit('report', d);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/nothing to report: no payoffs\.json, .*sweep\.json/);
    expect(readdirSync(d)).toEqual([]);
    const nowhere = gambit('report', join(TMP, 'nowhere'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/nowhere: no such directory/);
  });
});
