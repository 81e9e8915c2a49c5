// Save keeps every timeline: a game with a fork saves both, and loading brings both back at their own turns, with the
// fork's label and turn, and the same active one; a save whose top-level orders disagree with its active timeline is refused.
import { describe, expect, it } from 'vitest';
import { SessionCore } from '../src/session/core.ts';
import { content } from './helpers.ts';

const cfg = { scenarioId: content.scenario.id, country: 'JPN' as const, agents: { JPN: 'status-quo', USA: 'persona', CHN: 'persona', AUS: 'persona', MYS: 'persona' }, turns: 4, seed: 5 };

describe('save and load with a fork', () => {
  it('keeps every timeline', () => {
    const s = new SessionCore(content);
    expect(s.start(cfg).ok).toBe(true);
    s.submit({ tariffs: { CHN: { magnets: 20 } } });
    s.submit({});
    s.fork();
    s.submit({ defenseSpendingPct: 1.9 });
    const before = s.snapshot();
    expect(before.timelines.map((t) => [t.label, t.turn, t.forkedAt])).toEqual([['Timeline A', 2, 0], ['Timeline B', 3, 2]]);
    const text = s.save();
    const t = new SessionCore(content);
    const r = t.load(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timelines.map((x) => [x.label, x.turn, x.forkedAt])).toEqual([['Timeline A', 2, 0], ['Timeline B', 3, 2]]);
    expect(r.value.activeTimeline).toBe(1);
    expect(r.value.view.self.gdp).toBe(before.view.self.gdp);
    const a = t.switchTimeline(0);
    expect(a.ok && a.value.turn).toBe(2);
    // the top-level orders (older readers' view) must be the active timeline's
    const bad = JSON.parse(text) as { playerOrders: unknown[] };
    bad.playerOrders = bad.playerOrders.slice(0, 2);
    const refused = new SessionCore(content).load(JSON.stringify({ ...bad, hashes: (JSON.parse(text) as { hashes: string[] }).hashes.slice(0, 2) }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/active timeline differs/);
  });
});
