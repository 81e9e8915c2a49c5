// The payoff-table analysis (src/analysis) checked on textbook games whose answers are known.
import { describe, expect, it } from 'vitest';
import {
  alphaRank,
  analyzeTable,
  bestResponses,
  confidence,
  deviationGains,
  formatAnalysis,
  missingProfiles,
  parsePayoffTable,
  PayoffTableError,
  pureEquilibria,
  replicatorDynamics,
  type PayoffTable,
  type Profile,
} from '../src/analysis/index.ts';

/** A full-factorial table from a payoff function; games 1 and sd 0 unless given. */
function build(pools: Record<string, string[]>, pay: (p: Profile) => number[], opts: { sd?: number; games?: number; drop?: Profile[] } = {}): PayoffTable {
  const players = Object.keys(pools);
  let combos: Profile[] = [{}];
  for (const p of players) combos = combos.flatMap((c) => pools[p].map((s) => ({ ...c, [p]: s })));
  const same = (a: Profile, b: Profile) => players.every((p) => a[p] === b[p]);
  const profiles = combos
    .filter((c) => !(opts.drop ?? []).some((d) => same(c, d)))
    .map((c) => {
      const u = pay(c);
      return {
        strategies: c,
        games: opts.games ?? 1,
        mean: Object.fromEntries(players.map((p, i) => [p, u[i]])),
        sd: Object.fromEntries(players.map((p) => [p, opts.sd ?? 0])),
      };
    });
  return { format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'test', seed: 1, gamesPerProfile: opts.games ?? 1, players, strategies: pools, profiles };
}

/** A two-player bimatrix game: rows for A, columns for B, cells [uA, uB]. */
function bimatrix(rows: string[], cols: string[], cells: number[][][], opts: Parameters<typeof build>[2] = {}): PayoffTable {
  return build({ A: rows, B: cols }, (p) => cells[rows.indexOf(p.A)][cols.indexOf(p.B)], opts);
}

// Matching pennies (von Neumann 1928; the standard zero-sum example of Osborne & Rubinstein, A Course in Game
// Theory, MIT Press 1994, ch. 2–3): no pure equilibrium, unique mixed equilibrium (1/2, 1/2).
const pennies = bimatrix(['H', 'T'], ['H', 'T'], [
  [[1, -1], [-1, 1]],
  [[-1, 1], [1, -1]],
]);

// Prisoner's dilemma with Axelrod's payoffs T=5, R=3, P=1, S=0 (Axelrod, The Evolution of Cooperation, 1984):
// D strictly dominates C, so (D, D) is the unique equilibrium.
const pd = (T = 5, R = 3, P = 1, S = 0, opts: Parameters<typeof build>[2] = {}) =>
  bimatrix(['C', 'D'], ['C', 'D'], [
    [[R, R], [S, T]],
    [[T, S], [P, P]],
  ], opts);

describe('matching pennies', () => {
  it('has no pure equilibrium and a unique best response with margin 2 everywhere', () => {
    expect(pureEquilibria(pennies).equilibria).toEqual([]);
    const br = bestResponses(pennies);
    expect(br).toHaveLength(4);
    for (const b of br) expect([b.best.length, b.margin]).toEqual([1, 2]);
    expect(br.find((b) => b.player === 'B' && b.others.A === 'H')?.best).toEqual(['T']);
  });

  it('replicator dynamics from a non-uniform start cycle; the time average is near (1/2, 1/2)', () => {
    const r = replicatorDynamics(pennies, { start: { A: { H: 0.8, T: 0.2 }, B: { H: 0.3, T: 0.7 } }, steps: 20000 });
    if (!r.available) throw new Error(r.reason);
    expect(r.converged).toBe(false);
    expect(r.pure).toBeNull();
    expect(r.regret).toBeGreaterThan(0.1);
    for (const p of ['A', 'B']) expect(Math.abs(r.average[p].H - 0.5)).toBeLessThan(0.02);
    expect(r.averageRegret).toBeLessThan(0.02);
  });

  it('alpha-rank gives every profile 1/4 by symmetry', () => {
    const ar = alphaRank(pennies);
    if (!ar.available) throw new Error(ar.reason);
    expect(ar.top).toHaveLength(4);
    for (const t of ar.top) expect(t.mass).toBeCloseTo(0.25, 12);
    expect(ar.marginals.A.H).toBeCloseTo(0.5, 10);
  });
});

describe("prisoner's dilemma (T=5, R=3, P=1, S=0)", () => {
  const game = pd();
  it('has the unique, strict pure equilibrium (D, D); D is always the best response', () => {
    const eq = pureEquilibria(game);
    expect(eq.equilibria.map((e) => e.profile)).toEqual([{ A: 'D', B: 'D' }]);
    expect(eq.equilibria[0]).toMatchObject({ strict: true, minMargin: 1, payoffs: { A: 1, B: 1 } });
    const br = bestResponses(game);
    expect(br.every((b) => b.best.join() === 'D')).toBe(true);
    // margins T - R = 2 against C and P - S = 1 against D
    expect(br.filter((b) => b.player === 'A').map((b) => b.margin)).toEqual([2, 1]);
  });

  it('deviation gains at (C, C) are T - R = 2 for each player', () => {
    const d = deviationGains(game, { A: 'C', B: 'C' });
    expect(d.complete).toBe(true);
    expect(d.regret).toBe(2);
    expect(d.players.map((p) => [p.bestDeviation, p.bestGain])).toEqual([
      ['D', 2],
      ['D', 2],
    ]);
    expect(deviationGains(game, { A: 'D', B: 'D' }).regret).toBe(0);
  });

  it('replicator dynamics converge to (D, D) from the uniform mix and from random starts', () => {
    const r = replicatorDynamics(game, { starts: 4, seed: 7 });
    if (!r.available) throw new Error(r.reason);
    for (const run of r.runs) {
      expect(run.converged).toBe(true);
      expect(run.pure).toEqual({ A: 'D', B: 'D' });
      expect(run.regret).toBeLessThan(1e-6);
    }
    expect(r.final.A.D).toBeGreaterThan(0.999);
  });

  it('alpha-rank puts almost all mass on (D, D)', () => {
    const ar = alphaRank(game);
    if (!ar.available) throw new Error(ar.reason);
    expect(ar.top[0].profile).toEqual({ A: 'D', B: 'D' });
    expect(ar.top[0].mass).toBeGreaterThan(0.99);
    expect(ar.marginals.B.D).toBeGreaterThan(0.99);
    expect(ar.note).toMatch(/alpha 50 scaled by the payoff range 5/);
  });
});

describe('alpha-rank internals (Omidshafiei et al., Sci. Rep. 9:9937, 2019, multi-population model)', () => {
  it('matches a direct power iteration of the Fermi-rule chain at small alpha', () => {
    // An arbitrary 2x3 game; alpha small enough that the plain formula and power iteration are accurate.
    const cells = [
      [[3, 1], [0, 2], [2, 0]],
      [[1, 3], [2, 2], [0, 1]],
    ];
    const game = bimatrix(['a', 'b'], ['x', 'y', 'z'], cells);
    const alpha = 0.7;
    const m = 10;
    const ar = alphaRank(game, { alpha, populationSize: m, scale: 'none', top: 6 });
    if (!ar.available) throw new Error(ar.reason);
    const ids = [0, 1].flatMap((r) => [0, 1, 2].map((c) => [r, c]));
    const rho = (d: number) => (d === 0 ? 1 / m : (1 - Math.exp(-alpha * d)) / (1 - Math.exp(-m * alpha * d)));
    const eta = 1 + 2; // (|S_A| - 1) + (|S_B| - 1)
    const P = ids.map(([r, c]) =>
      ids.map(([r2, c2]) => {
        if (r2 !== r && c2 === c) return rho(cells[r2][c][0] - cells[r][c][0]) / eta;
        if (c2 !== c && r2 === r) return rho(cells[r][c2][1] - cells[r][c][1]) / eta;
        return 0;
      }),
    );
    P.forEach((row, i) => (row[i] = 1 - row.reduce((a, b) => a + b, 0)));
    let pi = ids.map(() => 1 / ids.length);
    for (let it = 0; it < 20000; it++) pi = ids.map((_, j) => pi.reduce((a, p, i) => a + p * P[i][j], 0));
    for (const t of ar.top) {
      const j = ids.findIndex(([r, c]) => ['a', 'b'][r] === t.profile.A && ['x', 'y', 'z'][c] === t.profile.B);
      expect(t.mass).toBeCloseTo(pi[j], 9);
    }
  });

  it('splits mass evenly between the two equilibria of a symmetric battle of the sexes at large alpha', () => {
    // Battle of the sexes (Luce & Raiffa, Games and Decisions, 1957): escape probabilities from either
    // equilibrium are about e^-800, far below double precision; the log-space solve still balances them.
    const bos = bimatrix(['O', 'M'], ['O', 'M'], [
      [[3, 2], [0, 0]],
      [[0, 0], [2, 3]],
    ]);
    const ar = alphaRank(bos);
    if (!ar.available) throw new Error(ar.reason);
    expect(ar.top.slice(0, 2).map((t) => t.mass)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
  });
});

describe('a three-player game with three pure equilibria', () => {
  // Bob Nau's 2x2x2 game, shipped with Gambit as contrib/games/2x2x2-nau.nfg (github.com/gambitproject/gambit) and
  // described in the Gambit manual's "Sample games": "three pure strategy equilibria, two equilibria which are
  // incompletely mixed, and a continuum of completely mixed equilibria". Payoffs in the file's order (player 1
  // varies fastest): 111:(0,0,2) 211:(3,0,0) 121:(0,3,0) 221:(0,0,0) 112:(1,1,0) 212:(0,0,0) 122:(0,0,0) 222:(0,0,3).
  const pay: Record<string, number[]> = {
    '111': [0, 0, 2], '211': [3, 0, 0], '121': [0, 3, 0], '221': [0, 0, 0],
    '112': [1, 1, 0], '212': [0, 0, 0], '122': [0, 0, 0], '222': [0, 0, 3],
  };
  const pools = { P1: ['1', '2'], P2: ['1', '2'], P3: ['1', '2'] };
  const nau = build(pools, (p) => pay[p.P1 + p.P2 + p.P3]);

  it('finds exactly (2,1,1), (1,2,1) and (2,2,2), all weak (a deviation ties)', () => {
    const eq = pureEquilibria(nau);
    expect(eq.equilibria.map((e) => e.label).sort()).toEqual(['P1=1 P2=2 P3=1', 'P1=2 P2=1 P3=1', 'P1=2 P2=2 P3=2']);
    expect(eq.equilibria.every((e) => !e.strict && e.minMargin === 0)).toBe(true);
  });

  it('reports tied best responses with a zero margin', () => {
    const b = bestResponses(nau).find((x) => x.player === 'P2' && x.others.P1 === '2' && x.others.P3 === '1');
    expect(b).toMatchObject({ best: ['1', '2'], margin: 0, value: 0 });
  });
});

describe('missing profiles', () => {
  // The prisoner's dilemma above without the profile (A=C, B=D).
  const game = pd(5, 3, 1, 0, { drop: [{ A: 'C', B: 'D' }] });

  it('lists the missing profile and does not claim (D, D), whose check needs it', () => {
    expect(missingProfiles(game)).toEqual([{ A: 'C', B: 'D' }]);
    const eq = pureEquilibria(game);
    expect(eq.equilibria).toEqual([]);
    expect(eq.unverified.map((u) => [u.label, u.missing])).toEqual([['A=D B=D', [{ A: 'C', B: 'D' }]]]);
    expect(eq.profiles).toEqual({ total: 4, known: 3 });
  });

  it('marks best responses and deviations that depend on it as unknown', () => {
    const b = bestResponses(game).find((x) => x.player === 'A' && x.others.B === 'D');
    expect(b).toMatchObject({ best: ['D'], margin: null, unknown: ['C'] });
    const d = deviationGains(game, { A: 'D', B: 'D' });
    expect(d.complete).toBe(false);
    expect(d.players[0]).toMatchObject({ unknown: ['C'], bestGain: null });
    expect(deviationGains(game, { A: 'C', B: 'D' })).toMatchObject({ known: false, regret: null });
  });

  it('makes the replicator and alpha-rank results unavailable instead of guessing', () => {
    const r = replicatorDynamics(game);
    expect(r.available).toBe(false);
    expect(!r.available && r.reason).toMatch(/1 of 4 profiles are missing/);
    expect(alphaRank(game).available).toBe(false);
    const report = formatAnalysis(analyzeTable(game, { confidence: { samples: 20 } }));
    expect(report).toMatch(/Missing \(unknown, never estimated\):\n {4}A=C B=D/);
    expect(report).toMatch(/Not claimed/);
    expect(report).toMatch(/Unavailable: 1 of 4 profiles are missing/);
    // a case where only one strategy was played (A=D against B=D, A=C B=D missing) has no best: said, not counted as D's
    expect(report).toMatch(/\nA: best in D 1\/2; one strategy alone played in 1\/2\n/);
  });
});

describe('confidence', () => {
  // A prisoner's dilemma whose temptation is almost nil (T=3.01, R=3, P=1, S=0.99 still satisfies
  // T > R > P > S and 2R > T + S, Axelrod 1984): D dominates C by only 0.01.
  const noisy = pd(3.01, 3, 1, 0.99, { sd: 1, games: 10 });
  const sharp = pd(3.01, 3, 1, 0.99, { sd: 1e-4, games: 10 });
  const finding = { equilibria: [{ A: 'D', B: 'D' }], alphaRankTop: { A: 'D', B: 'D' } };

  it('a near tie with large sd is unstable; with tiny sd it is stable in all resamples', () => {
    const lo = confidence(noisy, finding, { samples: 500, seed: 3 });
    const hi = confidence(sharp, finding, { samples: 500, seed: 3 });
    expect(lo.equilibria[0].stable).toBeLessThan(0.5);
    expect(lo.equilibria[0].z).toBeLessThan(0.1);
    expect(hi.equilibria[0].stable).toBe(1);
    expect(hi.equilibria[0].z).toBeGreaterThan(50);
    expect(hi.equilibria[0].description).toBe('stable in 100% of 500 resamples, smallest margin 223.6 se (unpaired)');
    expect(lo.equilibria[0].description).toMatch(/^stable in \d+% of 500 resamples/);
    expect(lo.others.length).toBeGreaterThan(0);
  });

  it('also resamples best responses and the top alpha-rank profile, deterministically per seed', () => {
    const lo = confidence(noisy, finding, { samples: 200, seed: 3 });
    const hi = confidence(sharp, finding, { samples: 200, seed: 3 });
    expect(lo.bestResponses!.every((b) => b.stability! < 0.8)).toBe(true);
    expect(hi.bestResponses!.every((b) => b.stability === 1)).toBe(true);
    const [a, b] = [lo.alphaRank, hi.alphaRank];
    expect(a && 'stable' in a && a.stable).toBeLessThan(0.9);
    expect(b && 'stable' in b && b.stable).toBe(1);
    expect(confidence(noisy, finding, { samples: 200, seed: 3 })).toEqual(lo);
  });

  it('calls an sd-0 equilibrium exact rather than dividing by zero', () => {
    const c = confidence(pd(5, 3, 1, 0, { games: 2 }), { equilibria: [{ A: 'D', B: 'D' }] }, { samples: 10 });
    expect(c.equilibria[0]).toMatchObject({ stable: 1, z: null, minMargin: 1, minMarginSe: 0, description: 'stable in 100% of 10 resamples, margin exact (sd 0)' });
    // one game has no standard error at all: not called exact
    const one = confidence(pd(), { equilibria: [{ A: 'D', B: 'D' }] }, { samples: 10 });
    expect(one.equilibria[0]).toMatchObject({ z: null, minMargin: 1, minMarginSe: null, description: 'stable in 100% of 10 resamples, margin without a standard error (1 game)' });
  });
});

describe('schema', () => {
  const good = () => structuredClone(pd()) as PayoffTable;
  const reject = (t: unknown, path: RegExp) => {
    expect(() => parsePayoffTable(t)).toThrow(PayoffTableError);
    expect(() => parsePayoffTable(t)).toThrow(path);
  };

  it('accepts a well-formed table', () => {
    expect(parsePayoffTable(good()).profiles).toHaveLength(4);
  });

  it('rejects a missing mean, naming the path', () => {
    const t = good();
    delete t.profiles[1].mean.B;
    reject(t, /\$\.profiles\[1\]\.mean\.B: missing the mean of player "B"/);
  });

  it('rejects a profile strategy outside the pool, naming the path', () => {
    const t = good();
    t.profiles[2].strategies.A = 'X';
    reject(t, /\$\.profiles\[2\]\.strategies\.A: "X" is not in the pool of A \(C, D\)/);
  });

  it('rejects a wrong format tag, unknown keys and duplicate profiles', () => {
    reject({ ...good(), format: 'payoffs' }, /\$\.format: /);
    reject({ ...good(), extra: 1 }, /\$: .*extra/);
    const t = good();
    t.profiles.push(structuredClone(t.profiles[0]));
    reject(t, /\$\.profiles\[4\]: the same profile as profiles\[0\]/);
  });

  it('makes every analysis throw on a malformed table', () => {
    const t = good();
    t.profiles[0].sd.A = -1;
    expect(() => analyzeTable(t)).toThrow(/\$\.profiles\[0\]\.sd\.A/);
  });
});

describe('analyzeTable and formatAnalysis', () => {
  // A five-country table shaped like a tournament (pools of 1 to 3 agents, 27 profiles), payoffs from a fixed formula.
  const pools = { AUS: ['persona'], CHN: ['persona', 'hawk', 'free-trader'], JPN: ['persona', 'diversifier', 'hawk'], MYS: ['persona'], USA: ['persona', 'protectionist', 'tit-for-tat'] };
  const h = (s: string) => [...s].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 1000, 7) / 100;
  const five = build(pools, (p) => Object.keys(pools).map((c) => h(c + p.CHN + p.JPN + p.USA) + (p[c] === 'hawk' ? 3 : 0)), { sd: 1.5, games: 20 });

  it('returns one JSON-serialisable result and a report that fits 100 columns', () => {
    const r = analyzeTable(five, { confidence: { samples: 100 } });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.profiles).toMatchObject({ total: 27, known: 27, missingCount: 0 });
    expect(r.bestResponses).toHaveLength(27 * 2 + 9 * 3);
    expect(r.bestResponses.every((b) => b.stability !== null)).toBe(true);
    expect(r.topProfile?.source).toBe('alpha-rank');
    const text = formatAnalysis(r);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    for (const s of ['BEST RESPONSES', 'PURE EQUILIBRIA', 'REPLICATOR DYNAMICS', 'ALPHA-RANK', 'Marginals:', 'DEVIATION GAINS AT THE TOP ALPHA-RANK PROFILE'])
      expect(text).toContain(s);
    expect(text).toMatch(/\d+% of 100/);
  });

  it('wraps long profiles instead of cutting off the figures after them, and leaves one-strategy players out', () => {
    const long = (x: string) => [`${x}-first-strategy-with-a-long-name`, `${x}-second-strategy-with-a-long-name`];
    const pools2 = { AUS: ['persona'], CHN: long('chn'), JPN: long('jpn'), MYS: ['persona'], USA: long('usa') };
    const t = build(pools2, (p) => Object.keys(pools2).map((c) => h(c + p.CHN + p.JPN + p.USA)), { sd: 0.5, games: 20 });
    const text = formatAnalysis(analyzeTable(t, { confidence: { samples: 100 } }));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const flat = text.replace(/\n +/g, ' ');
    expect(flat).toMatch(/Resampled: CHN=chn-\S+ JPN=jpn-\S+ USA=usa-\S+ is top in \d+(\.\d)?% of 100 resamples\./);
    expect(flat).toContain('Left out of the profiles below (one strategy each): AUS=persona MYS=persona');
    expect(text).not.toMatch(/AUS=persona CHN=/);
  });

  it('gives no stability or z figures when profiles rest on 1 game (its sd is unknown, not 0)', () => {
    const one = build(pools, (p) => Object.keys(pools).map((c) => h(c + p.CHN + p.JPN + p.USA)), { games: 1 });
    const r = analyzeTable(one, { confidence: { samples: 50 } });
    expect(r.confidence).toBeNull();
    expect(r.bestResponses.every((b) => b.stability === null)).toBe(true);
    expect(r.notes.join(' ')).toMatch(/27 of 27 profiles rest on 1 game, which has no standard error: no stability or z figures/);
    const text = formatAnalysis(r);
    expect(text).toContain('1 game per profile');
    // no margin called "exact" (the caveat that the replicator's shares take the means as exact says why that is unsure)
    expect(text.replace(/\n +/g, ' ')).toContain('take the mean scores as exact, and with 1 game per profile no lead has an interval: how sure they are cannot be said.');
    expect(text.replace(/\n +/g, ' ').replace(/take the mean scores as exact, and with 1 game per profile/g, '')).not.toMatch(/exact|100% of 50/);
    expect(text.replace(/\n +/g, ' ')).toContain('No z or stability figures: nothing was resampled');
  });

  it('is deterministic', () => {
    const opts = { confidence: { samples: 50, seed: 9 }, replicator: { steps: 500, starts: 2, seed: 4 } };
    expect(analyzeTable(five, opts)).toEqual(analyzeTable(five, opts));
  });
});
