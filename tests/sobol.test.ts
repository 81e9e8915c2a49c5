// Global sensitivity analysis: the Sobol sequence, Saltelli's estimators on the Ishigami function, the content's ranged
// assumptions, and `gambit sweep --method sobol` end to end with its usage errors.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compileContent, ContentError } from '../engine/content.ts';
import { JOE_KUO_21201 } from '../src/analysis/sobol-directions.ts';
import { SOBOL_MAX_DIMS, pairTValue, saltelliDesign, saltelliPairing, sobolColumns, sobolIndices, sobolPoints } from '../src/analysis/sobol.ts';
import { readParam } from '../src/cli/batch.ts';
import { main } from '../src/cli/main.ts';
import { readBundle } from '../src/content/load.ts';
import { rangedParams } from '../src/content/ranges.ts';
import { gambit } from './cli-run.ts';
import { content } from './helpers.ts';

/** x^deg = 1 in GF(2)[x] / poly exactly when the order divides deg; primitive: order 2^deg - 1. */
function isPrimitive(poly: number, deg: number): boolean {
  const mulmod = (a: number, b: number) => {
    let r = 0;
    for (; b; b >>>= 1) {
      if (b & 1) r ^= a;
      a <<= 1;
      if ((a >>> deg) & 1) a ^= poly;
    }
    return r;
  };
  const powx = (e: number) => {
    let r = 1;
    for (let base = 2; e; e = Math.floor(e / 2), base = mulmod(base, base)) if (e & 1) r = mulmod(r, base);
    return r;
  };
  const order = 2 ** deg - 1;
  const primes: number[] = [];
  for (let n = order, p = 2; n > 1; p++) if (n % p === 0) for (primes.push(p); n % p === 0; ) n /= p;
  return powx(order) === 1 && primes.every((p) => powx(order / p) !== 1);
}

describe('Sobol sequence', () => {
  it('has primitive, distinct polynomials and valid initial direction numbers in its table', () => {
    const seen = new Set<string>();
    for (const e of JOE_KUO_21201.trim().split(/\s+/)) {
      const [a, ms] = e.split(':');
      const m = ms.split(',').map(Number);
      const s = m.length;
      expect(isPrimitive((1 << s) | (Number(a) << 1) | 1, s), e).toBe(true);
      expect(seen.has(`${s}:${a}`), e).toBe(false);
      seen.add(`${s}:${a}`);
      m.forEach((v, i) => expect(v % 2 === 1 && v < 2 ** (i + 1), e).toBe(true));
    }
    expect(SOBOL_MAX_DIMS).toBe(400);
  });

  it('matches the unscrambled sequence of scipy.stats.qmc.Sobol (Joe-Kuo 6.21201)', () => {
    const p = sobolPoints(1024, 161);
    expect(p.slice(0, 8).map((x) => x.slice(0, 4))).toEqual([
      [0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25],
      [0.25, 0.75, 0.75, 0.75],
      [0.375, 0.375, 0.625, 0.875],
      [0.875, 0.875, 0.125, 0.375],
      [0.625, 0.125, 0.875, 0.625],
      [0.125, 0.625, 0.375, 0.125],
    ]);
    expect([0, 1, 2, 50, 100, 160].map((d) => p[1000][d])).toEqual([0.2197265625, 0.0966796875, 0.5185546875, 0.3525390625, 0.7685546875, 0.8583984375]);
    expect([3, 77, 159].map((d) => p[777][d])).toEqual([0.2744140625, 0.5615234375, 0.1806640625]);
    // the rows added later (dimensions 162-400), against scipy.stats.qmc.Sobol(d=400, scramble=False)
    const q = sobolPoints(1024, 400);
    expect([161, 200, 300, 399].map((d) => q[1000][d])).toEqual([0.3466796875, 0.7529296875, 0.5185546875, 0.0400390625]);
    expect([250, 398].map((d) => q[777][d])).toEqual([0.3193359375, 0.8642578125]);
    expect(q[1000].slice(0, 161)).toEqual(p[1000]);
  });

  it('keeps one point in each 1/N of every axis after seeded Owen scrambling, the same for the same seed', () => {
    const a = sobolPoints(256, 40, 'x');
    for (let d = 0; d < 40; d++) expect(new Set(a.map((x) => Math.floor(x[d] * 256))).size).toBe(256);
    expect(sobolPoints(256, 40, 'x')).toEqual(a);
    expect(sobolPoints(256, 40, 'y')).not.toEqual(a);
    expect(a[0].some((v) => v !== 0)).toBe(true);
  });
});

describe('Saltelli design', () => {
  it('pairs A and B so that no parameter\'s two columns are strongly dependent, even at N = 64 in 124 dimensions', () => {
    // Saltelli's in-order pairing (dimension i with k + i) makes dimensions 39 and 101 a net of t = 5 in the first 64
    // points, correlated at |r| ~ 0.75 scrambled or not; the pairing finds a partner with t <= 1 for every parameter
    const cols = sobolColumns(64, 161);
    expect(pairTValue(cols[0], cols[1], 6)).toBe(0);
    expect(pairTValue(cols[39], cols[101], 6)).toBe(5);
    const bDims = saltelliPairing(64, 62);
    expect(new Set(bDims).size).toBe(62);
    bDims.forEach((d, i) => {
      expect(d >= 62 && d < 161).toBe(true);
      expect(pairTValue(cols[i], cols[d], 6), `parameter ${i}`).toBeLessThanOrEqual(1);
    });
    const r = (a: number[], b: number[]) => {
      const ma = a.reduce((s, v) => s + v, 0) / a.length;
      const mb = b.reduce((s, v) => s + v, 0) / b.length;
      let ab = 0, aa = 0, bb = 0; // prettier-ignore
      a.forEach((v, j) => ((ab += (v - ma) * (b[j] - mb)), (aa += (v - ma) ** 2), (bb += (b[j] - mb) ** 2)));
      return ab / Math.sqrt(aa * bb);
    };
    const inOrder = sobolPoints(64, 124, '1');
    expect(Math.abs(r(inOrder.map((p) => p[39]), inOrder.map((p) => p[101])))).toBeGreaterThan(0.6);
    for (const seed of ['1', '2', '3']) {
      const d = saltelliDesign(64, 62, seed);
      expect(d.bDims).toEqual(bDims);
      for (let i = 0; i < 62; i++) expect(Math.abs(r(d.A.map((p) => p[i]), d.B.map((p) => p[i]))), `seed ${seed}, column ${i}`).toBeLessThan(0.3);
      for (let i = 0; i < 62; i++) expect(new Set(d.B.map((p) => Math.floor(p[i] * 64))).size).toBe(64);
      d.AB.forEach((m, i) => m.forEach((row, j) => expect(row).toEqual(d.A[j].map((v, q) => (q === i ? d.B[j][i] : v)))));
    }
  });

  it("takes every ranged parameter of the content (107 when written, the README's count) at the README's N = 128, each B column a good partner", () => {
    const k = rangedParams(readBundle('rare-earth-gambit'), content).length;
    const bDims = saltelliPairing(128, k);
    expect(new Set(bDims).size).toBe(k);
    const cols = sobolColumns(128, SOBOL_MAX_DIMS);
    bDims.forEach((d, i) => {
      expect(d >= k && d < SOBOL_MAX_DIMS).toBe(true);
      expect(pairTValue(cols[i], cols[d], 7), `parameter ${i}`).toBeLessThanOrEqual(1);
    });
    expect(() => saltelliPairing(128, 201)).toThrow(/at most 200 parameters/);
  });
});

describe('Sobol indices', () => {
  it('recover the Ishigami function\'s analytic indices (a = 7, b = 0.1)', () => {
    const f = (u: number[]) => {
      const x = u.map((v) => -Math.PI + 2 * Math.PI * v);
      return Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
    };
    const d = saltelliDesign(4096, 3, '1');
    const r = sobolIndices(d.A.map(f), d.B.map(f), d.AB.map((m) => m.map(f)), { resamples: 200, seed: '1' });
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    r.indices.forEach((ix, i) => {
      expect(Math.abs(ix.S1 - S1[i]), `S1 ${i}`).toBeLessThan(0.02);
      expect(Math.abs(ix.ST - ST[i]), `ST ${i}`).toBeLessThan(0.02);
      expect(ix.S1ci[0] <= S1[i] && S1[i] <= ix.S1ci[1], `S1 ${i} interval`).toBe(true);
      expect(ix.STci[0] <= ST[i] && ST[i] <= ix.STci[1], `ST ${i} interval`).toBe(true);
    });
    expect(r.variance).toBeCloseTo(13.8446, 1); // a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2
    // deterministic: the same inputs give the same intervals
    expect(sobolIndices(d.A.map(f), d.B.map(f), d.AB.map((m) => m.map(f)), { resamples: 200, seed: '1' })).toEqual(r);
  });

  it('split an additive function by its variances and give zeros for a constant one', () => {
    const f = (x: number[]) => 100 + x[0] + 2 * x[1]; // variances 1/12 and 4/12: shares 0.2 and 0.8
    const d = saltelliDesign(1024, 3, '2');
    const r = sobolIndices(d.A.map(f), d.B.map(f), d.AB.map((m) => m.map(f)), { resamples: 0 });
    [0.2, 0.8, 0].forEach((s, i) => {
      expect(r.indices[i].S1).toBeCloseTo(s, 2);
      expect(r.indices[i].ST).toBeCloseTo(s, 2);
    });
    const flat = sobolIndices([3, 3], [3, 3], [[3, 3]], { resamples: 10 });
    expect(flat.variance).toBe(0);
    expect(flat.indices[0]).toEqual({ S1: 0, S1ci: [0, 0], ST: 0, STci: [0, 0] });
  });
});

describe('ranged assumptions in the content', () => {
  it('lists every ranged parameter by a path the sweep can override, its value inside its range', () => {
    const ps = rangedParams(readBundle('rare-earth-gambit'), content);
    expect(ps.length).toBeGreaterThanOrEqual(25);
    for (const p of ps) {
      expect(readParam(content, p.path), p.path).toBe(p.base);
      expect(p.lo <= p.base && p.base <= p.hi && p.lo < p.hi, p.path).toBe(true);
      expect(p.src, p.path).toMatch(/range/);
    }
    expect(ps.map((p) => p.path)).toEqual(expect.arrayContaining(['rules.macro.tradeElasticity', 'goods.supplyResponse.attrition', 'goods.markets.ore.heavy.cashCost.JPN']));
  });

  it('refuses a range that is reversed, leaves out its value, or is not a pair of numbers', () => {
    for (const [range, found] of [
      [[8, 3], '[8,3]'],
      [[5, 8], '[5,8]'],
      [[3], '[3]'],
      ['3-8', 'string "3-8"'],
    ] as const) {
      const raw = readBundle('rare-earth-gambit');
      const rules = structuredClone(raw.rules.json) as { macro: { tradeElasticity: Record<string, unknown> } };
      rules.macro.tradeElasticity.range = range;
      const err = (() => {
        try {
          compileContent({ ...raw, rules: { ...raw.rules, json: rules } });
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(ContentError);
      const issues = (err as ContentError).issues.filter((i) => i.path.startsWith('$.macro.tradeElasticity.range'));
      expect(issues.length, JSON.stringify((err as ContentError).issues)).toBeGreaterThan(0);
      expect(issues[0].found).toBe(found);
    }
  });
});

describe('gambit sweep --method sobol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gambit-sobol-'));
  it('plays N(k+2) sample points and writes sobol.json, sobol.csv and sobol.md with finite indices', () => {
    const out = join(dir, 'a');
    const r = gambit('sweep', '--method', 'sobol', '--n', '4', '--param', 'rules.macro.investmentMultiplier', '--param', 'goods.autos.sigma=1.5,3', '--turns', '4', '--workers', '1', '--bootstrap', '50', '--no-progress', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 parameters, N = 4: 16 sample points/);
    expect(r.stdout).toMatch(/Sobol indices, 2 parameters/);
    // a run too small for its indices says so where they fall outside 0..1, and only then
    const s0 = JSON.parse(readFileSync(join(out, 'sobol.json'), 'utf8')) as { outcomes: { constant: boolean; indices: { S1: number; ST: number }[] }[] };
    const outside = s0.outcomes.filter((o) => !o.constant && o.indices.some((ix) => ix.ST > 1.005 || ix.S1 > 1.005 || ix.ST < -0.005)).length;
    expect(r.stdout.includes(`N = 4 is too few here: ${outside} of`)).toBe(outside > 0);
    for (const f of ['sobol.json', 'sobol.csv', 'sobol.md']) expect(existsSync(join(out, f)), f).toBe(true);
    const s = JSON.parse(readFileSync(join(out, 'sobol.json'), 'utf8'));
    expect(s.points).toHaveLength(16);
    expect(s.params.map((p: { path: string }) => p.path)).toEqual(['rules.macro.investmentMultiplier', 'goods.autos.sigma']);
    expect(s.params[0]).toMatchObject({ lo: 0.4, hi: 1.5 });
    for (const o of s.outcomes)
      for (const ix of o.indices) for (const v of [ix.S1, ix.ST, ...ix.S1ci, ...ix.STci]) expect(Number.isFinite(v), `${o.id} ${ix.path}`).toBe(true);
    // the investment multiplier moves GDP within four turns (the US's: Japan's programme budget goes to the deep-sea
    // pilot from turn 2, so its GDP growth moves by less than a result line's rounding, 0.01); the points lie inside the ranges
    expect(s.outcomes.find((o: { id: string }) => o.id === 'gdp_growth_pct_USA').indices[0].path).toBe('rules.macro.investmentMultiplier');
    for (const p of s.points) expect(p.x[1] >= 1.5 && p.x[1] <= 3).toBe(true);
    const csv = readFileSync(join(out, 'sobol.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('outcome,parameter,lo,hi,base,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi');
    expect(csv).toHaveLength(1 + 2 * s.outcomes.length);
    const md = readFileSync(join(out, 'sobol.md'), 'utf8');
    expect(md).toMatch(/^# Global sensitivity/);
    expect(md).toContain('npm run gambit -- sweep --method sobol --n 4');
    expect(md).toContain('## Which outcomes depend on which assumptions');
    // one range from the content, one from the command line: the method says which is which
    expect(md).toContain('each drawn uniformly over the range its content entry gives (`"range": [lo, hi]`), or for `goods.autos.sigma` the one given on the command line.');
    expect(md).toContain('## score_JPN');
  }, 60_000);

  it('refuses bad flags with one line and exit 2', async () => {
    const out = join(dir, 'bad');
    // in this process (each check is refused before any game is played), capturing what the CLI writes to stderr
    const cli = async (...args: string[]) => {
      let stderr = '';
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
      try {
        return { code: await main(args), stderr };
      } finally {
        spy.mockRestore();
      }
    };
    for (const [args, msg] of [
      [['--method', 'anova'], /--method must be one of oat, lhs, sobol/],
      [['--method', 'sobol', '--n', '6'], /--n must be a power of 2/],
      [['--method', 'sobol', '--param', 'goods.autos.sigma'], /goods\.autos\.sigma: has no range in the content; give one as goods\.autos\.sigma=lo,hi/],
      [['--method', 'sobol', '--param', 'goods.autos.sigma=3,1.5'], /needs lo < hi/],
      [['--method', 'sobol', '--param', 'goods.autos.sigma=1,2,3'], /takes a range PATH=lo,hi/],
      [['--method', 'sobol', '--param', 'goods.autos.nonsense=1,2'], /not a numeric content parameter/],
      [['--method', 'sobol', '--lhs', '4'], /--lhs is for --method lhs/],
      [['--method', 'lhs', '--games', '1', '--param', 'goods.autos.sigma=1,2'], /--method lhs: give the number of samples/],
      [['--n', '4', '--games', '1', '--param', 'goods.autos.sigma=1,2'], /--n is for --method sobol/],
      [['--param', 'goods.autos.sigma=1,2'], /--games: required for --method oat/],
    ] as const) {
      const r = await cli('sweep', ...args, '--out', out);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
