// An analyst's review of the batch commands' words: `report` on a Sobol sweep's directory told the user to write
// the files "with gambit ... sweep", which she had just run (a Sobol sweep writes its own sobol.md); one game's
// self-play said "1 games written"; and the report told readers a tournament score of 0 meant "as good as doing
// nothing", though it is measured against every seat at status quo, not only theirs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-words-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe("the batch commands' words", () => {
  it('report on a Sobol sweep directory points at its sobol.md', () => {
    const dir = join(TMP, 'sob');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sobol.json'), '{}');
    const r = gambit('report', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`a Sobol sweep's directory: its report is ${join(dir, 'sobol.md')}`);
    expect(r.stderr).not.toContain('write them with');
  });

  it('one game of self-play is "1 game written"; the report says what 0 means in a batch', () => {
    const out = join(TMP, 'one.jsonl');
    const s = gambit('selfplay', '--games', '1', '--turns', '2', '--out', out);
    expect(s.code).toBe(0);
    expect(s.stderr).toMatch(/^1 game written to /m);
    const rep = gambit('report', TMP);
    expect(rep.code).toBe(0);
    const html = readFileSync(join(TMP, 'report.html'), 'utf8');
    expect(html).toContain('so a seat at status quo scores what the others');
    expect(html).not.toContain('0 = as good as doing nothing');
  });
});

describe("the report's sweep, effects against their noise", () => {
  it('marks a strongest effect inside its interval "(within noise)" and gives the CSV its interval', () => {
    const dir = join(TMP, 'sw');
    mkdirSync(dir);
    const row = (path: string, effect: number, half95: number, clear: number) => ({ path, base: 1, values: [0.5, 1.5], effects: { score_JPN: effect, gdp_growth_pct_USA: effect / 2 }, half95: { score_JPN: half95, gdp_growth_pct_USA: half95 }, overall: effect, clear, strongest: { outcome: 'score_JPN', effect, half95, raw: effect / 100, means: [0.93879, 0.93879 + effect / 100] } });
    const sweep = { format: 'rare-earth-gambit-sweep', version: 1, scenario: 'rare-earth-gambit', seed: 1, gamesPerVariant: 10, turns: 4, method: 'one-at-a-time', agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, variants: [{ params: {}, means: { score_JPN: 0, gdp_growth_pct_USA: 0 } }], ranking: [row('goods.autos.sigma', 0.05, 0.014, 2), row('projects.deepSea.prior.alpha', 0.19, 0.43, 0)] };
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));
    const r = gambit('report', dir);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.match(/\(within noise\)/g)?.length).toBe(2); // the alpha row, and the line that says what it means
    expect(html).toContain('the 95% interval of the effect includes 0');
    const csv = readFileSync(join(dir, 'report-sweep.csv'), 'utf8').split('\n');
    expect(csv[0]).toContain('strongest_effect,strongest_effect_lo95,strongest_effect_hi95');
    expect(csv[1]).toMatch(/^1,goods\.autos\.sigma,1,0\.5;1\.5,0\.05,score_JPN,0\.05,0\.036,0\.064,0\.0005,/);
    // the strongest effect in the outcome's units beside it, to the digits that tell the two means apart
    expect(html).toContain('(means 0.9388 to 0.9393)');
    expect(html).toContain('(means 0.939 to 0.941)');
  });
});
