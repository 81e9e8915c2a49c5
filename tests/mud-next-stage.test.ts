// The Invest tab says when a deep-sea stage ends this turn and the next one will start and pay for itself from what the
// orders leave of the budget: a new player saw orders of USD 0.10 bn and a budget that fell by 0.40 (the pilot had
// started), said only in the next digest.
import { afterEach, describe, expect, it } from 'vitest';
import { content, play } from './helpers.ts';
import { viewFor } from '../engine/index.ts';
import type { ProjectInfo } from '../src/session/protocol.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { runningList } = await import('../src/ui/running.ts');

const ds = content.projects.deepSea;
const t = content.projects.types.deepSeaMud!;
const types = [{ type: 'deepSeaMud', label: t.label, description: t.description, costUsdBn: t.costUsdBn, leadQuarters: t.leadQuarters, capacity: t.capacity, hosts: t.hosts, maxUnits: t.maxUnitsPerCountry, successChance: t.successChance, mud: { stageCostUsdBn: ds.stages.map((s) => s.costUsdBn), retryCostShare: ds.retry.costShare } }] as unknown as ProjectInfo[];
// Japan's programme, under way from the start: its trial lift ends in turn 2, and the pilot starts then
const { states } = play(1, 2, {}, content);
const note = (turn: 0 | 1, draft = {}, budget = 0.65) => (runningList(viewFor(states[turn]!, 'JPN'), types, draft, () => {}, false, budget) as unknown as FakeElement).querySelector('[data-testid^="mud-next-"]');

afterEach(async () => setLang('en'));

describe("a deep-sea stage that ends this turn", () => {
  it('says the next stage starts then, what it costs and what the orders leave of the budget', async () => {
    await setLang('en');
    const p = viewFor(states[0]!, 'JPN').projects.find((x) => x.mud)!;
    expect([p.mud!.stage, p.remainingQuarters]).toEqual([1, 1]);
    const pilot = ds.stages[2]!;
    expect(note(0)!.textContent).toBe(`If this stage passes at the end of this turn, the ${pilot.label} starts at once and takes USD ${pilot.costUsdBn.toFixed(2)} bn from what your orders leave of this turn’s budget (USD 0.65 bn); with less left, it waits for budget.`);
    // what the engine did: the pilot started in turn 2 and its cost was paid (the programme's spending rose by it)
    const after = viewFor(states[1]!, 'JPN').projects.find((x) => x.id === p.id)!;
    expect(after.mud!.stage).toBe(2);
    expect(after.costUsdBn - p.costUsdBn).toBeCloseTo(pilot.costUsdBn, 9);
    // a stage with quarters to go says nothing of the next, nor a programme the draft stops
    expect(note(1)).toBeNull();
    expect(note(0, { stopProgrammes: [p.id] })).toBeNull();
    await setLang('ja');
    expect(note(0)!.textContent).toMatch(/^この段階がこのターンの終わりに成功すると、.+がすぐに始まり/);
  });
});
