// The Indicators tab leaves out car output and car exports for a country that makes no cars: Australia showed "Car
// output 0" and "Car exports 0" every turn. A country that makes cars keeps both rows, even in a quarter its plants
// stand still or it exports none (Malaysia's car exports are 0).
// The digest's "why each of your indicators moved" leaves out the car ledgers the same way.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { SessionCore } from '../src/session/core.ts';
import type { CountryId } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';

installFakeDom();
const { indicatorsPanel } = await import('../src/ui/indicators.ts');

function rows(country: CountryId, turns: number): string[] {
  const s = new SessionCore(content);
  const r = s.start({ scenarioId: 'rare-earth-gambit', country, agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
  if (!r.ok) throw new Error(r.error);
  for (let i = 0; i < turns; i++) if (!s.submit({}).ok) throw new Error('turn refused');
  const panel = indicatorsPanel(s.snapshot()) as unknown as FakeElement;
  return panel.querySelectorAll('[data-testid^="indicator-"]').map((el) => el.getAttribute('data-testid')!.replace('indicator-', ''));
}

describe('the Indicators tab and cars', () => {
  it('has no car rows for Australia, which makes no cars, before and after a turn', () => {
    for (const turns of [0, 1]) expect(rows('AUS', turns)).toEqual(['gdp', 'magnetSupplyRatio', 'approval', 'security', 'independence']);
  });

  it('keeps them for the countries that make cars, Malaysia (which exports none) too', () => {
    for (const c of ['JPN', 'MYS', 'CHN', 'USA'] as const) expect(rows(c, 1), c).toEqual(['gdp', 'autoProduction', 'autoExports', 'magnetSupplyRatio', 'approval', 'security', 'independence']);
  });
});

// supply independence, a tenth of most countries' scores, moved the score with no figure behind it: the tab shows it
// (the supply risk turned around, 0-100) with its change since last turn
describe('the supply independence row', () => {
  it('shows independence to a tenth and its change as the figures shown differ', () => {
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: { AUS: 'persona', CHN: 'hawk', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    const row = () => (indicatorsPanel(s.snapshot()) as unknown as FakeElement).querySelector('[data-testid="indicator-independence"]')!;
    expect(row().querySelector('.chg')!.textContent).toBe(''); // no change before the first turn
    for (let i = 0; i < 3; i++) if (!s.submit({}).ok) throw new Error('turn refused');
    const snap = s.snapshot();
    const scale = content.rules.supplyRisk.scale;
    const indep = (risk: number) => Math.max(0, 1 - risk / scale) * 100;
    const now = indep(snap.view.self.last.supplyRisk);
    const prev = indep(snap.history.at(-2)!.countries.JPN.supplyRisk);
    expect(snap.riskScale).toBe(scale);
    expect(row().querySelector('.val')!.textContent).toBe(now.toFixed(1));
    const d = Math.round(now * 10) - Math.round(prev * 10);
    const chg = row().querySelector('.chg')!;
    expect(chg.textContent).toBe(d === 0 ? '±0' : `${d > 0 ? '+' : '−'}${(Math.abs(d) / 10).toFixed(1)}`);
    expect(chg.getAttribute('class')).toBe(`chg ${d === 0 ? 'zero' : d < 0 ? 'neg' : 'pos'}`);
  });

  // after the first turn the row showed no change (the history holds the turns played, not the start), the one row
  // without: a new player's review (13.6 to 14.0, and nothing beside it)
  it("shows turn 1's change, from the start", () => {
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: { AUS: 'persona', CHN: 'hawk', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    const indep = (risk: number) => Math.max(0, 1 - risk / content.rules.supplyRisk.scale) * 100;
    const start = indep(s.snapshot().view.self.last.supplyRisk);
    expect(s.snapshot().openingRisk).toBe(s.snapshot().view.self.last.supplyRisk);
    if (!s.submit({}).ok) throw new Error('turn refused');
    const snap = s.snapshot();
    expect(snap.history).toHaveLength(1);
    const d = Math.round(indep(snap.view.self.last.supplyRisk) * 10) - Math.round(start * 10);
    expect(d).not.toBe(0); // China's hawk bans at once: a change to show
    const chg = (indicatorsPanel(snap) as unknown as FakeElement).querySelector('[data-testid="indicator-independence"]')!.querySelector('.chg')!;
    expect(chg.textContent).toBe(`${d > 0 ? '+' : '−'}${(Math.abs(d) / 10).toFixed(1)}`);
  });
});

describe("the digest's ledgers and cars", () => {
  const ledgers = async (country: CountryId): Promise<string[]> => {
    const { digest } = await import('../src/ui/digest.ts');
    const { laterReady } = await import('../src/ui/i18n.ts');
    await laterReady();
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'rare-earth-gambit', country, agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    const t = s.submit({});
    if (!t.ok) throw new Error('turn refused');
    const d = digest(t.value.report!, country, () => {}) as unknown as FakeElement;
    // the ledgers' headings (the box above may head its two lists with h4s too)
    return d.querySelectorAll('div').find((x) => x.classList.contains('ledgers'))!.querySelectorAll('h4').map((x) => x.textContent ?? '');
  };

  it("has no car ledgers for Australia (it read 'Car output ±0: No change worth showing')", async () => {
    const hs = await ledgers('AUS');
    expect(hs.length).toBe(4);
    expect(hs.some((x) => /^Car/.test(x))).toBe(false);
  });

  it('keeps them for Malaysia, which makes cars and exports none', async () => {
    const hs = await ledgers('MYS');
    expect(hs.length).toBe(6);
    expect(hs.filter((x) => /^Car/.test(x)).length).toBe(2);
  });
});

// The digest asked "cars this quarter or last?", Indicators "cars at any time in the game?": a car maker whose plants
// stood still two quarters running (a magnet ban) lost its car ledgers in the digest, the quarter the player most needed
// them, while Indicators kept its rows. One predicate (digest.ts makesCars) now answers for both: the country's car
// output at the start or in any quarter played.
describe('one answer to "does this country make cars?" for Indicators and the digest', () => {
  const game = (country: CountryId) => {
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'rare-earth-gambit', country, agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    for (let i = 0; i < 2; i++) if (!s.submit({}).ok) throw new Error('turn refused');
    return s.snapshot();
  };

  it('makesCars: the car output at the start or in any quarter played', async () => {
    const { makesCars } = await import('../src/ui/ledger.ts');
    const aus = game('AUS');
    const jpn = game('JPN');
    expect(makesCars('AUS', { view: aus.view, history: aus.history, report: aus.report })).toBe(false);
    expect(makesCars('AUS', {})).toBe(false);
    expect(makesCars('JPN', { view: jpn.view, history: jpn.history, report: jpn.report })).toBe(true);
    // Japan's plants at a standstill this quarter and last: still a car maker (its start says so, and so does its history)
    const idle = structuredClone(jpn.report!);
    idle.headlines.JPN.autoProduction = { ...idle.headlines.JPN.autoProduction, value: 0, prev: 0 };
    expect(makesCars('JPN', { view: jpn.view, report: idle })).toBe(true);
    expect(makesCars('JPN', { history: jpn.history, report: idle })).toBe(true);
    // with nothing but the turn's report, the report decides
    expect(makesCars('JPN', { report: jpn.report })).toBe(true);
    expect(makesCars('JPN', { report: idle })).toBe(false);
  });

  it("the digest keeps a car maker's car ledgers in a second quarter of standstill, as Indicators keeps its rows", async () => {
    const { digest } = await import('../src/ui/digest.ts');
    const { laterReady } = await import('../src/ui/i18n.ts');
    await laterReady();
    const jpn = game('JPN');
    const idle = structuredClone(jpn.report!);
    idle.headlines.JPN.autoProduction = { ...idle.headlines.JPN.autoProduction, value: 0, prev: 0, change: 0 };
    const d = digest(idle, 'JPN', () => {}, { view: jpn.view, history: jpn.history }) as unknown as FakeElement;
    expect(d.querySelectorAll('h4').filter((x) => /^Car/.test(x.textContent ?? '')).length).toBe(2);
    const panel = indicatorsPanel({ ...jpn, report: idle }) as unknown as FakeElement;
    expect(panel.querySelectorAll('[data-testid^="indicator-auto"]').length).toBe(2);
  });

  it('Indicators and the digest agree for every country', async () => {
    const { digest } = await import('../src/ui/digest.ts');
    for (const c of ['AUS', 'CHN', 'JPN', 'MYS', 'USA'] as const) {
      const s = game(c);
      const ledgers = (digest(s.report!, c, () => {}, { view: s.view, history: s.history }) as unknown as FakeElement).querySelectorAll('h4').filter((x) => /^Car/.test(x.textContent ?? '')).length;
      const rows = (indicatorsPanel(s) as unknown as FakeElement).querySelectorAll('[data-testid^="indicator-auto"]').length;
      expect(ledgers, c).toBe(rows);
      expect(rows, c).toBe(c === 'AUS' ? 0 : 2);
    }
  });
});

// on turn 2 (2026Q1) the price table said "Prices in 2025Q4", which a new player read as a misprint of this quarter
describe("the Indicators tab's price table", () => {
  it('says its prices are last quarter’s', async () => {
    const { setLang } = await import('../src/ui/i18n.ts');
    await setLang('en');
    const s = new SessionCore(content);
    const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 4, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    const head = () => (indicatorsPanel(s.snapshot()) as unknown as FakeElement).querySelectorAll('h3').map((x) => x.textContent);
    expect(head()).toContain('Prices before the first turn, USD/kg');
    expect(s.submit({}).ok).toBe(true);
    expect(head()).toContain('Prices last quarter (2025Q4), USD/kg');
  });
});
