// The README's example of what `gambit run --seed 1` prints is the command's own output: every line of it (a line
// ending in "..." by what comes before) is a line the command prints. The example had drifted from three model changes
// (its Dy/Tb price, its price story and the US score's sign) before this check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

describe("the README's run example", () => {
  it('is what run --seed 1 prints, line for line', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /What `run --seed 1` prints \(abridged\):\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(block, 'the example block').not.toBeNull();
    const shown = block![1].split('\n').filter((l) => l.trim() !== '...');
    expect(shown.length).toBeGreaterThan(6);
    const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'run', '--seed', '1'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
    expect(r.status, r.stderr).toBe(0);
    const printed = r.stdout.split('\n');
    for (const l of shown) {
      const found = l.endsWith('...') ? printed.some((p) => p.startsWith(l.slice(0, -3))) : printed.includes(l);
      expect(found, l).toBe(true);
    }
  }, 180_000);

  // the hawk's figures in the README's self-play paragraph are those selfplay prints (they read -1.78 and -1.73 after
  // the model had moved them to -1.99 and -2.14: an analyst's review)
  it("gives the hawk's self-play figures selfplay prints", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const said = /in 10 games of `--agents JPN=hawk,CHN=status-quo`, (-?\d+\.\d\d) points, (-?\d+\.\d\d) of them security \(independence ([+-]\d+\.\d\d) the other way\)/.exec(readme);
    expect(said, 'the paragraph').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'readme-hawk-'));
    try {
      const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'selfplay', '--games', '10', '--agents', 'JPN=hawk,CHN=status-quo', '--workers', '1', '--no-progress', '--out', join(dir, 'hawk')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
      expect(r.status, r.stderr).toBe(0);
      const row = r.stderr.split('\n').find((l) => l.startsWith('JPN hawk'));
      expect(row, r.stderr).toBeDefined();
      // country, score, its ±95% | GDP, security, approval, cars, supply, independence, environment
      const [score, ci, , gdp, security, , , , independence] = row!.replace('JPN hawk', '').split(/\s+/).filter(Boolean);
      expect(ci).toMatch(/^±\d+\.\d\d$/);
      expect(gdp).toMatch(/^[+-]?\d+\.\d\d$/);
      expect([score, security, independence]).toEqual([said![1], said![2], said![3]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  // the jq example's output lines are the figures `run --format jsonl` gives (computed here as jq would pick them, so
  // the test needs no jq)
  it("shows the figures the jsonl example's jq picks", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```sh\nnpx gambit run --seed 1 --format jsonl \| jq -r '([^']+)'\n((?:# .*\n)+)```/.exec(readme);
    expect(block, 'the jq example').not.toBeNull();
    expect(block![1]).toBe('select(.turn) | [.turn, .date, .prices.magnet.world, .countries.JPN.magnetSupplyRatio, .countries.JPN.score] | @csv');
    const shown = block![2].trim().split('\n').map((l) => l.slice(2));
    const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'run', '--seed', '1', '--turns', String(shown.length), '--format', 'jsonl'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((x) => x.turn);
    expect(rows.map((x) => [x.turn, JSON.stringify(x.date), x.prices.magnet.world, x.countries.JPN.magnetSupplyRatio, x.countries.JPN.score].join(','))).toEqual(shown);
  }, 180_000);
});
