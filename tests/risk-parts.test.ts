// Supply independence had no "why?": one formula of a country's whole sourcing (engine/risk.ts, the EU criticality
// method). riskParts takes it apart by stage from a state after a turn, for the Indicators tab (src/ui/risk-why.ts).
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { COUNTRIES, REGIONS, createGame, resolveTurn, riskParts, type GameState, type Orders } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { riskWhy, sourcesText } = await import('../src/ui/risk-why.ts');
await laterReady(); // the table's words are later strings

describe("riskParts: a country's supply risk by stage, from the state", () => {
  // China bans its magnets to Japan from turn 2: Japan's users then take Japan's own magnets
  let s = createGame(content, 3);
  const states: GameState[] = [];
  for (let t = 0; t < 8; t++) {
    s = resolveTurn(content, s, (t >= 1 ? { CHN: { exportControls: { JPN: { magnet: 'banned' } } } } : {}) as Orders).state;
    states.push(s);
  }

  it("gives back the turn's own supply risk, every country and turn (the markets rebuilt from the flows, to rounding)", () => {
    for (const st of states)
      for (const c of COUNTRIES) {
        const p = riskParts(content, st, REGIONS.indexOf(c));
        expect(p.risk).toBeCloseTo(st.regions[c].last.supplyRisk, 3); // no recycling yet in these turns
        const worst = Math.max(...p.levels.map((l) => l?.risk ?? 0));
        expect(p.risk).toBeCloseTo(worst * p.substitution * (1 - p.thrift), 12); // the bottleneck, then the multipliers
        for (const l of p.levels) if (l) expect(Object.values(l.from).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }
  });

  it("shows the ban's effect the review found: Japan's magnets its own, the risk moved to the oxide it buys", () => {
    const before = riskParts(content, states[0]!, REGIONS.indexOf('JPN'));
    const after = riskParts(content, states[4]!, REGIONS.indexOf('JPN'));
    expect(before.levels[2]!.from.CHN).toBeGreaterThan(0.9);
    expect(after.levels[2]!.from.JPN).toBeGreaterThan(0.5);
    expect(after.levels[2]!.risk).toBeLessThan(before.levels[2]!.risk);
    expect(after.levels[1]!.risk).toBeGreaterThan(after.levels[2]!.risk); // oxide is now the bottleneck
  });
});

describe("the Indicators tab's table of it", () => {
  const parts = {
    levels: [null, { risk: 3.3538, importReliance: 0.99999, global: 4.71, own: 2.0, from: { CHN: 0.1113, JPN: 0.0000015, MYS: 0.6422, USA: 0.2465 } }, { risk: 2.0438, importReliance: 0.1572, global: 5.8, own: 1.72, from: { JPN: 0.8428, ROW: 0.1572 } }],
    recycling: 0, substitution: 0.95, thrift: 0.0021, risk: 3.1795,
  };
  const text = (el: HTMLElement) => (el as unknown as FakeElement).querySelectorAll('tr').map((r) => r.textContent);

  it('in English: each stage, the riskiest in bold, and the sum under it', async () => {
    await setLang('en');
    const el = riskWhy(parts, 'JPN', 3.15) as unknown as FakeElement;
    expect(text(el as unknown as HTMLElement)).toEqual(['stageriskimport reliancebought last quarter from', 'ore (mining)––none bought', 'oxide (separation)3.35100%Malaysia 64%, United States 25%, China 11%', 'magnets2.0416%your own 84%, rest of the world 16%']);
    expect(el.querySelectorAll('tr').filter((r) => r.classList.contains('bottleneck')).map((r) => r.textContent)).toEqual([expect.stringMatching(/^oxide/)]);
    // recycling's share read off the turn's own figure: 1 - 3.15 / 3.1795
    expect(el.querySelectorAll('[data-testid="risk-calc"]')[0]!.textContent).toBe('The riskiest stage, oxide (separation), sets your risk: 3.35 × 0.95 (substitution) × 0.998 (thrifting) × 0.991 (recycling) = 3.15.');
  });

  it('in Japanese', async () => {
    await setLang('ja');
    expect(sourcesText({ JPN: 0.8428, ROW: 0.1572 }, 'JPN')).toBe('自国 84%、その他の世界 16%');
    const el = riskWhy(parts, 'JPN', 3.1795) as unknown as FakeElement;
    expect(el.querySelectorAll('[data-testid="risk-calc"]')[0]!.textContent).toBe('もっともリスクの高い段階（酸化物（分離））があなたのリスクを決める：3.35 × 0.95（代替） × 0.998（使用量削減） = 3.18。');
    await setLang('en');
  });

  it('lumps origins past the third, and those under half a per cent, as others', async () => {
    await setLang('en');
    expect(sourcesText({ CHN: 0.5, AUS: 0.2, USA: 0.15, MYS: 0.1, ROW: 0.05 }, 'USA')).toBe('China 50%, Australia 20%, your own 15%, others 15%');
    expect(sourcesText({ CHN: 0.998, USA: 0.002 }, 'JPN')).toBe('China 100%');
  });
});
