// The report lists the orders a deal in force overrode (engine/deals.ts, overriddenOrders), as data: the UI used to
// find them by parsing the engine's English news lines, and went quiet if a wording changed.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, type GameState, type Orders } from '../engine/index.ts';

/** A US proposal to Japan, pending: Japan caps its car tariff on the US at 2.5%, keeps its magnet exports to the US
 * open and spends at least 1.8% of GDP on defence; Japan answers it this turn. */
function withOffer(): GameState {
  const s = structuredClone(createGame(content, 1));
  s.deals.push({
    id: 'D9',
    from: 'USA',
    to: 'JPN',
    give: [],
    get: [{ type: 'tariffCap', good: 'autos', max: 2.5 }, { type: 'openExports', stage: 'magnet' }, { type: 'defenseFloor', minPct: 1.8 }],
    termTurns: 8,
    status: 'proposed',
    proposedTurn: 0,
    startTurn: 0,
    endTurn: 0,
  });
  return s;
}

const report = (orders: Orders) => resolveTurn(content, withOffer(), orders, { ledger: false }).report;

describe('the report names the orders a deal overrode', () => {
  it('a tariff above the cap, an export ban the deal keeps open and defence below its floor', () => {
    const start = createGame(content, 1).regions.JPN.policies;
    expect(start.defensePct).toBe(1.8); // the order below is a cut, the deal's floor the start's level
    const r = report({ JPN: { tariffs: { USA: { autos: 25 } }, exportControls: { USA: { magnet: 'banned' } }, defenseSpendingPct: 1.6, deals: { accept: ['D9'] } } } as unknown as Orders);
    expect(r.overridden).toEqual([
      { country: 'JPN', deal: 'D9', partner: 'USA', kind: 'tariff', good: 'autos', ordered: 25, now: 2.5 },
      { country: 'JPN', deal: 'D9', partner: 'USA', kind: 'control', stage: 'magnet', ordered: 'banned', now: 'open' },
      { country: 'JPN', deal: 'D9', partner: 'USA', kind: 'defence', ordered: 1.6, now: 1.8 },
    ]);
  });

  it('an export licence moved from one share to another (the level stays "licensed")', () => {
    const s = withOffer();
    s.regions.JPN.policies.controls.USA.magnet = { ...s.regions.JPN.policies.controls.USA.magnet, level: 'licensed', share: 0.6, sinceTurn: 0 };
    const r = resolveTurn(content, s, { JPN: { exportControls: { USA: { magnet: { licensed: 0.1 } } }, deals: { accept: ['D9'] } } } as unknown as Orders, { ledger: false });
    expect(r.state.regions.JPN.policies.controls.USA.magnet.level).toBe('open');
    expect(r.report.overridden).toEqual([{ country: 'JPN', deal: 'D9', partner: 'USA', kind: 'control', stage: 'magnet', ordered: 'licensed', now: 'open' }]);
  });

  it('none when the orders stay within the deal', () => {
    const r = report({ JPN: { tariffs: { USA: { autos: 2 } }, deals: { accept: ['D9'] } } } as unknown as Orders);
    expect(r.overridden).toBeUndefined();
  });

  it('none when no deal binds the order', () => {
    const r = report({ JPN: { tariffs: { USA: { autos: 25 } } } } as unknown as Orders);
    expect(r.overridden).toBeUndefined();
  });

  it('a deal that binds a policy nobody ordered this turn is the deal taking effect, not an override', () => {
    const s = withOffer();
    s.regions.JPN.policies.tariffs.USA.autos = 30; // standing, above the cap
    const r = resolveTurn(content, s, { JPN: { deals: { accept: ['D9'] } } } as unknown as Orders, { ledger: false });
    expect(r.state.regions.JPN.policies.tariffs.USA.autos).toBe(2.5);
    // listed as `standing`: the digest says the deal came into force and lowered it, not that it overrode an order
    // (it was left out, and a class's students found their tariff fields changed with no word)
    expect(r.report.overridden).toEqual([{ country: 'JPN', deal: 'D9', partner: 'USA', kind: 'tariff', good: 'autos', ordered: 30, now: 2.5, standing: true }]);
  });
});
