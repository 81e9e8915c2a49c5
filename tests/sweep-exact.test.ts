// `gambit sweep` (one at a time) and `gambit sweep --method sobol` aggregate each game's outcomes unrounded (a parameter
// whose effect is smaller than a result line's rounding is not read as moving nothing), round only what they print
// (sweep.csv's rows are unrounded too), and write the same files whatever the number of worker threads.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-sweep-exact-'));
/** a number a result line would have rounded to two decimals or coarser */
const onGrid = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

describe('sweep and sobol aggregate unrounded outcomes', () => {
  it('one at a time: the investment multiplier moves Japan\'s score by less than 0.01 in four turns, and the ranking sees it', () => {
    const runs = ['1', '2', '3'].map((w) => {
      const out = join(dir, `oat${w}`);
      const r = gambit('sweep', '--param', 'rules.macro.investmentMultiplier=0.5,1.5', '--games', '2', '--turns', '4', '--workers', w, '--no-progress', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return { stdout: r.stdout, json: readFileSync(join(out, 'sweep.json'), 'utf8'), csv: readFileSync(join(out, 'sweep.csv'), 'utf8') };
    });
    // the same files and summary for 1, 2 and 3 workers
    for (const r of runs.slice(1)) {
      expect(r.json).toBe(runs[0].json);
      expect(r.csv).toBe(runs[0].csv);
      expect(r.stdout.replace(/oat\d/g, 'oat')).toBe(runs[0].stdout.replace(/oat\d/g, 'oat'));
    }
    const s = JSON.parse(runs[0].json);
    const ranked = s.ranking[0];
    // rounded to 0.01 before aggregating, every score was the same in all three variants: an effect of exactly 0
    for (const c of ['JPN', 'USA']) expect(ranked.effects[`score_${c}`], c).toBeGreaterThan(0);
    expect(s.variants.some((v: { means: Record<string, number> }) => !onGrid(v.means.score_JPN))).toBe(true);
    // the per-game rows of sweep.csv carry the same unrounded figures (rounded, they could not give the means back)
    const header = runs[0].csv.split('\n')[0].split(',');
    const col = header.indexOf('score_JPN');
    expect(runs[0].csv.trim().split('\n').slice(1).some((row) => !onGrid(Number(row.split(',')[col])))).toBe(true);
  }, 120_000);

  it('sobol: the sample points hold unrounded means, and the indices and files are the same for 1, 2 and 3 workers', () => {
    const runs = ['1', '2', '3'].map((w) => {
      const out = join(dir, `sobol${w}`);
      const r = gambit('sweep', '--method', 'sobol', '--n', '4', '--param', 'rules.macro.investmentMultiplier', '--turns', '4', '--workers', w, '--bootstrap', '50', '--no-progress', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const { command: _c, ...json } = JSON.parse(readFileSync(join(out, 'sobol.json'), 'utf8'));
      return { json, csv: readFileSync(join(out, 'sobol.csv'), 'utf8'), stdout: r.stdout.replace(/sobol\d/g, 'sobol') };
    });
    for (const r of runs.slice(1)) {
      expect(r.json).toEqual(runs[0].json);
      expect(r.csv).toBe(runs[0].csv);
      expect(r.stdout).toBe(runs[0].stdout);
    }
    const s = runs[0].json as { outcomes: { id: string; constant: boolean }[]; points: { f: number[] }[] };
    const q = s.outcomes.findIndex((o) => o.id === 'score_JPN');
    // one game a point: its mean is the game's own score, no longer rounded to 0.01, and it varies over the range
    expect(s.points.some((p) => !onGrid(p.f[q]))).toBe(true);
    expect(s.outcomes[q].constant).toBe(false);
    expect(runs[0].stdout).not.toMatch(/score_JPN: the same at every point/);
  }, 120_000);
});
