// A sweep ranks the parameters by their effect on each outcome, not only overall: an analyst asking what moves Japan's
// score read a ranking by the root mean square over 14 outcomes, and each parameter's strongest effect only. The
// summary prints "by outcome" lines and the report a table, both from sweep.json's `told` (the outcomes each
// parameter's effect is told from 0 on): strongest first, effects the games cannot tell from 0 left out.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { byOutcome } from '../src/cli/sweep.ts';
import { gambit } from './cli-run.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-by-outcome-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('a sweep by outcome', () => {
  const ranking = [
    { path: 'a.small', effects: { score_JPN: 0.2, score_USA: -0.9 }, told: ['score_JPN', 'score_USA'] },
    { path: 'b.big', effects: { score_JPN: -1.5, score_USA: 3 }, told: ['score_JPN'] }, // its USA effect is noise
    { path: 'c.none', effects: { score_JPN: 2, score_USA: 0 }, told: [] },
  ];
  it('lists, for each outcome, the parameters told from 0 on it, by the size of the effect (a negative one too)', () => {
    expect(byOutcome(ranking, ['score_JPN', 'score_USA', 'score_CHN'])).toEqual([
      { outcome: 'score_JPN', movers: [{ path: 'b.big', effect: -1.5 }, { path: 'a.small', effect: 0.2 }] },
      { outcome: 'score_USA', movers: [{ path: 'a.small', effect: -0.9 }] },
      { outcome: 'score_CHN', movers: [] },
    ]);
  });

  it("the report's table says it; a sweep.json from before `told` gets no table", () => {
    const sweep = (withTold: boolean) => ({
      format: 'rare-earth-gambit-sweep', version: 1, scenario: 'rare-earth-gambit', seed: 1, gamesPerVariant: 2, turns: 3, method: 'one-at-a-time', agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' },
      variants: [{ params: {}, means: { score_JPN: 0, score_USA: 0 } }],
      ranking: ranking.map((r) => ({ path: r.path, base: 1, values: [0.5, 1.5], effects: r.effects, overall: 1, clear: r.told.length, ...(withTold ? { told: r.told } : {}), strongest: { outcome: 'score_JPN', effect: r.effects.score_JPN } })),
    });
    for (const withTold of [true, false]) {
      const dir = join(TMP, String(withTold));
      mkdirSync(dir);
      writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep(withTold)));
      const r = gambit('report', dir);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      if (withTold) {
        expect(html).toContain('<h3>By outcome</h3>');
        expect(html).toContain('<tr><td>score_JPN</td><td><code>b.big</code> −1.5, <code>a.small</code> 0.2</td></tr>');
        expect(html).toContain('<tr><td>score_USA</td><td><code>a.small</code> −0.9</td></tr>');
      } else expect(html).not.toContain('By outcome');
    }
  });

  it('the summary prints a line per outcome moved, and names the outcomes nothing moved', () => {
    const out = join(TMP, 'real');
    const r = gambit('sweep', '--param', 'rules.diplomacy.tensionDecay=0.1,0.4', '--param', 'rules.diplomacy.banTension=6,24', '--games', '2', '--turns', '4', '--workers', '1', '--no-progress', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('by outcome: the parameters that move it (effects these games tell from 0, strongest first, at most three):');
    expect(at).toBeGreaterThan(0);
    const json = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { ranking: { path: string; effects: Record<string, number>; told: string[] }[] };
    const per = byOutcome(json.ranking, Object.keys(json.ranking[0]!.effects));
    const moved = per.filter((o) => o.movers.length);
    expect(moved.length).toBeGreaterThan(0); // tension's decay moves some score in four turns
    for (const [i, o] of moved.entries()) expect(lines[at + 1 + i]).toMatch(new RegExp(`^  ${o.outcome} +${o.movers[0]!.path.replace(/\./g, '\\.')} `));
    const none = per.filter((o) => !o.movers.length).map((o) => o.outcome);
    if (none.length) expect(lines[at + 1 + moved.length]).toBe(`  moved by none of these: ${none.join(', ')}`);
  });
});
