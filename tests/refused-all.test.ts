// One End turn lists every problem of a country's orders: the sections that parse are checked against the rules even when
// another section is malformed. A new player's tariff of 600% hid her defence step beyond the turn's limit until she had
// mended the tariff and pressed End turn again.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame } from '../engine/init.ts';
import { validateOrders } from '../engine/policy.ts';

const state = createGame(content, 1);

describe('refused orders', () => {
  it('name the problems of shape and of the rules together', () => {
    const r = validateOrders(content, state, { JPN: { tariffs: { USA: { autos: 600 }, CHN: { magnets: -5 } }, defenseSpendingPct: 5 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.wellFormed).toBe(false);
    expect(r.issues.map((i) => i.path)).toEqual(['$.JPN.tariffs.USA.autos', '$.JPN.tariffs.CHN.magnets', '$.JPN.defenseSpendingPct']);
    expect(r.issues[2].message).toMatch(/^a change of 3\.\d\d percentage points \(of GDP\) exceeds the 0\.\d\d that approval of [\d.]+ allows this turn$/);
  });

  it('with an unknown section left out of the rules, and say nothing more of orders that are right', () => {
    const r = validateOrders(content, state, { JPN: { tarifs: { USA: { autos: 10 } }, defenseSpendingPct: 5 }, USA: { tariffs: { CHN: { autos: 20 } }, defenseSpendingPct: 'x' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['$.JPN.tarifs', '$.USA.defenseSpendingPct', '$.JPN.defenseSpendingPct']);
    // the same orders with the malformed parts mended: the rules find the same defence step, and nothing else
    const mended = validateOrders(content, state, { JPN: { defenseSpendingPct: 5 }, USA: { tariffs: { CHN: { autos: 20 } } } });
    expect(mended.ok).toBe(false);
    if (mended.ok) return;
    expect(mended.issues.map((i) => i.path)).toEqual(['$.JPN.defenseSpendingPct']);
    expect(mended.wellFormed).toBe(true);
  });

  it('with two unknown sections, checks the rest; and leaves out the investments when the stops they count on are malformed', () => {
    const two = validateOrders(content, state, { JPN: { tarifs: {}, investmnts: [], defenseSpendingPct: 5 } });
    expect(two.ok).toBe(false);
    if (two.ok) return;
    expect(two.issues.map((i) => i.path)).toEqual(['$.JPN.tarifs', '$.JPN.defenseSpendingPct']);
    // Japan's programme stopped and as many started as the limit allows: within it only with the stop counted; a malformed
    // stop list drops the investments from the rules' check too, so no "over the limit" is said that the orders mended
    // would not have
    const mud = state.projects.find((p) => p.owner === 'JPN' && p.mud)!;
    const max = content.projects.types.deepSeaMud!.maxUnitsPerCountry;
    const orders = (stops: unknown) => ({ JPN: { stopProgrammes: stops, investments: [{ type: 'deepSeaMud', units: max }] } });
    const over = validateOrders(content, state, { JPN: { investments: [{ type: 'deepSeaMud', units: max }] } });
    expect(over.ok ? [] : over.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/over the limit/)); // the premise
    const mended = validateOrders(content, state, orders([mud.id]));
    expect(mended.ok ? [] : mended.issues.map((i) => i.message)).not.toContainEqual(expect.stringMatching(/over the limit/));
    const broken = validateOrders(content, state, orders([mud.id, 'bad id!']));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.issues.map((i) => i.path)).toEqual(['$.JPN.stopProgrammes[1]']);
  });
});
