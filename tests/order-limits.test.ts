// ORDER_LIMITS (engine/limits.ts) in play: a country can have 4 x `proposals` offers to answer in a turn, and the
// personas' answers to them (accept, reject, a reason each, a counter-offer for each refused one) stay within the
// bounds, so their orders are never refused as a whole; the page words a list over its bound.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, createGame, makeAgent, validateOrders, viewFor, type CountryId, type GameState } from '../engine/index.ts';
import { ORDER_LIMITS } from '../engine/limits.ts';
import { makeRng } from '../engine/prng.ts';
import { issueMessage } from '../src/ui/issues.ts';
import { setLang } from '../src/ui/i18n.ts';
import { content } from './helpers.ts';

/** A state in which every other country has made `ORDER_LIMITS.proposals` offers to `to` last turn, each asking much
 * for little (a cap of 0% on its cars, for a cap of 500% on theirs): offers a persona refuses, and counter-offers. */
function flooded(to: CountryId): GameState {
  const s = createGame(content, 1);
  let id = 1000;
  for (const from of COUNTRIES)
    if (from !== to)
      for (let k = 0; k < ORDER_LIMITS.proposals; k++)
        s.deals.push({ id: `D${id++}`, from, to, give: [{ type: 'tariffCap', good: 'autos', max: 500 }], get: [{ type: 'tariffCap', good: 'autos', max: 0 }], termTurns: 8, status: 'proposed', proposedTurn: s.turn - 1, startTurn: 0, endTurn: 0 });
  return s;
}

describe('order limits in play', () => {
  it('every persona answers 40 offers with orders the bounds take', { timeout: 120_000 }, () => {
    for (const c of COUNTRIES) {
      const s = flooded(c);
      const o = makeAgent(content, 'persona', c).decide({ content, view: viewFor(s, c), rng: makeRng(`flood:${c}`) });
      const answered = (o.deals?.accept?.length ?? 0) + (o.deals?.reject?.length ?? 0);
      expect(answered, c).toBe(4 * ORDER_LIMITS.proposals);
      expect(o.deals?.propose?.length ?? 0, c).toBeLessThanOrEqual(ORDER_LIMITS.proposals);
      const v = validateOrders(content, s, { [c]: o });
      expect(v.ok ? [] : v.issues.filter((i) => /Too big|at most/.test(i.message)), c).toEqual([]);
    }
  });

  // Japan's offer of the screenshots (half its NdPr oxide for a 5% cap on the US's tariff on its cars), which the US
  // negotiator refuses with a counter-offer (a cap of 15%). Twelve of them stand for a turn with more refused offers
  // than a turn's proposals (Japan's ten and China's truce offers, each countered): the state is made by hand here.
  it("the US negotiator, which counter-offers each offer it refuses, proposes at most a turn's worth", { timeout: 300_000 }, () => {
    const s = createGame(content, 1);
    for (let k = 0; k < ORDER_LIMITS.proposals + 2; k++)
      s.deals.push({ id: `D${2000 + k}`, from: 'JPN', to: 'USA', give: [{ type: 'offtake', stage: 'oxide.light', share: 0.5 }], get: [{ type: 'tariffCap', good: 'autos', max: 5 }], termTurns: 7, status: 'proposed', proposedTurn: s.turn - 1, startTurn: 0, endTurn: 0 });
    const o = makeAgent(content, 'usa-negotiator', 'USA').decide({ content, view: viewFor(s, 'USA'), rng: makeRng('flood:neg') });
    expect(o.deals?.reject?.length).toBe(ORDER_LIMITS.proposals + 2);
    // a reason for each, naming a counter-offer only where one is made
    expect(Object.keys(o.deals?.why ?? {}).length).toBe(ORDER_LIMITS.proposals + 2);
    expect(Object.values(o.deals?.why ?? {}).filter((w) => w.includes('counter-offer')).length).toBe(ORDER_LIMITS.proposals);
    expect(o.deals?.propose?.length).toBe(ORDER_LIMITS.proposals);
    expect(validateOrders(content, s, { USA: o }).ok).toBe(true);
  });

  it("the page words a list over its bound in the player's language", async () => {
    await setLang('en');
    expect(issueMessage('Too big: expected array to have <=10 items')).toBe('at most 10 a turn');
    await setLang('ja');
    expect(issueMessage('Too big: expected array to have <=10 items')).toBe('1ターンに10件までです');
    await setLang('en');
  });
});
