// An analyst's play-test: `analyze` of a tournament of 3 seeds said "not firm" (the margin's 95% t interval takes in
// 0) beside "stable 100%" (it held in every resample): resampling 3 seeds can draw only 10 different sets, none of
// them more doubtful than the seeds themselves, so both were true and the report did not say which to go by. Now the
// stability that disagrees with its interval is starred and explained, in the text and in the HTML report.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distinctDraws } from '../src/analysis/resample-caveat.ts';
import { cli, endProblem } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-few-seeds-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const C = ['AUS', 'CHN', 'JPN', 'MYS', 'USA'];

/** A payoff table where only JPN chooses (persona or hawk), on the same seeds; the others score 0 throughout. */
function table(persona: number[], hawk: number[]): string {
  const seeds = persona.map((_, i) => i + 1);
  const sd = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  };
  const profile = (jpn: string, js: number[]) => {
    const scores = Object.fromEntries(C.map((c) => [c, c === 'JPN' ? js : js.map(() => 0)]));
    return { strategies: Object.fromEntries(C.map((c) => [c, c === 'JPN' ? jpn : 'persona'])), games: js.length, mean: Object.fromEntries(C.map((c) => [c, scores[c].reduce((a, b) => a + b, 0) / js.length])), sd: Object.fromEntries(C.map((c) => [c, sd(scores[c])])), seeds, scores };
  };
  return JSON.stringify({ format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'rare-earth-gambit', seed: 1, gamesPerProfile: persona.length, turns: 6, players: C, strategies: Object.fromEntries(C.map((c) => [c, c === 'JPN' ? ['persona', 'hawk'] : ['persona']])), profiles: [profile('persona', persona), profile('hawk', hawk)] });
}

describe('analyze with few seeds: stability and interval say one thing', () => {
  it('3 seeds, every one ahead, t interval taking in 0: not firm, and the 100% is starred and explained', async () => {
    const f = join(TMP, 'three.json');
    // per-seed margins 0.5, 1, 2: mean 1.17, t interval ±1.9 with 2 degrees of freedom; every resample ahead
    writeFileSync(f, table([0.5, 1, 2], [0, 0, 0]));
    const r = await cli('analyze', f);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\n\s+/g, ' ');
    expect(text).toContain('not firm: the closest deviation loses only 1.17 ±1.9 points, an interval that takes in 0; it stays an equilibrium in 100% of resamples, but resampling only redraws the 3 seeds played (10 different draws), so it cannot show more doubt than they do; the 95% interval, which allows for how few games there are, is the one to go by');
    expect(text).toContain('an interval that takes in 0. It stays best in 100% of resamples, but resampling only redraws the 3 seeds played');
    // several cases: their shares as one when they are one ("Each stays best in 100% or more of resamples" was said)
    const { stabilityRange } = await import('../src/analysis/summary.ts');
    expect([stabilityRange([1, 1]), stabilityRange([0.77, 1]), stabilityRange([0.771, 0.768])]).toEqual(['100%', '77% or more', '77%']);
    expect(r.stdout).toMatch(/ persona +1\.167 +1\.167 +±1\.897 +100%\*\n/);
    expect(r.stdout).toMatch(/JPN=persona +1\.167 +±1\.897 +[\d.]+ +100% of 500\*\n/);
    expect(text).toContain('*: stable, yet the ±95% interval takes in 0, so not firm: resampling only redraws the 3 seeds played');
    expect(text).toContain('*: stable, yet the ±95% interval takes in 0, so not sure: resampling only redraws the 3 seeds played');
    // the best-response count says how many of the leads are sure (an analyst read "best in persona 4/4" as settled)
    expect(r.stdout).toMatch(/\nJPN: best in persona 1\/1 \(sure in 0\)\n/);
    expect(text).toContain('Best: the highest mean score; sure: ahead by a margin whose 95% interval is clear of 0.');
    // and the replicator's and α-Rank's shares, which take the means as exact, are said to rest on it
    expect(text).toMatch(/The replicator's shares( and Alpha-Rank's masses below)? take the mean scores as exact: the one best response with an interval leads by a margin whose 95% interval takes in 0, so what rests on it is not sure either\./);
    // the HTML report says the same where it gives the stability
    const d = join(TMP, 'rep');
    mkdirSync(d);
    writeFileSync(join(d, 'payoffs.json'), table([0.5, 1, 2], [0, 0, 0]));
    expect((await cli('report', d)).code).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(html).toMatch(/stays an equilibrium in 100% of 500 resamples, yet it is not firm: the margin's 95% interval takes in 0, and resampling only redraws the 3 seeds played \(10 different draws\)/);
    // and its best-response table stars the 100% and says why under it, as the text does
    expect(html).toMatch(/100%\*/);
    expect(html).toContain("*: the same best in (nearly) every resample, yet the margin's 95% interval takes in 0, so not sure: resampling only redraws the 3 seeds played");
    // not "best whatever the others play" on a lead within noise, as its "In short" says (the page said both)
    expect(html).toContain('JPN: best response persona in 1 of 1 situation — persona has the highest mean whatever the others play, but in every one of them its lead’s 95% interval takes in 0 (not sure).');
    expect(html).not.toContain('is best whatever the others play');
    expect(html).toMatch(/take the mean scores as exact: the one best response with an interval leads by a margin whose 95% interval takes in 0, so what rests on it is not sure either\./);
    // the deviation gains carry their interval, as the text's table does
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toMatch(/<th[^>]*>gain ±95%<\/th>/);
    expect(html).toContain('JPNpersona1.17hawk−1.167±1.8970');
  });

  it('a firm margin is not starred and has no caveat', async () => {
    const f = join(TMP, 'firm.json');
    writeFileSync(f, table([1, 1.1, 0.9, 1.05, 0.95], [0, 0.1, -0.1, 0.05, -0.05]));
    const r = await cli('analyze', f);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\n\s+/g, ' ');
    expect(text).toContain('; firm: the closest deviation loses');
    expect(text).not.toContain('not firm');
    expect(text).not.toMatch(/%\*|resampling only redraws/);
    expect(r.stdout).toMatch(/\nJPN: best in persona 1\/1 \(sure in 1\)\n/);
    expect(text).not.toContain('take the mean scores as exact');
    const d = join(TMP, 'firm-rep');
    mkdirSync(d);
    writeFileSync(join(d, 'payoffs.json'), table([1, 1.1, 0.9, 1.05, 0.95], [0, 0.1, -0.1, 0.05, -0.05]));
    expect((await cli('report', d)).code).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(html).toContain('JPN: best response persona in 1 of 1 situation — persona is best whatever the others play.');
    expect(html).not.toContain('take the mean scores as exact');
  });

  it('a strategy alone among those played has no margin, so no stability: "-", not "100%" (an analyst\'s --sample run)', async () => {
    const f = join(TMP, 'alone.json');
    const t = JSON.parse(table([0.5, 1, 2], [0, 0, 0]));
    t.profiles = t.profiles.filter((p: { strategies: Record<string, string> }) => p.strategies.JPN === 'persona');
    writeFileSync(f, JSON.stringify(t));
    const r = await cli('analyze', f);
    expect(r.code, r.stderr).toBe(0);
    // (and no best: "only persona", the one played, not "persona" as if it had beaten the others)
    const row = r.stdout.split('\n').find((l) => /^  AUS=persona CHN=persona MYS=persona +only persona /.test(l));
    expect(row, r.stdout).toBeDefined();
    expect(row!.trim().split(/\s+/).slice(-4)).toEqual(['-', '-', '-', 'hawk']);
    const d = join(TMP, 'alone-rep');
    mkdirSync(d);
    writeFileSync(join(d, 'payoffs.json'), JSON.stringify(t));
    expect((await cli('report', d)).code).toBe(0);
    // the row: only persona, its mean, then margin, interval and stability all "–", and hawk unknown
    expect(readFileSync(join(d, 'report.html'), 'utf8')).toMatch(/<td>only persona<\/td><td class="n">[^<]+<\/td><td class="n">–<\/td><td class="n">–<\/td><td class="n">–<\/td><td>hawk<\/td><\/tr>/);
  });

  it('one game a profile: no interval, so the HTML does not call the leader best, and the shares say how sure cannot be said', async () => {
    const d = join(TMP, 'one-rep');
    mkdirSync(d);
    // (a tournament of 1 game a profile writes each sd as 0)
    writeFileSync(join(d, 'payoffs.json'), table([1], [0]).replace(/null/g, '0'));
    const rep = await cli('report', d);
    expect(rep.code, rep.stderr).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(html).toContain('persona has the highest mean whatever the others play (1 game per profile: how sure cannot be said).');
    expect(html).not.toContain('is best whatever the others play');
    expect(html).toMatch(/take the mean scores as exact, and with 1 game per profile no lead has an interval: how sure they are cannot be said\./);
  });

  it('counts the different draws of m seeds', () => {
    expect([1, 2, 3, 5, 10].map(distinctDraws)).toEqual([1, 3, 10, 126, 92378]);
  });
});

// the HTML report rounded a stability of 99.8% up to "100%" where the text analysis said 99.8% (an analyst's review):
// "100%" is said only of every resample
describe('a share of resamples', () => {
  it('is 100% only when it is every resample, in the text and the HTML report alike', async () => {
    const { resamplePct } = await import('../src/analysis/resample-caveat.ts');
    expect([0.998, 0.9951, 0.995, 0.9995, 0.99949, 1, 0.5, null].map((f) => resamplePct(f))).toEqual(['99.8%', '99.5%', '99.5%', '99.9%', '99.9%', '100%', '50%', '-']);
    expect(resamplePct(undefined, '–')).toBe('–');
  });
});
