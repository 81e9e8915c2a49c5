// An analyst's play-test: a Sobol sweep ranked the indices of outcomes whose variance was numerical noise (the heavy
// oxide price, some 458, with an sd of 0.0017: 4e-6 of itself, inside the market solver's price tolerance of 1e-6
// of the reference price, ten times over) and so listed them as sensitive to the parameters. An outcome whose sd is
// within 1e-5 of its size (|mean|, at least 1) now has no variance to attribute: no indices ranked, and it says why.
// Small real effects (GDP growth moved by 0.001 points by the investment multiplier in 4 turns) are still ranked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saltelliDesign, sobolIndices } from '../src/analysis/sobol.ts';
import type { SobolRun } from '../src/cli/sobol.ts';
import { cli, endProblem } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-sobol-flat-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('sobolIndices with a noise level', () => {
  it('an output whose sd is within the noise of its size is flat: every index 0, its observed variance kept', () => {
    const d = saltelliDesign(64, 2, '3');
    const f = (x: number[]) => 500 + 3e-3 * x[0]; // sd 8.7e-4: 1.7e-6 of its size
    const args = [d.A.map(f), d.B.map(f), d.AB.map((m) => m.map(f))] as const;
    const ranked = sobolIndices(...args, { resamples: 20 });
    expect(ranked.flat).toBe(false);
    expect(ranked.indices[0].ST).toBeCloseTo(1, 1); // at the default 1e-6: all of it "explained" by x0
    const flat = sobolIndices(...args, { resamples: 20, noise: 1e-5 });
    expect(flat.flat).toBe(true);
    expect(flat.variance).toBe(0);
    expect(flat.observedVariance).toBeCloseTo(9e-6 / 12, 8);
    for (const ix of flat.indices) expect(ix).toEqual({ S1: 0, S1ci: [0, 0], ST: 0, STci: [0, 0] });
  });
});

describe('sobolIndices just above the noise level', () => {
  it('decides flat once: resamples that fall under the noise are not zeroed, which pulled the intervals to 0', () => {
    const d = saltelliDesign(64, 2, '3');
    const f = (x: number[]) => 500 + 6e-3 * x[0]; // sd 1.7e-3: 3.5e-6 of its size
    const args = [d.A.map(f), d.B.map(f), d.AB.map((m) => m.map(f))] as const;
    const r = sobolIndices(...args, { resamples: 200, noise: 3.3e-6 });
    expect(r.flat).toBe(false);
    expect(r.indices[0].ST).toBeCloseTo(1, 1);
    expect(r.indices[0].STci[0]).toBeGreaterThan(0.5); // 0.79 here; 0 when resamples under the noise were zeroed
  });
});

describe('gambit sweep --method sobol: outcomes within numerical noise', () => {
  it('are not ranked, say why, and are left out of what depends on what; a small real effect still is', async () => {
    const out = join(TMP, 's');
    const r = await cli('sweep', '--method', 'sobol', '--n', '4', '--param', 'rules.macro.investmentMultiplier', '--param', 'goods.autos.sigma=1.5,3', '--turns', '4', '--workers', '1', '--bootstrap', '50', '--no-progress', '--out', out);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'sobol.json'), 'utf8')) as SobolRun;
    // (which outcomes sit within the noise depends on the model: on 2026-12-04, after the persona reopening rule, the
    // NdPr price, sd 3e-7 of itself; the heavy oxide price's 2e-5 is now a real effect and ranked. The band between
    // the old cut, 1e-6, and 1e-5 is pinned by the test above)
    const flat = run.outcomes.find((o) => o.id === 'final_price_oxide_light')!;
    expect(flat.sd).toBeGreaterThan(0);
    expect(flat.sd).toBeLessThan(1e-5 * flat.mean);
    expect(flat.constant).toBe(true);
    expect(flat.indices.every((ix) => ix.ST === 0 && ix.S1 === 0)).toBe(true);
    expect(run.outcomes.find((o) => o.id === 'final_price_oxide_heavy')!.constant).toBe(false);
    expect(r.stdout).toMatch(/^final_price_oxide_light: no variance \(mean [\d.]+, sd [\d.]+(?:e-\d+)?, within 1e-5 of its size: the market solver's numerical noise\): indices not ranked$/m);
    // GDP growth moves by some 0.001 points (under a result line's 0.01, 7e-4 of itself): a real effect, still ranked
    const gdp = run.outcomes.find((o) => o.id === 'gdp_growth_pct_USA')!;
    expect(gdp.constant).toBe(false);
    expect(gdp.indices[0].path).toBe('rules.macro.investmentMultiplier');
    const md = readFileSync(join(out, 'sobol.md'), 'utf8');
    const from = md.indexOf('## Which outcomes');
    const depends = md.slice(from, md.indexOf('\n## ', from + 5));
    expect(depends).not.toContain('final_price_oxide_light');
    // ranked, but its spread (sd about 0.001 points) √12 times is below the smallest change the sweep counts, 0.01 percentage points of
    // growth (sweep.ts materialFloor): it names no dependence in the table, which says it was left out and why
    expect(Math.sqrt(12) * gdp.sd).toBeLessThan(0.01);
    const rows = depends.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.join('\n')).not.toContain('gdp_growth_pct_USA');
    expect(depends).toMatch(/\nLeft out of this table: .*gdp_growth_pct_USA.*, whose spread over the sample \(√12 standard deviations, the range of a uniform draw\) is below the smallest change the sweep counts/);
    expect(md).toMatch(/## gdp_growth_pct_USA\n\nMean [-\d.e]+, standard deviation [\d.e-]+ over the sample, √12 of which is below the smallest change the sweep counts \(0\.01\): the indices below apportion a variance too small to matter\./);
    expect(md).toMatch(/## final_price_oxide_light\n\nNo variance to attribute: mean [\d.]+, sd [\d.]+(?:e-\d+)?, within 1e-5 of its size: the market solver's numerical noise; its indices would only rank noise, so none are given\./);
  }, 120_000);
});

// the same rule in the one-at-a-time and Latin-hypercube sweeps: an analyst's hypercube ranked rules.supplyRisk.scale
// 2.354 overall on Japan's lowest magnet supply, 0.939211 in all 11 variants (its spread, 5e-15, divided the fitted noise
// into a coefficient of -6.2; with one parameter a standardised coefficient is at most 1 in size)
describe('a sweep and an outcome within the noise', () => {
  it('gives it no effect, in a Latin hypercube and one at a time', async () => {
    for (const method of [['--lhs', '10'], []]) {
      const out = join(TMP, `sweep-${method.length}`);
      const r = await cli('sweep', '--param', method.length ? 'rules.supplyRisk.scale=4,10' : 'rules.supplyRisk.scale=4,7,10', ...method, '--games', '1', '--turns', '5', '--workers', '1', '--no-progress', '--out', out);
      expect(endProblem(r), r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { variants: { means: Record<string, number> }[]; ranking: { effects: Record<string, number>; overall: number; strongest: { outcome?: string } }[] };
      // the outcome the hypercube ranked (Japan's lowest magnet supply), and one that moves by the solver's last bits
      // one at a time (China's score: 0.0116713699467752 in three variants, ...776622 in the fourth; in standard
      // deviations of that, a range of 2.0), each standing still up to the solver and each of effect 0
      const [rank] = s.ranking;
      const id = method.length ? 'jpn_min_magnet_supply' : 'score_CHN';
      const v = s.variants.map((x) => x.means[id]);
      expect(Math.max(...v) - Math.min(...v)).toBeLessThan(1e-9);
      if (!method.length) expect(new Set(v).size).toBeGreaterThan(1); // not bit-identical: the rule, not equality, zeroes it
      expect(rank.effects[id]).toBe(0);
      expect(rank.strongest.outcome).not.toBe(id);
      if (method.length) for (const e of Object.values(rank.effects)) expect(Math.abs(e)).toBeLessThanOrEqual(1.0000001); // one parameter: |SRC| <= 1
    }
  }, 120_000);
});
