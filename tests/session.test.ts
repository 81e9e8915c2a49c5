// The session behind the browser UI (and, later, the classroom server): turns, undo, fork, save/load, the end screen.
import { describe, expect, it } from 'vitest';
import { SessionCore } from '../src/session/core.ts';
import { OBJECTIVE_LABEL } from '../src/session/score.ts';
import { content } from './helpers.ts';

const cfg = { scenarioId: 'rare-earth-gambit', country: 'JPN' as const, agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 6, seed: 4 };

function started(): SessionCore {
  const s = new SessionCore(content);
  const r = s.start(cfg);
  if (!r.ok) throw new Error(r.error);
  return s;
}

describe('session', () => {
  it('plays turns with the agents in the other seats and reports scores and history', () => {
    const s = started();
    const r1 = s.submit({ defenseSpendingPct: 2.0, tariffs: { CHN: { other: 5 } } });
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    expect(r1.value.turn).toBe(1);
    expect(r1.value.view.self.policies.defensePct).toBe(2.0);
    expect(r1.value.history).toHaveLength(1);
    expect(r1.value.report?.headlines.JPN.gdp.causes.length).toBeGreaterThan(0);
    expect((r1.value.view.others.CHN as Record<string, unknown>).budget).toBeUndefined();
  });
  it('refuses invalid orders with every problem and keeps the turn', () => {
    const s = started();
    const r = s.submit({ defenseSpendingPct: 9, investments: [{ type: 'nope' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['$.JPN.defenseSpendingPct', '$.JPN.investments[0].type']));
    expect(s.snapshot().turn).toBe(0);
  });
  it('refuses a game set-up without a number of turns or with a bad seed, naming the field', () => {
    const s = new SessionCore(content);
    const noTurns = s.start({ ...cfg, turns: undefined as unknown as number });
    expect(noTurns.ok).toBe(false);
    if (!noTurns.ok) expect(noTurns.error).toMatch(/number of turns must be a number \(1 to 40\), got nothing/);
    const badSeed = s.start({ ...cfg, seed: -1 });
    expect(badSeed.ok).toBe(false);
    if (!badSeed.ok) expect(badSeed.error).toMatch(/seed/);
    expect(s.start(cfg).ok).toBe(true);
  });

  it('undoes to an earlier turn and replays the same future from there', () => {
    const s = started();
    s.submit({});
    const a = s.submit({ tariffs: { CHN: { autos: 30 } } });
    s.undo(1);
    expect(s.snapshot().turn).toBe(1);
    const b = s.submit({ tariffs: { CHN: { autos: 30 } } });
    expect(a.ok && b.ok && a.value.view.self.gdp === b.value.view.self.gdp).toBe(true);
  });
  it("gives the undone turn's orders back as the draft, to change rather than give again", () => {
    const s = started();
    s.submit({});
    s.submit({ tariffs: { CHN: { magnets: 25 } } });
    const u = s.undo(1);
    expect(u.ok && u.value.draft).toEqual({ tariffs: { CHN: { magnets: 25 } } });
    const first = s.undo(0);
    expect(first.ok && first.value.draft).toEqual({});
    // a later snapshot does not carry it (the draft is the page's from then on)
    expect(s.snapshot().draft).toBeUndefined();
  });
  it('forks a second timeline and compares the two', () => {
    const s = started();
    s.submit({});
    s.fork();
    s.submit({ tariffs: { '*': { other: 40 } } });
    s.switchTimeline(0);
    s.submit({});
    const c = s.compare();
    expect(c.timelines).toHaveLength(2);
    expect(c.histories[0]).toHaveLength(2);
    expect(c.histories[1]).toHaveLength(2);
    expect(c.histories[1][1].countries.JPN.gdp).not.toBe(c.histories[0][1].countries.JPN.gdp);
  });
  it('saves and loads a game exactly, and a malformed file leaves the current game alone', () => {
    const s = started();
    s.submit({ defenseSpendingPct: 2.0 });
    s.submit({ investments: [{ type: 'stockpile.heavy', units: 1 }] });
    const text = s.save();
    const t = new SessionCore(content);
    const r = t.load(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.view.self.gdp).toBe(s.snapshot().view.self.gdp);
    const before = s.snapshot().view.self.gdp;
    for (const bad of ['not json', '{"format":"other"}', text.replace(/"hashes": \[\n  "[0-9a-f]+"/, '"hashes": [\n  "0000000000000000"')]) {
      const x = s.load(bad);
      expect(x.ok).toBe(false);
      if (!x.ok) expect(x.error.length).toBeGreaterThan(10);
      expect(s.snapshot().turn).toBe(2);
      expect(s.snapshot().view.self.gdp).toBe(before);
    }
  });
  it('ends with a score, charts data and the decisions that mattered', () => {
    const s = started();
    s.submit({ tariffs: { CHN: { other: 60 } } });
    for (let i = 0; i < 4; i++) s.submit({});
    s.submit({ defenseSpendingPct: 2.0 });
    expect(s.snapshot().over).toBe(true);
    const f = s.finish();
    expect(f.history).toHaveLength(6);
    expect(f.baseline).toHaveLength(6);
    expect(f.decisions.map((d) => d.turn).sort()).toEqual([1, 6]);
    expect(Math.abs(f.decisions[0].worth)).toBeGreaterThanOrEqual(Math.abs(f.decisions[1].worth));
    expect(f.score).toBe(s.snapshot().score);
  });
  it('splits the score by objective against the yardstick, turn by turn', () => {
    const s = started();
    expect(s.snapshot().turnScore).toBeNull();
    const sum = (by: Record<string, { total: number; change: number; gap: number }>, k: 'total' | 'change' | 'gap') => Object.values(by).reduce((a, p) => a + p[k], 0);
    let prev = 0;
    for (const o of [{ tariffs: { CHN: { other: 40 } } }, { defenseSpendingPct: 2.0 }, {}]) {
      const r = s.submit(o);
      if (!r.ok) throw new Error(r.error);
      const ts = r.value.turnScore!;
      expect(ts.turn).toBe(r.value.turn);
      expect(Object.keys(ts.by)).toHaveLength(7);
      expect(sum(ts.by, 'total')).toBeCloseTo(ts.score, 9);
      expect(ts.score).toBeCloseTo(r.value.score, 2); // the snapshot's score is rounded to cents
      expect(sum(ts.by, 'change')).toBeCloseTo(ts.score - ts.prev, 9);
      expect(sum(ts.by, 'gap')).toBeCloseTo(ts.gap, 9);
      expect(ts.prev).toBeCloseTo(prev, 9);
      expect(ts.score).toBeCloseTo((ts.prev * (ts.turn - 1) + ts.gap) / ts.turn, 9);
      prev = ts.score;
    }
    expect(Math.abs(s.snapshot().turnScore!.score)).toBeGreaterThan(0.001); // a 40% tariff is not free
    const replayed = s.replayTurn(2);
    expect(replayed.ok && replayed.value.score.turn).toBe(2);
    s.undo(1);
    expect(s.snapshot().turnScore!.turn).toBe(1);
    const f = s.finish();
    const ts = s.snapshot().turnScore!;
    // only the objectives the country weighs, as its briefing lists them: an objective of weight 0 is not shown
    expect(ts.weighted!.map((k) => OBJECTIVE_LABEL[k as keyof typeof OBJECTIVE_LABEL])).toEqual(expect.arrayContaining(s.briefing('JPN').objectives.map((o) => o.name)));
    expect(ts.weighted).toHaveLength(s.briefing('JPN').objectives.length);
    expect(ts.weighted).not.toContain('environment');
    for (const k of Object.keys(ts.by)) if (!ts.weighted!.includes(k)) expect(ts.by[k]!.total).toBe(0);
    expect(Object.entries(f.scoreBy).map(([k, v]) => [k, v])).toEqual(Object.entries(ts.by).filter(([k]) => ts.weighted!.includes(k)).map(([k, p]) => [k, p.total]));
    for (const row of f.scoreByTurn!) expect(Object.keys(row)).toEqual(ts.weighted);
  });
  it('briefs each country on its situation, objectives and levers', () => {
    const s = new SessionCore(content);
    const b = s.briefing('MYS');
    expect(b.name).toBe('Malaysia');
    expect(b.objectives.reduce((a, o) => a + o.weight, 0)).toBeCloseTo(1, 6);
    expect(b.situation.join(' ')).toMatch(/GDP USD 446 bn/);
    // the budget's share of GDP with its digits (one decimal once printed every country's as 0.0%)
    expect(b.situation.join(' ')).toContain(`Investment budget: ${content.countries.regions.MYS.budgetPctGdp}% of GDP a year`);
    expect(s.briefing('JPN').situation.join(' ')).toContain(`Investment budget: ${content.countries.regions.JPN.budgetPctGdp}% of GDP a year`);
  });
});
