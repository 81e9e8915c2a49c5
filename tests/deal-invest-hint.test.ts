// Japan's Deals tab listed the opening US-Japan deal as "Japan gives USD 550 bn of investment" beside a budget bar of
// about USD 2 bn a turn, and a class's students asked how the budget would pay it. A deal's investment is a capital
// flow between the economies (docs/MODEL.md, "Pledges are capital flows"), never charged to the budget: the tab says
// so once, wherever a deal on it (offered, in force, or being proposed) holds an investment.
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, viewFor, type CountryId, type CountryOrders } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { dealsPanel } = await import('../src/ui/panels.ts');

const s = createGame(content, 1);
const hint = (c: CountryId, draft: { deals?: CountryOrders['deals'] } = {}) => (dealsPanel(viewFor(s, c), draft, () => {}) as unknown as FakeElement).querySelectorAll('[data-testid="invest-hint"]').map((e) => e.textContent);

afterEach(async () => setLang('en'));

describe("the Deals tab on a deal's investment", () => {
  it('Japan and the United States, party to the opening deal of USD 550 bn: said once, not from the budget', async () => {
    await setLang('en');
    expect(s.deals.some((d) => d.status === 'active' && [...d.give, ...d.get].some((k) => k.type === 'investment'))).toBe(true);
    for (const c of ['JPN', 'USA'] as const) {
      expect(hint(c)).toHaveLength(1);
      expect(hint(c)[0]).toMatch(/capital moved from one economy into the other, spread evenly over the deal’s turns.*not paid from your investment budget/);
    }
  });

  it('China, party to no deal: no word on it until it proposes one with an investment', async () => {
    await setLang('en');
    expect(hint('CHN')).toEqual([]);
    expect(hint('CHN', { deals: { propose: [{ to: 'AUS', give: [{ type: 'investment', usdBn: 5 }], get: [{ type: 'offtake', stage: 'ore.light', share: 0.2 }], termTurns: 8 }] } })).toHaveLength(1);
    expect(hint('CHN', { deals: { propose: [{ to: 'AUS', give: [{ type: 'tariffCap', good: 'autos', max: 5 }], get: [{ type: 'offtake', stage: 'ore.light', share: 0.2 }], termTurns: 8 }] } })).toEqual([]);
  });

  it('in Japanese', async () => {
    await setLang('ja');
    expect(hint('JPN')[0]).toMatch(/投資予算からは支払われません/);
  });
});
