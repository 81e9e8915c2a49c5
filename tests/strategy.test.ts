// The analyst's commands end to end: tournament payoff tables, parameter sweeps, counterfactual forks.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialFloor, ols } from '../src/cli/sweep.ts';
import { meanSd, t95 } from '../src/cli/tournament.ts';
import { halfWidth95 } from '../src/analysis/stats.ts';
import { pathKeys, readParam, withOverrides } from '../src/cli/batch.ts';
import { content } from './helpers.ts';
import { COUNTRIES, hashValue, makeAgent, playGame } from '../engine/index.ts';

const root = new URL('..', import.meta.url).pathname;
const gambit = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/gambit.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 180_000 });
const dir = mkdtempSync(join(tmpdir(), 'gambit-strategy-'));

describe('statistics helpers', () => {
  it('t quantiles, mean and sample sd', () => {
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(19)).toBeCloseTo(2.093, 3);
    expect(t95(1000)).toBeCloseTo(1.96, 2);
    const { mean, sd } = meanSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(sd).toBeCloseTo(2.138, 3);
    // a mean's 95% half-width: t(7) 2.365 x 2.138 / sqrt(8); none from one value
    expect(halfWidth95(sd, 8)).toBeCloseTo(1.788, 3);
    expect(halfWidth95(0, 1)).toBeNaN();
  });
  it('least squares recovers known slopes', () => {
    const X = [
      [1, 0],
      [2, 1],
      [3, 5],
      [4, 2],
      [5, 7],
    ];
    const y = X.map(([a, b]) => 1 + 2 * a - 3 * b);
    const beta = ols(X, y);
    expect(beta[0]).toBeCloseTo(2, 9);
    expect(beta[1]).toBeCloseTo(-3, 9);
  });
  it('content parameters are found by dotted path, stage keys with dots included, and overridden on a copy', () => {
    expect(pathKeys(content, 'goods.markets.oxide.heavy.shortRunElasticity')).toEqual(['goods', 'markets', 'oxide.heavy', 'shortRunElasticity']);
    expect(readParam(content, 'goods.autos.sigma')).toBe(content.goods.autos.sigma);
    expect(readParam(content, 'goods.autos.nope')).toBeUndefined();
    const v = withOverrides(content, { 'goods.autos.sigma': 9 });
    expect(v.goods.autos.sigma).toBe(9);
    expect(content.goods.autos.sigma).not.toBe(9);
    expect(v.hash).not.toBe(content.hash);
  });
});

describe('tournament', () => {
  it('plays every profile on common seeds and writes the payoff table, identical for 1 and 2 workers', () => {
    const args = ['tournament', '--pool', 'JPN=persona,diversifier', '--pool', 'CHN=persona,hawk', '--games-per-profile', '3', '--turns', '4', '--no-progress'];
    const a = gambit(...args, '--workers', '1', '--out', join(dir, 't1'));
    const b = gambit(...args, '--workers', '2', '--out', join(dir, 't2'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const t1 = readFileSync(join(dir, 't1', 'payoffs.json'), 'utf8');
    expect(readFileSync(join(dir, 't2', 'payoffs.json'), 'utf8')).toBe(t1);
    const table = JSON.parse(t1);
    expect(table.format).toBe('rare-earth-gambit-payoffs');
    expect(table.profiles).toHaveLength(4);
    expect(table.strategies.AUS).toEqual(['persona']);
    for (const p of table.profiles) for (const c of table.players) expect(Number.isFinite(p.mean[c]) && p.sd[c] >= 0).toBe(true);
    // the per-seed scores `analyze` pairs on: every profile on seeds 1-3, the mean of its scores the row's mean
    for (const p of table.profiles) {
      expect(p.seeds).toEqual([1, 2, 3]);
      for (const c of table.players) expect(p.scores[c].reduce((x: number, y: number) => x + y, 0) / 3).toBeCloseTo(p.mean[c], 12);
    }
    const csv = readFileSync(join(dir, 't1', 'payoffs.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toContain('ci95_low_JPN');
    expect(csv).toHaveLength(5);
    // the console table says what its figures are: agents on the left, mean scores in points ± half the 95% interval
    expect(a.stdout).toMatch(/^payoff table: 3 games per profile \(seeds 1-3\), 4 turns a game; AUS=persona MYS=persona USA=persona throughout \(their scores: payoffs\.csv\)\ncell: mean score in points \(against the game on the same seed with every seat at status quo, so a seat at status quo scores what the others' agents do to it\) ± half its 95% t-interval\n\nagents +\| mean score, points ±95%\nCHN +JPN +\| CHN +JPN\n/);
    const p = table.profiles.find((x: { strategies: Record<string, string> }) => x.strategies.CHN === 'hawk' && x.strategies.JPN === 'diversifier');
    const cellOf = (c: string) => `${Math.abs(p.mean[c]) < 0.005 ? '0.00' : `${p.mean[c] > 0 ? '+' : ''}${p.mean[c].toFixed(2)}`} ±${((4.302652729911275 * p.sd[c]) / Math.sqrt(3)).toFixed(2)}`;
    expect(a.stdout).toContain(`\nhawk     diversifier  | ${cellOf('CHN')}  ${cellOf('JPN')}\n`);
    expect(a.stdout).not.toMatch(/[+-]0\.00 /); // a mean that rounds to zero reads 0.00
  }, 180_000);
  it('shards run separately and merged give the same table as one run', () => {
    const args = ['tournament', '--pool', 'JPN=persona,diversifier', '--pool', 'CHN=persona,hawk', '--games-per-profile', '3', '--turns', '4', '--no-progress', '--workers', '1'];
    for (const k of [1, 2, 3]) expect(gambit(...args, '--shard', `${k}/3`, '--out', join(dir, `sh${k}`)).status).toBe(0);
    const m = gambit('merge', '--out', join(dir, 'shm'), join(dir, 'sh2'), join(dir, 'sh3'), join(dir, 'sh1'));
    expect(m.status, m.stderr).toBe(0);
    for (const f of ['payoffs.json', 'payoffs.csv', 'games.jsonl', 'games.csv']) expect(readFileSync(join(dir, 'shm', f), 'utf8')).toBe(readFileSync(join(dir, 't1', f), 'utf8'));
    const miss = gambit('merge', '--out', join(dir, 'shx'), join(dir, 'sh1'), join(dir, 'sh3'));
    expect(miss.status).toBe(2);
    expect(miss.stderr).toMatch(/missing shard 2\/3/);
  }, 180_000);
  it('samples profiles when asked, and refuses bad pools', () => {
    const s = gambit('tournament', '--pool', 'JPN=persona,diversifier,hawk', '--pool', 'CHN=persona,hawk', '--sample', '2', '--games-per-profile', '1', '--turns', '2', '--workers', '1', '--no-progress', '--out', join(dir, 'ts'));
    expect(s.status, s.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ts', 'payoffs.json'), 'utf8')).profiles).toHaveLength(2);
    // one game a profile: its sd is unknown, so the CSV leaves sd and interval empty (it said 0.0000)
    const row = readFileSync(join(dir, 'ts', 'payoffs.csv'), 'utf8').trim().split('\n')[1].split(',');
    expect(row.slice(7, 11)).toEqual([expect.stringMatching(/^-?\d+\.\d{4}$/), '', '', '']);
    // the games' length is the last column (a --turns tournament told apart from a full one)
    expect(readFileSync(join(dir, 'ts', 'payoffs.csv'), 'utf8').split('\n')[0].split(',').at(-1)).toBe('turns');
    expect(row.at(-1)).toBe('2');
    expect(s.stdout).toMatch(/^payoff table: 1 game per profile \(seed 1\)/);
    expect(s.stdout).toMatch(/\| [+-]\d+\.\d\d \(1 game: no interval\)/);
    const bads: [string[], RegExp][] = [
      [['--pool', 'XYZ=hawk'], /--pool: unknown country "XYZ"/],
      [['--pool', 'JPN=hawk,nobody'], /--pool JPN: unknown agent "nobody"/],
      [['--pool', 'JPN=hawk,hawk'], /--pool JPN: an agent is listed twice/],
      [['--pool', 'JPN=hawk,,persona'], /--pool JPN: an empty agent name in "hawk,,persona"/],
      // the pool would silently win over --agents: refused, saying what to do
      [['--pool', 'JPN=hawk,persona', '--agents', 'JPN=planner'], /--pool JPN and --agents JPN=planner: .*put planner in its pool/],
      [['--pool', 'JPN=hawk,persona', '--agents', 'CHN=nobody'], /^gambit: --agents: unknown agent "nobody"/],
    ];
    for (const [bad, msg] of bads) {
      const r = gambit('tournament', ...bad, '--games-per-profile', '1', '--out', join(dir, 'bad'));
      expect(r.status, bad.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
      expect(existsSync(join(dir, 'bad'))).toBe(false);
    }
  }, 180_000);
});

describe('Ctrl-C in a batch without a journal', () => {
  it('stops handing out games, says nothing was written, exits 130 and leaves no output directory', async () => {
    const out = join(dir, 'int');
    const child = spawn(process.execPath, [join(root, 'bin/gambit.mjs'), 'tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '500', '--turns', '8', '--workers', '1', '--no-progress', '--out', out], { cwd: root });
    let stderr = '';
    const code = await new Promise<number | null>((res) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/games on 1 worker/.test(stderr)) setTimeout(() => child.kill('SIGINT'), 1500);
      });
      child.on('close', (c) => res(c));
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/tournament: interrupted after \d+ of 1000 games; nothing written \(a tournament keeps no journal: run it again\)/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('sweep', () => {
  it("a one-at-a-time variant at the parameter's base value takes the baseline's games: the same game, bit for bit, not played again", () => {
    // the premise: the content with the override at its base value plays the same game as the content itself
    const base = withOverrides(content, {});
    const same = withOverrides(content, { 'goods.autos.sigma': 2.3 });
    expect(same).not.toBe(base);
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Parameters<typeof playGame>[2];
    expect(hashValue(playGame(same, 3, seats, { turns: 6, ledger: false }).state)).toBe(hashValue(playGame(base, 3, seats, { turns: 6, ledger: false }).state));
    const r = gambit('sweep', '--param', 'goods.autos.sigma=1.5,2.3,3', '--games', '2', '--turns', '4', '--workers', '1', '--no-progress', '--out', join(dir, 'sw-base'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("sweep: 4 variants x 2 games = 8 games of 4 turns each, 6 played (1 variant at the base value takes the baseline's games) on 1 worker");
    const rows = readFileSync(join(dir, 'sw-base', 'sweep.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    // variant, varies, baseline_games, then the parameter and the games' figures
    const of = (v: string) => rows.filter((x) => x[0] === v).map((x) => x.slice(3).join(','));
    expect(of('2')).toEqual(of('0'));
    expect(of('2')).toHaveLength(2);
    expect(rows.map((x) => x.slice(0, 3).join(','))).toEqual(['0,(baseline),1', '0,(baseline),1', '1,goods.autos.sigma,0', '1,goods.autos.sigma,0', '2,goods.autos.sigma,1', '2,goods.autos.sigma,1', '3,goods.autos.sigma,0', '3,goods.autos.sigma,0']);
    // the outcomes unrounded: the sweep's own means are the rows' means
    const s = JSON.parse(readFileSync(join(dir, 'sw-base', 'sweep.json'), 'utf8')) as { variants: { means: Record<string, number> }[] };
    const head = readFileSync(join(dir, 'sw-base', 'sweep.csv'), 'utf8').split('\n')[0].split(',');
    const col = head.indexOf('score_JPN');
    expect((Number(rows[2][col]) + Number(rows[3][col])) / 2).toBeCloseTo(s.variants[1].means.score_JPN, 12);
    expect(readFileSync(join(dir, 'sw-base', 'sweep.csv'), 'utf8').split('\n')[0].split(',').at(-1)).toBe('turns');
    // each seat's agent and each score's split by objective, as self-play's CSV has them (an analyst could not tell two
    // sweeps' rows apart, nor see which objective a parameter moved the score through)
    expect(head.slice(4, 9)).toEqual(['agent_AUS', 'agent_CHN', 'agent_JPN', 'agent_MYS', 'agent_USA']);
    const split = head.flatMap((h, k) => (/^score_[a-zA-Z]+_JPN$/.test(h) ? [k] : []));
    expect(split).toHaveLength(7);
    for (const r of rows) expect(split.reduce((a, k) => a + Number(r[k]), 0)).toBeCloseTo(Number(r[col]), 9);
    expect(rows.every((x) => x.at(-1) === '4')).toBe(true);
  }, 120_000);
  it('ranks parameters by their effect, one at a time and as a Latin hypercube', () => {
    const mud = 'projects.deepSea.design.daysPerYear';
    const r = gambit('sweep', '--param', 'goods.autos.sigma=1.5,3', '--param', 'countries.regions.CHN.trendGrowth=0.02,0.06', '--param', `${mud}=0.3,0.8`, '--games', '2', '--turns', '6', '--workers', '1', '--no-progress', '--out', join(dir, 'sw'));
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'sw', 'sweep.json'), 'utf8'));
    expect(s.variants).toHaveLength(7);
    expect(s.ranking.map((x: { path: string }) => x.path).sort()).toEqual(['countries.regions.CHN.trendGrowth', 'goods.autos.sigma', mud]);
    // the deep-sea programme cannot reach commercial lifting in six turns, so its operating days move nothing: no
    // outcome is named as its strongest effect, and one-at-a-time effects (ranges of means) carry no sign
    const m = s.ranking.find((x: { path: string }) => x.path === mud);
    expect(m.overall).toBe(0);
    expect(m.strongest).not.toHaveProperty('outcome');
    expect(r.stdout).toMatch(new RegExp(`${mud.replace(/\./g, '\\.')} +0\\.000  none: no outcome moved`));
    expect(r.stdout).not.toMatch(/ \+\d/);
    // the range comes with its 95% interval from the seed-by-seed differences (2 games a variant)
    expect(r.stdout).toMatch(/countries\.regions\.CHN\.trendGrowth +\d+\.\d{3}  \w+ \d+\.\d{3} ±\d+\.\d{3} \(means -?[\d.e+-]+ to -?[\d.e+-]+\)\n/);
    const t = s.ranking.find((x: { path: string }) => x.path === 'countries.regions.CHN.trendGrowth');
    expect(t.strongest.half95).toBe(t.half95[t.strongest.outcome]);
    expect(t.strongest.half95).toBeGreaterThanOrEqual(0);
    // China's trend growth sets China's GDP growth directly; the car trade elasticity only moves car trade, and
    // little in six turns
    expect(s.ranking[0].path).toBe('countries.regions.CHN.trendGrowth');
    const l = gambit('sweep', '--param', 'goods.autos.sigma=1.5,3', '--param', 'countries.regions.CHN.trendGrowth=0.02,0.06', '--lhs', '4', '--games', '1', '--turns', '4', '--workers', '2', '--no-progress', '--out', join(dir, 'lhs'));
    expect(l.status, l.stderr).toBe(0);
    const lj = JSON.parse(readFileSync(join(dir, 'lhs', 'sweep.json'), 'utf8'));
    expect(lj.method).toBe('latin-hypercube(4)');
    // each coefficient with a 95% bootstrap interval (lo <= hi), the strongest one's printed beside it
    for (const x of lj.ranking) for (const [lo, hi] of Object.values(x.ci95) as [number, number][]) expect(lo).toBeLessThanOrEqual(hi);
    expect(l.stdout).toMatch(/countries\.regions\.CHN\.trendGrowth +\d+\.\d{3}  \w+ [+-]\d+\.\d{3} \[-?\d+\.\d{3}, -?\d+\.\d{3}\] \([+-][\d.e+-]+ over the range\)( {2}\((within noise|negligible)\))?\n/);
    // the strongest effect in its outcome's own units too: one at a time the two means (the range of the means, in
    // standard deviations, is their difference over the outcome's spread); a hypercube, the fitted change over the range
    // (a standardised coefficient with one sample a point is at most 1 in magnitude: its unit is the spread of the
    // points it is fitted to)
    for (const x of s.ranking.filter((y: { strongest: { outcome?: string } }) => y.strongest.outcome !== undefined)) {
      const [a, b] = x.strongest.means;
      expect(b - a).toBeCloseTo(x.strongest.raw, 12);
      expect(b).toBeGreaterThanOrEqual(a);
    }
    for (const x of lj.ranking) expect(typeof x.strongest.raw).toBe('number');
    // with one parameter a standardised coefficient is the correlation of the outcome with it: at most 1 in magnitude
    // (its unit was the spread over all games, the baseline's among them, and a perfect line read 1.153)
    const one = gambit('sweep', '--param', 'goods.autos.sigma=1.5,3.5', '--lhs', '4', '--games', '1', '--turns', '2', '--no-progress', '--out', join(dir, 'lhs1'));
    expect(one.status, one.stderr).toBe(0);
    const oj = JSON.parse(readFileSync(join(dir, 'lhs1', 'sweep.json'), 'utf8'));
    const effects = Object.values(oj.ranking[0].effects) as number[];
    expect(Math.max(...effects.map(Math.abs))).toBeGreaterThan(0.5);
    for (const e of effects) expect(Math.abs(e)).toBeLessThanOrEqual(1 + 1e-9);
    // an effect inside its own 95% interval is marked as noise, by both methods, and the marks explained
    const marked = (out: string, path: string) => new RegExp(`\\n${path.replace(/\./g, '\\.')} .*  \\(within noise\\)\\n`).test(out);
    // and an effect below the smallest change the sweep counts in its outcome's own units (materialFloor) as negligible, in place
    // of any noise mark (an analyst's sweep ranked 0.0007 percentage points of growth as a finding)
    const negligibleMark = (out: string, path: string) => new RegExp(`\\n${path.replace(/\./g, '\\.')} .*  \\(negligible\\)\\n`).test(out);
    type Ranked = { path: string; clear: number; strongest: { outcome?: string; effect: number; raw: number; half95?: number; ci95?: [number, number]; negligible?: true } };
    const inside = (x: Ranked) => x.strongest.outcome !== undefined && (x.strongest.ci95 ? x.strongest.ci95[0] <= 0 && x.strongest.ci95[1] >= 0 : Math.abs(x.strongest.effect) <= x.strongest.half95!);
    for (const [out, json] of [[r.stdout, s], [l.stdout, lj]] as [string, { ranking: Ranked[]; variants: { means: Record<string, number> }[] }][]) {
      for (const x of json.ranking) {
        expect(marked(out, x.path), x.path).toBe(inside(x) && !x.strongest.negligible);
        expect(negligibleMark(out, x.path), x.path).toBe(Boolean(x.strongest.negligible));
        if (x.strongest.outcome !== undefined) expect(Boolean(x.strongest.negligible), x.path).toBe(Math.abs(x.strongest.raw) < materialFloor(x.strongest.outcome, json.variants[0].means[x.strongest.outcome]));
        // a parameter counted clear names a strongest effect that is neither negligible nor within noise
        if (x.clear > 0) expect([x.strongest.negligible, inside(x)], x.path).toEqual([undefined, false]);
      }
      expect(out.includes('(within noise): the 95% interval of the effect includes 0')).toBe(json.ranking.some((x) => inside(x) && !x.strongest.negligible));
      expect(out.includes("(negligible): the change in the outcome's own units is below the smallest change the sweep counts")).toBe(json.ranking.some((x) => x.strongest.negligible));
      expect(out).toContain(`overall: the root mean square of a parameter's effects over the 14 outcomes (sweep.csv has the outcomes, a game a row; sweep.json's ranking the effects, a parameter an entry)`);
    }
    // overall is the RMS of the effects that count: one negligible in its outcome's own units counts 0 (a hypercube
    // ranked a parameter first by ±1 coefficients on prices within 3e-5 of their mean, outcomes it "moved none of")
    for (const x of s.ranking as { path: string; overall: number; effects: Record<string, number> }[]) {
      const vs = (s.variants as { params: Record<string, number>; means: Record<string, number> }[]).filter((v) => x.path in v.params);
      const ids = Object.keys(x.effects);
      expect(ids).toHaveLength(14);
      const counted = ids.map((id) => {
        const ms = vs.map((v) => v.means[id]);
        return Math.max(...ms) - Math.min(...ms) >= materialFloor(id, s.variants[0].means[id]) ? x.effects[id] ** 2 : 0;
      });
      expect(x.overall, x.path).toBeCloseTo(Math.sqrt(counted.reduce((a, b) => a + b, 0) / 14), 12);
    }
    // the strongest effect named is one these games tell from 0 where there is one (the widest range of noise named
    // an outcome the parameter did not move, and ranked it): China's trend growth moves China's growth clearly; the
    // parameters with a clear effect come before those without
    expect(s.ranking[0].clear).toBeGreaterThan(0);
    const firstUnclear = s.ranking.findIndex((x: { clear: number }) => x.clear === 0);
    if (firstUnclear >= 0) expect(s.ranking.slice(firstUnclear).every((x: { clear: number }) => x.clear === 0)).toBe(true);
    const bad = gambit('sweep', '--param', 'goods.autos.nonsense=1,2', '--games', '1', '--out', join(dir, 'x'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a numeric content parameter/);
    // a misspelt path names the one it is closest to; values that are all the base value are refused (the sweep would
    // compare the baseline with itself and say the parameter moved nothing)
    const typo = gambit('sweep', '--param', 'goods.autos.sigmaa=1,2', '--games', '1', '--out', join(dir, 'x'));
    expect([typo.status, typo.stderr.trim()]).toEqual([2, 'gambit: --param: goods.autos.sigmaa is not a numeric content parameter (did you mean goods.autos.sigma?)']);
    const idle = gambit('sweep', '--param', 'goods.autos.sigma=2.3', '--games', '1', '--out', join(dir, 'x'));
    expect(idle.status).toBe(2);
    expect(idle.stderr).toMatch(/^gambit: --param goods\.autos\.sigma: the only value given is its base value 2\.3, so the sweep would compare the baseline with itself/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    // one parameter given twice, or held at one value in a hypercube, would be ranked as if it had been varied
    const refused: [string[], RegExp][] = [
      [['--param', 'goods.autos.sigma=1,2', '--param', 'goods.autos.sigma=3,4', '--games', '1'], /^gambit: --param goods\.autos\.sigma: given twice; list all its values once/],
      [['--method', 'lhs', '--lhs', '4', '--param', 'goods.autos.sigma=1.5', '--games', '1'], /^gambit: --param goods\.autos\.sigma: --lhs samples between the smallest and largest value given; give two different values/],
    ];
    for (const [args, msg] of refused) {
      const x = gambit('sweep', ...args, '--turns', '1', '--out', join(dir, 'refused'));
      expect(x.status, args.join(' ')).toBe(2);
      expect(x.stderr).toMatch(msg);
      expect(x.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'refused'))).toBe(false);
    }
    // a number shown on the order screen but never read by the engine is refused, by both methods, naming its source
    for (const m of [['--games', '1'], ['--method', 'sobol']]) {
      const shown = gambit('sweep', '--param', 'projects.types.deepSeaMud.successChance=0.3,0.8', ...m, '--out', join(dir, 'x'));
      expect(shown.status).toBe(2);
      expect(shown.stderr).toMatch(/--param projects\.types\.deepSeaMud\.successChance: the engine does not read it, so varying it changes nothing \("derived, for the order screen/);
    }
  }, 180_000);
});

describe('fork', () => {
  it('replays to a turn and reports seeded continuation differences; the unchanged fork differs by nothing', () => {
    const replay = join(dir, 'r.json');
    expect(gambit('run', '--seed', '4', '--turns', '10', '--format', 'jsonl', '--out', replay).status).toBe(0);
    const f = gambit('fork', replay, '--at', '4', '--agents', 'CHN=hawk', '--runs', '4', '--out', join(dir, 'f.json'));
    expect(f.status, f.stderr).toBe(0);
    const res = JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'));
    expect(res.results).toHaveLength(5);
    const jpn = res.results.find((x: { country: string }) => x.country === 'JPN');
    expect(jpn.meanDiff).toBeLessThan(0); // a hawkish China hurts Japan
    // and says where each difference comes from: the parts by objective add up to the mean (to the float), in the
    // file and in a table under the differences
    for (const x of res.results as { meanDiff: number; meanDiffBy: Record<string, number> }[]) {
      expect(Object.keys(x.meanDiffBy).sort()).toEqual(['approval', 'autoProduction', 'environment', 'gdp', 'independence', 'security', 'supplySecurity']);
      expect(Object.values(x.meanDiffBy).reduce((a, b) => a + b, 0)).toBeCloseTo(x.meanDiff, 9);
    }
    expect(f.stdout).toMatch(/\nthe mean difference split by objective \(points; the parts add up to the mean, to rounding\):\ncountry +score \| +GDP +security/);
    expect(f.stdout).toMatch(/\nJPN +-\d\.\d\d \| /);
    const same = gambit('fork', replay, '--at', '4', '--agents', 'CHN=persona-chn', '--runs', '2', '--out', join(dir, 'same.json'));
    expect(same.status, same.stderr).toBe(0);
    expect(same.stderr).toBe(`gambit: note: CHN already played persona-chn in ${replay}: the fork plays the same games again, so every difference is 0 (a check that the continuations are paired)\n`);
    for (const x of JSON.parse(readFileSync(join(dir, 'same.json'), 'utf8')).results) expect(Math.abs(x.meanDiff)).toBeLessThan(1e-9);
    // a script's turns are the game's own: orders for turns before the fork are never played, and the fork says so
    const early = join(dir, 'early.json');
    writeFileSync(early, JSON.stringify({ turns: { '2': { tariffs: { USA: { autos: 50 } } } } }));
    const e = gambit('fork', replay, '--at', '4', '--agents', `JPN=scripted:${early}`, '--runs', '1');
    expect(e.status, e.stderr).toBe(0);
    expect(e.stderr).toBe(`gambit: note: scripted:${early} gives orders for turn 2, before the turns played (5-10; a script's turns are the game's own, not counted from the fork): none of its orders are used, so the seat keeps its standing policies\n`);
    writeFileSync(early, JSON.stringify({ turns: { '2': { tariffs: { USA: { autos: 50 } } }, '6': { tariffs: { USA: { autos: 40 } } } } }));
    const some = gambit('fork', replay, '--at', '4', '--agents', `JPN=scripted:${early}`, '--runs', '1');
    expect(some.stderr).toMatch(/gives orders for turn 2, before the turns played \(5-10; .*\): those are not used\n$/);
    const inside = gambit('fork', replay, '--at', '1', '--agents', `JPN=scripted:${early}`, '--runs', '1');
    expect(inside.stderr).toBe('');
  }, 180_000);
});

describe('analyze', () => {
  it('names equilibrium candidates with their confidence, and writes JSON for the report', () => {
    const table = join(dir, 't1', 'payoffs.json');
    const r = gambit('analyze', table, '--samples', '200', '--out', join(dir, 'analysis.json'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PURE EQUILIBRIA/);
    expect(r.stdout).toMatch(/stable/);
    expect(r.stdout).toMatch(/ALPHA-RANK/);
    const a = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8'));
    expect(a.format).toBe('rare-earth-gambit-analysis');
    expect(a.profiles.known).toBe(4);
    expect(r.stdout.replace(/\n +/g, ' ')).toContain('Comparisons: paired: all 4 profiles were played on the same 3 seeds 1-3');
    expect(a.pairing.basis).toBe('paired');
    // a table written before tournaments kept per-seed scores is still read, and analysed unpaired, saying so
    const old = JSON.parse(readFileSync(table, 'utf8'));
    for (const p of old.profiles) [delete p.seeds, delete p.scores];
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const o = gambit('analyze', join(dir, 'old.json'), '--samples', '20');
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout.replace(/\n +/g, ' ')).toContain('Comparisons: unpaired: the table has no per-seed scores (profiles[].seeds and profiles[].scores');
    const bad = join(dir, 'bad.json');
    const t = JSON.parse(readFileSync(table, 'utf8'));
    delete t.profiles[0].mean.JPN;
    writeFileSync(bad, JSON.stringify(t));
    const b = gambit('analyze', bad);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/bad\.json: \$\.profiles\[0\]\.mean\.JPN/);
  }, 120_000);
});

describe('the fork table', () => {
  it('shows a difference too small for two decimals with two significant digits, so "runs better 100%" has a figure beside it', async () => {
    const { forkFigure } = await import('../src/cli/fork.ts');
    expect([0.00012, -0.0031, 0, 0.005, -1.234, 12].map((x) => forkFigure(x))).toEqual(['+0.00012', '-0.0031', '0.00', '+0.01', '-1.23', '+12.00']);
    // in a row whose runs reach -0.07 and +0.08 the mean keeps two decimals, as the columns beside it
    expect(forkFigure(0.0033, 0.08)).toBe('+0.00');
    expect(forkFigure(0.00012, 0.0004)).toBe('+0.00012');
  });
});
