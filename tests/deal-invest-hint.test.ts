// Japan's Deals tab listed the opening US-Japan deal as "Japan gives USD 550 bn of investment" beside a budget bar of
// about USD 2 bn a turn, and a class's students asked how the budget would pay it. A deal's investment is a capital
// flow between the economies (docs/MODEL.md, "Pledges are capital flows"), never charged to the budget: the tab says
// so once, wherever a deal on it (offered, in force, or being proposed) holds an investment. A new player then could
// not tell what the pledge did to Japan a quarter: each pledge is now said in figures, by the engine's rule
// (engine/macro.ts), which the last tests hold it to.
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurnLean, viewFor, type Content, type CountryId, type CountryOrders } from '../engine/index.ts';
import { contentFigures } from '../src/session/figures.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { dealsPanel } = await import('../src/ui/panels.ts');
const { investLines, investNote, sharePct } = await import('../src/ui/deal-invest.ts');

const s = createGame(content, 1);
const hint = (c: CountryId, draft: { deals?: CountryOrders['deals'] } = {}) => (dealsPanel(viewFor(s, c), draft, () => {}, Infinity, false, content.rules.macro.capitalReturn) as unknown as FakeElement).querySelectorAll('[data-testid="invest-hint"]').map((e) => e.textContent);

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

const cr = content.rules.macro.capitalReturn;
const pledge = content.scenario.deals.find((d) => d.a === 'USA' && d.b === 'JPN')!;

describe("a deal's investment, in figures", () => {
  it("is the engine's rule: the first turn's share moves capitalReturn x (pledge / term) of potential output a year", () => {
    expect(contentFigures(content, createGame(content, 1), 'JPN', createGame(content, 1)).capitalReturn).toBe(cr);
    const without: Content = { ...content, scenario: { ...content.scenario, deals: content.scenario.deals.filter((d) => d !== pledge) } };
    const one = (c: Content) => resolveTurnLean(c, createGame(c, 1), {}, { ledger: false }).state.regions;
    const [a, b] = [one(content), one(without)];
    const usd = (pledge.bGives.find((k) => k.type === 'investment') as { usdBn: number }).usdBn;
    const step = (cr * usd) / pledge.untilTurn;
    expect(b.JPN.potential - a.JPN.potential).toBeCloseTo(step, 9);
    expect(a.USA.potential - b.USA.potential).toBeCloseTo(step, 9);
  });

  it('says the pledge, its share a turn, what each share moves and the whole against the giver’s GDP', async () => {
    await setLang('en');
    const d = { from: 'USA' as const, to: 'JPN' as const, give: [{ type: 'tariffCap', good: 'autos', max: 15 }], get: [{ type: 'investment', usdBn: 550 }], termTurns: 14 };
    expect(investLines([d, d], 0.1, (c) => (c === 'JPN' ? 4200 : undefined), 1, 40)).toEqual([
      'Japan moves USD 550 bn to the United States over 14 turns, USD 39.3 bn a turn: each turn’s share moves USD 3.93 bn a year of potential output from Japan to the United States, about USD 55.0 bn a year once the whole pledge has moved (1.3% of Japan’s GDP now).',
    ]);
    expect(investLines([{ ...d, get: [] }], 0.1, () => 4200, 1, 40)).toEqual([]);
    // a game that ends before the pledge has moved whole: how much has by its last turn (6 of the 14 shares)
    const [short] = investLines([{ ...d, status: 'active', startTurn: 1, endTurn: 14 }], 0.1, () => 4200, 1, 6);
    expect(short).toMatch(/ The game ends first: 6 turns of it fall in the game, so about USD 23\.6 bn a year has moved by its last turn\.$/);
    // an offer answered this turn moves from this turn; a proposal queued now, from the next
    expect(investLines([{ ...d, status: 'proposed' }], 0.1, () => 4200, 3, 10)[0]).toMatch(/ 8 turns of it fall in the game, .* USD 31\.4 bn a year/);
    expect(investLines([d], 0.1, () => 4200, 3, 10)[0]).toMatch(/ 7 turns of it fall in the game, .* USD 27\.5 bn a year/);
    expect(investNote([{ ...d, get: [] }], 0.1, () => 4200, 1, 40)).toBe('');
    await setLang('ja');
    expect(investLines([d], 0.1, () => 4200, 1, 40)[0]).toBe('日本は米国へ14 ターンで5,500億ドル（1ターン393億ドル）を移します：各ターンの分が年39.3億ドルの潜在生産を日本から米国へ移し、全額が移ると年約550億ドル（日本の現在のGDPの1.3%）になります。');
    await setLang('en');
  });

  it("is under Japan's Deals tab at the start, with the standing deal's own figures", async () => {
    await setLang('en');
    const gdp = s.regions.JPN.gdp;
    const [note] = hint('JPN');
    expect(note).toContain(`Japan moves USD 550 bn to the United States over ${pledge.untilTurn} turns`);
    expect(note).toContain(`(${((cr * 550) / gdp * 100).toFixed(1)}% of Japan’s GDP now)`);
  });

  // a small pledge read "0.0% of Japan's GDP now" in a Japanese player's Deals tab
  it('says a share of GDP under a tenth of a point with two significant digits', async () => {
    await setLang('en');
    expect([2.46, 0.1, 0.049, 0.00025, 0].map(sharePct)).toEqual(['2.5', '0.1', '0.049', '0.00025', '0.0']);
  });
});
