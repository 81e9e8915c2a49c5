// The "In short" opening of `gambit analyze`: which strategy wins for whom and how sure, and whether the equilibrium is
// firm, in words, checked on tables whose answers are known by hand.
import { describe, expect, it } from 'vitest';
import { analyzeTable, formatAnalysis, type PayoffTable } from '../src/analysis/index.ts';

type Cell = [number, number];
/** A two-player table from cells [uA, uB] (rows A's strategies, columns B's), every profile with `games` games of sd `sd`. */
function bimatrix(rows: string[], cols: string[], cells: Cell[][], games: number, sd: number): PayoffTable {
  const profiles = rows.flatMap((a, i) => cols.map((b, j) => ({ strategies: { A: a, B: b }, games, mean: { A: cells[i][j][0], B: cells[i][j][1] }, sd: { A: sd, B: sd } })));
  return { format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'test', seed: 1, gamesPerProfile: games, players: ['A', 'B'], strategies: { A: rows, B: cols }, profiles };
}

/** The In short section, its wrapped lines joined. */
function inShort(t: PayoffTable): string {
  const text = formatAnalysis(analyzeTable(t, { confidence: { samples: 200, seed: 3 } }));
  const start = text.indexOf('IN SHORT\n========\n');
  expect(start).toBeGreaterThan(0);
  expect(text.indexOf('IN SHORT')).toBeLessThan(text.indexOf('BEST RESPONSES'));
  return text.slice(start + 18, text.indexOf('\n\nBEST RESPONSES')).replace(/\n +/g, ' ').replace(/^ +/, '');
}

describe('analyze: In short', () => {
  it('says the units, and that a dominant strategy is sure and the equilibrium firm when every interval is clear of 0', () => {
    // prisoner's dilemma (T=5, R=3, P=1, S=0): D beats C by 2 (against C) and 1 (against D) for both; 10 games of sd
    // 0.5 a profile, unpaired: se sqrt(2 x 0.25 / 10) = 0.224, t(0.975, 18 df) = 2.101, half-width 0.47
    const s = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 5]], [[5, 0], [1, 1]]], 10, 0.5));
    expect(s).toMatch(/^Scores are points \(in a tournament's table, each game's score: its objective against the game on the same seed with every seat at the status quo, averaged over the turns\); a margin is how far the best strategy is ahead of the next best, and "sure" means its 95% interval stays clear of 0\./);
    expect(s).toContain('A: D, whatever the others play (all 2 cases), by 1 to 2 points; sure in every case (95% intervals clear of 0).');
    expect(s).toContain('B: D, whatever the others play (all 2 cases), by 1 to 2 points; sure in every case');
    expect(s).toMatch(/Equilibrium: A=D B=D: no player gains by changing strategy alone; firm: the closest deviation loses 1 ±0\.47 points\.$/);
  });

  it('says when the best strategy depends on the others, and that there is no pure equilibrium', () => {
    // matching pennies: A wants to match, B to differ
    const s = inShort(bimatrix(['H', 'T'], ['H', 'T'], [[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]], 10, 0.5));
    expect(s).toContain('A: it depends on the others: best is H in 1 (against B=H), T in 1 (against B=T) of 2 cases, by 2 points; sure in every case');
    expect(s).toContain('B: it depends on the others: best is T in 1 (against A=H), H in 1 (against A=T) of 2 cases');
    expect(s).toContain('Equilibrium: no profile in which every player already plays a best response');
  });

  it('names the case that cannot be told apart and calls an equilibrium resting on it not firm', () => {
    // A: C against B=C by 0.1 (inside the interval, half-width 0.47), D against B=D by 3; B: D dominant by 2
    const s = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3.1, 1], [0, 3]], [[3, 1], [3, 3]]], 10, 0.5));
    expect(s).toContain('A: it depends on the others: best is C in 1 (against B=C), D in 1 (against B=D) of 2 cases, by 0.1 to 3.0 points; sure in 1 of 2 cases. Not sure against B=C: C leads the next best by 0.1 ±0.47 points, an interval that takes in 0.'); // a range's two figures to the same decimals (it read 0.71 to 0.772)
    expect(s).toContain('Equilibrium: A=D B=D: no player gains by changing strategy alone; firm: the closest deviation loses 2 ±0.47 points.');
    // the same with B indifferent between C and D against A=C: A=C B=C is an equilibrium resting on a margin of 0.1
    const t = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3.1, 1], [0, 0]], [[3, 0], [3, 3]]], 10, 0.5));
    expect(t).toContain('Equilibrium 1 of 2: A=C B=C: no player gains by changing strategy alone; not firm: the closest deviation loses only 0.1 ±0.47 points, an interval that takes in 0 (more games per profile would tell).');
  });

  it('names every case that cannot be told apart, closest first, not only the closest', () => {
    // A: C ahead of D by 0.3, 0.1 and 0.2 against B=X, Y and Z (each inside the half-width 0.47); B: X, Y, Z worth 1 to A's 0
    const s = inShort(bimatrix(['C', 'D'], ['X', 'Y', 'Z'], [[[3.3, 1], [3.1, 0], [3.2, 0]], [[3, 1], [3, 0], [3, 0]]], 10, 0.5));
    expect(s).toContain(
      'A: not sure of any lead yet. Ahead: C, whatever the others play (all 3 cases), by 0.1 to 0.3 points. Not sure in all 3, each an interval that takes in 0: ' +
        'against B=Y, C leads the next best by 0.1 ±0.47 points; against B=Z, by 0.2 ±0.47; against B=X, by 0.3 ±0.47.',
    );
    // two of three unsure, a different leader in each: each named with its leader
    const t = inShort(bimatrix(['C', 'D'], ['X', 'Y', 'Z'], [[[3.1, 1], [0, 0], [3, 0]], [[3, 1], [3, 0], [3.2, 0]]], 10, 0.5));
    expect(t).toContain('sure in 1 of 3 cases. Not sure in 2, each an interval that takes in 0: against B=X, C leads the next best by 0.1 ±0.47 points; against B=Z, D by 0.2 ±0.47.');
  });

  it('names every tied case', () => {
    // A: C alone best against B=X, D and E tied against B=Y, C and E tied against B=Z
    const s = inShort(bimatrix(['C', 'D', 'E'], ['X', 'Y', 'Z'], [[[3, 0], [0, 1], [2, 0]], [[1, 0], [2, 1], [1, 0]], [[1, 0], [2, 1], [2, 0]]], 10, 0.5));
    expect(s).toContain('A: it depends on the others: best is C in 1 (against B=X), ties in 2 (D and E against B=Y; C and E against B=Z) of 3 cases');
  });

  it('says when a best response is among the strategies played only, and claims no equilibrium that rests on a missing profile', () => {
    // the prisoner's dilemma without the profile A=C B=D: A's C against B=D was never played
    const t = bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 5]], [[5, 0], [1, 1]]], 10, 0.5);
    t.profiles = t.profiles.filter((p) => !(p.strategies.A === 'C' && p.strategies.B === 'D'));
    const s = inShort(t);
    // against B=D only D was played: no best there (it was counted as D's, "whatever the others play": an analyst's review)
    // (and not "it depends on the others": D is best wherever it was compared, which is all that is known)
    expect(s).toContain('A: D, wherever it was compared, by 2 points; sure in every case (95% interval clear of 0). No best in 1 more case (2 in all), where one strategy alone was played.');
    expect(s).toContain('Equilibrium: none that can be claimed: 1 profile could be one, but some of its deviations were not played (under "Not claimed" below); a full tournament would tell.');
    expect(s).not.toContain('no profile in which every player already plays a best response');
  });

  it('says how many cases had nothing played, with counts that add up', () => {
    // the prisoner's dilemma with neither of A's strategies played against B=D (a sampled tournament): A's best is known
    // against B=C only (it read "it depends on the others: best is D in 1 of 2 cases", as if C won the other)
    const t = bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 5]], [[5, 0], [1, 1]]], 10, 0.5);
    t.profiles = t.profiles.filter((p) => p.strategies.B !== 'D');
    const s = inShort(t);
    expect(s).toContain('A: D, in every case known (1 of 2; nothing played in the other: profiles missing), by 2 points;');
    expect(s).not.toContain('it depends on the others');
  });

  it('says when a best strategy is tied, and calls an equilibrium that rests on a tie weak', () => {
    // A is indifferent between C and D against B=C, and D is best against B=D; B plays D whatever A does
    const s = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 5]], [[3, 0], [1, 1]]], 10, 0.5));
    expect(s).toContain('A: D, whatever the others play (all 2 cases), tied with C in 1 (against B=C), by 1 point; sure in the one case with a margin (95% interval clear of 0).');
    expect(s).toContain('Equilibrium: A=D B=D: no player gains by changing strategy alone; firm: the closest deviation loses 1 ±0.47 points.');
    // A indifferent against B=C, and B keeps C whatever A does: two equilibria, both resting on A's tie
    const w = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 2]], [[3, 3], [1, 0]]], 10, 0.5));
    expect(w).toContain('A: D, whatever the others play (all 2 cases), tied with C in 1 (against B=C), by 1 point;');
    expect(w).toContain('Equilibrium 1 of 2: A=C B=C: no player gains by changing strategy alone; weak: A would do as well with D (a tie).');
    expect(w).toContain('Equilibrium 2 of 2: A=D B=C: no player gains by changing strategy alone; weak: A would do as well with C (a tie).');
  });

  it('names a tie among the cases when no strategy is best in all of them', () => {
    // A has three strategies: C alone best against B=C, D and E tied against B=D; B plays D
    const s = inShort(bimatrix(['C', 'D', 'E'], ['C', 'D'], [[[3, 0], [0, 1]], [[1, 0], [2, 1]], [[1, 0], [2, 1]]], 10, 0.5));
    expect(s).toContain('A: it depends on the others: best is C in 1 (against B=C), a tie of D and E in 1 (against B=D) of 2 cases, by 2 points;');
  });

  it('does not claim sureness from 1 game a profile', () => {
    const s = inShort(bimatrix(['C', 'D'], ['C', 'D'], [[[3, 3], [0, 5]], [[5, 0], [1, 1]]], 1, 0));
    expect(s).toContain('A: D, whatever the others play (all 2 cases), by 1 to 2 points; how sure cannot be said (1 game per profile).');
    expect(s).toContain('Equilibrium: A=D B=D: no player gains by changing strategy alone; the closest deviation loses 1 point, with no interval.');
  });
});
