// `gambit tournament` aggregates each game's unrounded scores (as sweep and sobol do, tests/sweep-exact.test.ts): the
// means, sds and intervals of payoffs.json, payoffs.csv and the console table, and payoffs.json's per-seed scores that
// `analyze` pairs on, are of the games' own figures; only games.jsonl's per-game lines stay rounded as a result line is.
// The files are the same whatever the number of worker threads.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';
import { playOne } from '../src/cli/batch.ts';
import { COUNTRIES, type CountryId } from '../engine/index.ts';
import { fx } from '../src/cli/report-svg.ts';
import { meanSd } from '../src/analysis/stats.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-tournament-exact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** a number a result line would have rounded to two decimals */
const onGrid = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const FILES = ['payoffs.json', 'payoffs.csv', 'games.jsonl', 'games.csv'];

describe('tournament aggregates unrounded scores', () => {
  it('the payoff table holds the mean of the exact per-game scores, the same files for 1, 2 and 3 workers', () => {
    const runs = ['1', '2', '3'].map((w) => {
      const out = join(dir, `t${w}`);
      const r = gambit('tournament', '--pool', 'JPN=persona,diversifier', '--games-per-profile', '2', '--turns', '3', '--workers', w, '--no-progress', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return { stdout: r.stdout.replace(/t\d\/payoffs/, 't/payoffs'), files: FILES.map((f) => readFileSync(join(out, f), 'utf8')) };
    });
    for (const r of runs.slice(1)) {
      expect(r.files).toEqual(runs[0].files);
      expect(r.stdout).toBe(runs[0].stdout);
    }
    const table = JSON.parse(runs[0].files[0]) as { profiles: { strategies: Record<CountryId, string>; seeds: number[]; mean: Record<CountryId, number>; scores: Record<CountryId, number[]> }[] };
    // each game again on this thread, unrounded: the table's per-seed scores are these, and its means their means
    let offGrid = 0;
    for (const p of table.profiles) {
      const exact = p.seeds.map((seed, g) => playOne({ scenario: 'rare-earth-gambit', game: g, seed, agents: p.strategies, turns: 3, run: '0'.repeat(16), runGames: 1, exact: true }).scores);
      for (const c of COUNTRIES) {
        expect(p.scores[c], `${p.strategies.JPN} ${c}`).toEqual(exact.map((s) => s[c]));
        expect(p.mean[c], `${p.strategies.JPN} ${c}`).toBeCloseTo((exact[0][c] + exact[1][c]) / 2, 12);
        if (!onGrid(p.mean[c])) offGrid++;
      }
    }
    // rounded to 0.01 before averaging two games, every mean would lie on a 0.005 grid
    expect(offGrid).toBeGreaterThan(0);
    // games.jsonl's lines are rounded as self-play's are
    for (const t of runs[0].files[2].trim().split('\n')) for (const c of COUNTRIES) expect(onGrid(JSON.parse(t).scores[c]), t).toBe(true);
    // games.csv: a row per game of games.jsonl, its profile the row of payoffs.csv whose agents and seeds it played
    const [head, ...rows] = runs[0].files[3].trim().split('\n').map((l) => l.split(','));
    expect(head.slice(0, 3)).toEqual(['profile', 'game', 'seed']);
    const lines = runs[0].files[2].trim().split('\n').map((t) => JSON.parse(t) as { game: number; seed: number; agents: Record<CountryId, string> });
    expect(rows.map((r) => [Number(r[1]), Number(r[2])])).toEqual(lines.map((l) => [l.game, l.seed]));
    for (const r of rows) {
      const p = table.profiles[Number(r[0])];
      // the game's agents and its score are its profile's (the per-seed score of the table, rounded as a line is)
      expect(r[head.indexOf('agent_JPN')]).toBe(p.strategies.JPN === 'persona' ? 'persona-jpn' : p.strategies.JPN);
      for (const c of COUNTRIES) expect(Number(r[head.indexOf(`score_${c}`)]), `${r[0]} ${c}`).toBeCloseTo(p.scores[c][p.seeds.indexOf(Number(r[2]))]!, 2);
    }
    expect(new Set(rows.map((r) => r[head.indexOf('agent_JPN')])).size).toBe(2);
  }, 120_000);

  // `gambit report` on the tournament's folder (t1 above): its pooled figures of games.jsonl's games take each game's
  // unrounded score from payoffs.json; a table without per-seed scores leaves them rounded, and the report says so
  const pooled = (out: string) => {
    const r = gambit('report', out);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const games = html.slice(html.indexOf('<h3>games.jsonl</h3>'));
    const cells = (c: string) => [...new RegExp(`<tr><td><b>${c}</b></td>((?:<td class="n">[^<]*</td>)+)`).exec(games)![1].matchAll(/<td class="n">([^<]*)<\/td>/g)].map((m) => m[1]);
    return { text: games.slice(0, games.indexOf('</p>')), mean: Object.fromEntries(COUNTRIES.map((c) => [c, cells(c)[1]])) as Record<CountryId, string> };
  };
  // summed in increasing order, as the report sums them (a mean on a printed digit's edge, such as China's rounded
  // -0.045, prints the same only so)
  const meanOf = (xs: number[]) => meanSd([...xs].sort((a, b) => a - b)).mean;

  it('report: the pooled mean of the tournament’s games is the mean of their unrounded scores', () => {
    const out = join(dir, 't1');
    const table = JSON.parse(readFileSync(join(out, 'payoffs.json'), 'utf8')) as { profiles: { scores: Record<CountryId, number[]> }[] };
    const lines = readFileSync(join(out, 'games.jsonl'), 'utf8').trim().split('\n').map((t) => JSON.parse(t) as { scores: Record<CountryId, number> });
    const exact = (c: CountryId) => meanOf(table.profiles.flatMap((p) => p.scores[c]));
    const rounded = (c: CountryId) => meanOf(lines.map((l) => l.scores[c]));
    const r = pooled(out);
    for (const c of COUNTRIES) expect(r.mean[c], c).toBe(fx(exact(c)));
    expect(r.text).toMatch(/Scores are each game’s own, unrounded, from payoffs\.json’s per-seed scores/);
    // whether the exact and rounded means print differently here depends on the model's figures (the USA's did,
    // 0.016 against 0.015, until a model change), so a copy with the US scores set to ones whose rounded and exact
    // means print apart tells the two whatever the model gives: per game 0.0049, 0.0049, 0.0049 and 0.0149 (mean
    // 0.0074, printed 0.01), their lines 0, 0, 0 and 0.01 (mean 0.0025, printed 0.00)
    const shifted = join(dir, 'shifted');
    cpSync(out, shifted, { recursive: true });
    const sh = JSON.parse(readFileSync(join(shifted, 'payoffs.json'), 'utf8')) as { profiles: { scores: Record<CountryId, number[]>; mean: Record<CountryId, number>; sd: Record<CountryId, number> }[] };
    const set = [0.0049, 0.0049, 0.0049, 0.0149];
    sh.profiles.forEach((p, i) => {
      p.scores.USA = set.slice(2 * i, 2 * i + 2);
      ({ mean: p.mean.USA, sd: p.sd.USA } = meanSd(p.scores.USA));
    });
    writeFileSync(join(shifted, 'payoffs.json'), JSON.stringify(sh));
    const gl = readFileSync(join(shifted, 'games.jsonl'), 'utf8').trim().split('\n').map((t) => JSON.parse(t) as { game: number; scores: Record<CountryId, number> });
    for (const l of gl) l.scores.USA = Math.round(set[l.game] * 100) / 100;
    writeFileSync(join(shifted, 'games.jsonl'), gl.map((l) => JSON.stringify(l) + '\n').join(''));
    expect(fx(meanOf(set))).toBe('0.01');
    expect(fx(meanOf(gl.map((l) => l.scores.USA)))).toBe('0.00');
    expect(pooled(shifted).mean.USA).toBe('0.01');
    // an older folder: payoffs.json without per-seed scores; the figures are games.jsonl's, and the report says why
    const old = join(dir, 'old');
    cpSync(out, old, { recursive: true });
    const t = JSON.parse(readFileSync(join(old, 'payoffs.json'), 'utf8')) as { profiles: Record<string, unknown>[] };
    for (const p of t.profiles) delete p.seeds, delete p.scores;
    writeFileSync(join(old, 'payoffs.json'), JSON.stringify(t));
    const o = pooled(old);
    for (const c of COUNTRIES) expect(o.mean[c], c).toBe(fx(rounded(c)));
    expect(o.text).toMatch(/Scores are games\.jsonl’s, rounded to 0\.01 a game: payoffs\.json has no per-seed scores/);
    // games.jsonl of another tournament (a score that is not the table's rounded): rounded figures, and why
    const other = join(dir, 'other');
    cpSync(out, other, { recursive: true });
    const g = readFileSync(join(other, 'games.jsonl'), 'utf8').split('\n');
    const l0 = JSON.parse(g[0]) as { scores: Record<CountryId, number> };
    l0.scores.USA = Math.round((l0.scores.USA + 0.01) * 100) / 100;
    writeFileSync(join(other, 'games.jsonl'), [JSON.stringify(l0), ...g.slice(1)].join('\n'));
    expect(pooled(other).text).toMatch(/rounded to 0\.01 a game: game 0’s score of USA, [-\d.]+, is not payoffs\.json’s [-\d.e]+ rounded/);
  }, 60_000);
});
