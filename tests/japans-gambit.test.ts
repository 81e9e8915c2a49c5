// The "Japan's gambit" scenario: listed with the others, the same world as the main scenario, and an end screen that
// sets the player's path among the thesis experiment's strategies (played in the session, on the player's yardstick).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, listScenarios, loadContent } from '../src/content/load.ts';
import { SessionCore } from '../src/session/core.ts';
import { experimentFor } from '../src/session/strategies.ts';
import { SCENARIO_BRIEFINGS } from '../src/ui/briefings.ts';

const read = (id: string) => JSON.parse(readFileSync(`${CONTENT_DIR}/scenarios/${id}.json`, 'utf8')) as Record<string, unknown>;
const agents = { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' };

describe("Japan's gambit", () => {
  it('is a listed scenario of 40 turns in the same world as rare-earth-gambit', () => {
    const s = listScenarios().find((x) => x.id === 'japans-gambit');
    expect(s).toMatchObject({ turns: 40 });
    expect(s!.description).toMatch(/20% \(JAMA\)/);
    // everything but its name and description is the main scenario's: a change there must be copied here
    const strip = ({ id: _i, name: _n, description: _d, ...rest }: Record<string, unknown>) => rest;
    expect(strip(read('japans-gambit'))).toEqual(strip(read('rare-earth-gambit')));
    expect(loadContent('japans-gambit').scenario.id).toBe('japans-gambit');
  });

  it('is briefed in the article\'s terms, for Japan', () => {
    const b = SCENARIO_BRIEFINGS['japans-gambit'];
    expect(b.seat).toBe('JPN');
    const text = [...b.argument, ...b.levers.map((l) => `${l.what} ${l.how}`), ...b.score].join(' ');
    for (const term of ['20%', 'JAMA', 'processing and refining hub', 'Australia, Malaysia and the US', 'supply agreement', '2% of GDP', 'China', 'Minamitorishima', 'Invest tab', 'Deals tab', 'Defence tab', 'status quo']) expect(text).toContain(term);
  });

  it('compares the player\'s path with all five strategies of the thesis, the status quo at exactly 0', () => {
    const content = loadContent('japans-gambit');
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'japans-gambit', country: 'JPN', agents, turns: 5, seed: 2 });
    if (!r.ok) throw new Error(r.error);
    s.submit({ defenseSpendingPct: 1.9, investments: [{ type: 'refinery.light', units: 1 }] });
    for (let i = 0; i < 4; i++) s.submit({});
    const f = s.finish();
    const plan = s.strategyPlan()!;
    expect(plan.seat).toBe('JPN');
    expect(plan.turns).toBe(5);
    expect(plan.strategies.map((x) => x.id).sort()).toEqual(['all', 'defence', 'hub', 'mud', 'status-quo']);
    expect(plan.player!.score).toBeCloseTo(f.score, 2);
    expect(plan.player!.figures.programmeUsdBn).toBeGreaterThan(0); // the separation plant
    const rows = plan.strategies.map((x) => s.strategyRow(x.id));
    for (const row of [plan.player!, ...rows]) {
      expect(Number.isFinite(row.score), row.id).toBe(true);
      expect(Object.values(row.scoreBy).reduce((a, v) => a + v, 0)).toBeCloseTo(row.score, 9);
      for (const v of Object.values(row.figures)) expect(Number.isFinite(v), row.id).toBe(true);
      expect(row.figures.usCarTariff).toBeGreaterThan(0);
    }
    const sq = rows.find((x) => x.id === 'status-quo')!;
    expect(sq.score).toBe(0);
    expect(Object.values(sq.scoreBy).every((v) => v === 0)).toBe(true);
    expect(rows.some((x) => x.score !== 0)).toBe(true);
    // the figures are the experiment's: programme spending as it is paid (the scenario's deep-sea programme's stages
    // too, so standing still spends what that programme costs in these turns); the hub spends more, defence the same
    const prog = (id: string) => rows.find((x) => x.id === id)!.figures.programmeUsdBn;
    expect(prog('hub')).toBeGreaterThan(sq.figures.programmeUsdBn + 0.1);
    expect(prog('defence')).toBe(sq.figures.programmeUsdBn);
  });

  it('has no comparison for another seat, and none in a scenario without an experiment', () => {
    const s = new SessionCore(loadContent('japans-gambit'));
    s.start({ scenarioId: 'japans-gambit', country: 'USA', agents, turns: 1, seed: 1 });
    s.submit({});
    expect(s.strategyPlan()).toMatchObject({ seat: 'JPN', player: null });
    expect(() => s.strategyRow('hub')).toThrow(/JPN/);
    const t = new SessionCore(loadContent('rare-earth-gambit'));
    t.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents, turns: 1, seed: 1 });
    expect(t.strategyPlan()).toBeNull();
    expect(experimentFor('japans-gambit')?.id).toBe('thesis');
  });
});
