// Paired comparisons in `analyze`: profiles played on the same seeds are compared seed by seed. Golden figures from a
// hand-made table, worked out by hand and checked with Python's statistics module (not with the code under test).
import { describe, expect, it } from 'vitest';
import { analyzeTable, confidence, formatAnalysis, parsePayoffTable, type PayoffTable } from '../src/analysis/index.ts';

// Player A chooses x or y (player B has one strategy, so A's choice is the only comparison). On seeds 1, 2, 3:
//   A's score under x: 1, 3, 5        mean 3,     sd 2
//   A's score under y: 0, 2.5, 4.5    mean 7/3,   sd 2.254624876 (deviations -7/3, 1/6, 13/6; sum of squares 61/6)
// The two move together from seed to seed (a hard seed is hard for both), which is what common random numbers give.
//
// Paired: per-seed differences x - y = 1, 0.5, 0.5: mean 2/3, sd sqrt((1/9 + 1/36 + 1/36) / 2) = 0.288675135,
//   se 0.288675135 / sqrt(3) = 1/6, 95% interval 2/3 ± t(0.975, 2 df) = 4.303 × 1/6 = [-0.0505, 1.38383], z = 4.
// Unpaired: se sqrt(2²/3 + 2.254624876²/3) = 1.740051085; Welch df (4/3 + 61/36)² / ((4/3)²/2 + (61/36)²/2) = 3.94,
//   taken down to 3: 2/3 ± 3.182 × 1.740051085 = [-4.87017589, 6.20350922], z = 0.383130514.
// Resampling: every per-seed difference is positive, so any redraw of the three seeds keeps x ahead (the smallest
//   redrawn difference is 2/3 + sqrt(3/2) × (0.5 - 2/3) = 0.4625): stable in 100%. Drawn as independent normals, x
//   stays ahead with probability Phi(0.3831) = 0.649.
const PAIRED = 0.16666666666666666;
const UNPAIRED = 1.7400510848184252;

function table(withSeeds: boolean, extra = false): PayoffTable {
  const row = (s: string, a: number[], seeds = [1, 2, 3]) => {
    const mean = a.reduce((p, q) => p + q, 0) / a.length;
    const sd = Math.sqrt(a.reduce((p, q) => p + (q - mean) ** 2, 0) / (a.length - 1));
    return { strategies: { A: s, B: 'b' }, games: 3, mean: { A: mean, B: 1 }, sd: { A: sd, B: 0 }, ...(withSeeds ? { seeds, scores: { A: a, B: [1, 1, 1] } } : {}) };
  };
  const profiles = [row('x', [1, 3, 5]), row('y', [0, 2.5, 4.5])];
  // a third strategy played on other seeds (4-6): scores -1, 0, 1 (mean 0, sd 1); x - z = 3,
  // unpaired se sqrt(4/3 + 1/3) = 1.290994449, z = 2.32379001
  if (extra) profiles.push(row('z', [-1, 0, 1], [4, 5, 6]));
  return { format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'test', seed: 1, gamesPerProfile: 3, players: ['A', 'B'], strategies: { A: extra ? ['x', 'y', 'z'] : ['x', 'y'], B: ['b'] }, profiles };
}

const opts = { confidence: { samples: 2000, seed: 5 } };

describe('paired comparisons on common seeds (hand-made table)', () => {
  it('takes the best-response margin, the equilibrium margin and the deviation gain seed by seed', () => {
    const r = analyzeTable(table(true), opts);
    expect(r.pairing.basis).toBe('paired');
    const br = r.bestResponses.find((b) => b.player === 'A')!;
    expect(br.best).toEqual(['x']);
    expect(br.margin).toBeCloseTo(2 / 3, 12);
    expect(br.marginBasis).toBe('paired');
    expect(br.marginSe).toBeCloseTo(PAIRED, 12);
    expect(br.marginCi95![0]).toBeCloseTo(-0.0505, 10);
    expect(br.marginCi95![1]).toBeCloseTo(1.3838333333, 9);
    expect(br.stability).toBe(1);
    const eq = r.confidence!.equilibria[0];
    expect(eq.label).toBe('A=x B=b');
    expect(eq).toMatchObject({ basis: 'paired', stable: 1 });
    expect(eq.z).toBeCloseTo(4, 10);
    const dev = r.topProfile!.deviations.players[0];
    expect(dev).toMatchObject({ player: 'A', bestDeviation: 'y', basis: 'paired' });
    expect(dev.bestGain).toBeCloseTo(-2 / 3, 12);
    expect(dev.bestGainSe).toBeCloseTo(PAIRED, 12);
    expect(r.confidence!.resampling).toMatchObject({ seedBootstrap: 2, independent: 0 });
  });

  it('takes them as independent means when the table has no per-seed scores (an older payoffs.json), and says so', () => {
    const r = analyzeTable(table(false), opts);
    expect(r.pairing.basis).toBe('unpaired');
    const br = r.bestResponses.find((b) => b.player === 'A')!;
    expect(br.marginBasis).toBe('unpaired');
    expect(br.marginSe).toBeCloseTo(UNPAIRED, 9);
    expect(br.marginCi95![0]).toBeCloseTo(-4.870175885, 8);
    expect(br.marginCi95![1]).toBeCloseTo(6.203509219, 8);
    expect(br.stability).toBeGreaterThan(0.6); // Phi(0.383) = 0.649; 2000 draws give about ±0.011
    expect(br.stability).toBeLessThan(0.7);
    expect(r.confidence!.equilibria[0].z).toBeCloseTo(0.3831305141, 9);
    expect(r.confidence!.resampling).toMatchObject({ seedBootstrap: 0, independent: 2 });
    const text = formatAnalysis(r).replace(/\n +/g, ' ');
    expect(text).toContain('Comparisons: unpaired: the table has no per-seed scores (profiles[].seeds and profiles[].scores');
    expect(text).toContain('with the two profiles taken as independent');
  });

  it('pairs only the profiles that share seeds, and marks which figure is which', () => {
    const r = analyzeTable(table(true, true), opts);
    expect(r.pairing).toMatchObject({ basis: 'mixed', withSeeds: 3, seedSets: 2 });
    const eq = confidence(table(true, true), { equilibria: [{ A: 'x', B: 'b' }] }, { samples: 10 }).equilibria[0];
    // the closest deviation (to y) shares x's seeds; the weakest in se (to z, 3 / 1.290994449) does not
    expect(eq.basis).toBe('paired');
    expect(eq.minMargin).toBeCloseTo(2 / 3, 12);
    expect(eq.minMarginSe).toBeCloseTo(PAIRED, 12);
    expect(eq.weakestZ).toBeCloseTo(2.32379001, 7);
    const text = formatAnalysis(r);
    expect(text).toMatch(/0\.6667 +±0\.7172 p/);
    expect(text.replace(/\n +/g, ' ')).toContain('Comparisons: mixed: 3 of 3 profiles carry per-seed scores, on 2 different seed sets');
  });

  it('prints which was used, and the paired interval, in the text report', () => {
    const text = formatAnalysis(analyzeTable(table(true), opts));
    const flat = text.replace(/\n +/g, ' ');
    expect(flat).toContain('Comparisons: paired: all 2 profiles were played on the same 3 seeds 1-3');
    expect(flat).toContain('both seed by seed');
    expect(flat).toContain('paired: the 3 seeds redrawn with replacement, every profile together');
    expect(text).toMatch(/A=x +0\.6667 +±0\.7172 +4\.000 +100% of 2000/); // 4.303 / 6 = 0.71717
  });

  it('rejects per-seed scores that do not fit the row, naming the path', () => {
    const t = table(true);
    const bad = (f: (x: PayoffTable) => void) => {
      const c = structuredClone(t);
      f(c);
      return () => parsePayoffTable(c);
    };
    expect(bad((c) => delete c.profiles[0].scores)).toThrow(/\$\.profiles\[0\]\.scores: missing: per-seed scores need both seeds and scores/);
    expect(bad((c) => (c.profiles[1].seeds = [1, 2]))).toThrow(/\$\.profiles\[1\]\.seeds: 2 seeds for 3 games/);
    expect(bad((c) => (c.profiles[1].seeds = [1, 2, 1]))).toThrow(/\$\.profiles\[1\]\.seeds\[2\]: seed 1 is listed twice/);
    expect(bad((c) => delete c.profiles[0].scores!.B)).toThrow(/\$\.profiles\[0\]\.scores\.B: missing the per-seed scores of player "B"/);
    expect(bad((c) => (c.profiles[0].mean.A = 3.5))).toThrow(/\$\.profiles\[0\]\.mean\.A: 3\.5 is not the mean of its per-seed scores \(3\)/);
  });
});
