// A sweep's --param values are checked by the content file's own rules before any game: a value `gambit validate`
// refuses in the file (sigma at or below 0, a negative GDP) is refused at the start, exit 2, naming the flag, the value
// and the rule, with nothing written. Before, such sweeps played and ranked their variants (Japan at GDP -100 bn
// "grew" 13%). A value past a number's believed range, inside its hard rule, is still swept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';
import { readBundle } from '../src/content/load.ts';
import { checkParamValues } from '../src/cli/param-check.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-param-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gambit = (...args: string[]) => spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: TEST_ENV });

describe('sweep --param values the content does not allow', () => {
  it('are refused before any game, for one-at-a-time and Sobol sweeps', () => {
    const cases: [string[], RegExp][] = [
      [['--param', 'goods.autos.sigma=-5,2.3', '--games', '1'], /^gambit: --param goods\.autos\.sigma=-5: the content does not allow it \(content\/goods\.json: \$\.autos\.sigma\.v: expected a number above 0 and at most 20, found number -5\)/],
      [['--param', 'countries.regions.JPN.gdpUsdBn=4000,-100', '--games', '1'], /^gambit: --param countries\.regions\.JPN\.gdpUsdBn=-100: .*expected a number at least 1/],
      [['--method', 'sobol', '--n', '2', '--param', 'rules.macro.tradeElasticity=-1,0.5'], /^gambit: --param rules\.macro\.tradeElasticity=-1: .*expected a number above 0/],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, `refused-${cases.findIndex((c) => c[0] === args)}`);
      const r = gambit('sweep', ...args, '--turns', '1', '--workers', '1', '--no-progress', '--out', out);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('lets values past the believed range through when the hard rule allows them', () => {
    const raw = readBundle('rare-earth-gambit');
    // tradeElasticity: v 4, believed range 3-8, rule above 0 and at most 50
    expect(() => checkParamValues(raw, [{ path: 'rules.macro.tradeElasticity', values: [0.01, 3, 49] }])).not.toThrow();
    expect(() => checkParamValues(raw, [{ path: 'rules.macro.tradeElasticity', values: [51] }])).toThrow(/tradeElasticity=51: the content does not allow it/);
    // a number with no believed range: only its rule applies
    expect(() => checkParamValues(raw, [{ path: 'goods.autos.sigma', values: [2] }])).not.toThrow();
  });
});
