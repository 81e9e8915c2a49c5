// Golden tables: the formulas that matter, over grids of inputs. A deliberate change shows as a diff of numbers
// The market solver's golden table is in market.test.ts (golden/spe.txt).
// (update with `npx vitest run tests/golden.test.ts -u` and review the diff).
import { describe, expect, it } from 'vitest';
import { armingtonShares, carPrice, securityIndex } from '../engine/economy.ts';
import { content, play } from './helpers.ts';
import { supplyRisk, independenceFrom } from '../engine/risk.ts';
import { fiscalRoom, emptyPolicies } from '../engine/policy.ts';
import { REGIONS } from '../engine/ids.ts';
import type { MarketResult } from '../engine/market/types.ts';

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const row = (cells: (string | number)[]) => cells.map((c) => String(c).padStart(10)).join(' ');

describe('golden tables', () => {
  it('Armington shares: an importer share by tariff and elasticity', async () => {
    const lines = [row(['tariff %', 'sigma', 'share', 'vs 2.5%'])];
    for (const sigma of [1, 2.3, 4]) {
      const ref = armingtonShares([0.9, 0.1], [1, carPrice(0.6, 0.025, 0)], sigma)[1];
      for (const t of [0, 2.5, 15, 27.5, 50, 100]) {
        const s = armingtonShares([0.9, 0.1], [1, carPrice(0.6, t / 100, 0)], sigma)[1];
        lines.push(row([t, sigma, fmt(s, 4), fmt(s / ref, 4)]));
      }
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/armington.txt');
  });

  it('security index by own, allied and rival capability', async () => {
    const lines = [row(['own', 'allies', 'rivals', 'index'])];
    for (const own of [0, 500, 2000])
      for (const allies of [0, 5000])
        for (const rivals of [0, 1000, 10000]) lines.push(row([own, allies, rivals, fmt(securityIndex(own, allies, rivals, content.rules.security.allyWeight), 2)]));
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/security.txt');
  });

  it('supply risk (EU criticality method) of a buyer by where its oxide comes from, and restrictions', async () => {
    // one buyer (JPN) of NdPr oxide, 1000 t, from China and Australia in the given split; the world's other oxide
    // (9000 t) comes from China; no ore or magnets bought; no recycling
    const lines = [row(['from CHN', 'from AUS', 'CHN ctl', 'risk', 'independ.'])];
    const I = REGIONS.indexOf('JPN');
    const C = REGIONS.indexOf('CHN');
    const A = REGIONS.indexOf('AUS');
    const zero = (): MarketResult => ({ price: [0, 0, 0, 0, 0, 0], producerPrice: [0, 0, 0, 0, 0, 0], flows: REGIONS.map(() => [0, 0, 0, 0, 0, 0]), transship: [], received: [0, 0, 0, 0, 0, 0], demanded: [0, 0, 0, 0, 0, 0] }) as unknown as MarketResult;
    for (const ctl of ['open', 'licensed', 'banned'] as const)
      for (const fromC of [1, 0.9, 0.5, 0.1, 0]) {
        const m = { 'ore.light': zero(), 'ore.heavy': zero(), 'oxide.light': zero(), 'oxide.heavy': zero(), magnet: zero() };
        m['oxide.light'].flows[C][I] = 1000 * fromC;
        m['oxide.light'].flows[A][I] = 1000 * (1 - fromC);
        m['oxide.light'].flows[C][C] = 9000;
        const pol = (r: number) => {
          const p = emptyPolicies(REGIONS[r], 1);
          if (r === C && ctl !== 'open') p.controls.JPN['oxide.light'] = { level: ctl, share: ctl === 'licensed' ? 0.5 : 0, baseVolume: 0, baseNeed: 0, sinceTurn: 1 };
          return p;
        };
        const sr = supplyRisk({ content, markets: m, policies: pol, recycled: 0, thrift: 0 }, I);
        lines.push(row([fromC, fmt(1 - fromC, 1), ctl, fmt(sr, 3), fmt(independenceFrom(content, sr), 3)]));
      }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/supply-risk.txt');
  });

  it('fiscal room: the share of the programme budget left by debt above its start', async () => {
    const lines = [row(['space pts', 'debt rise', 'room'])];
    for (const space of [10, 30, 60]) for (const rise of [-5, 0, 2, 5, 10, 30]) lines.push(row([space, rise, fmt(fiscalRoom(space, 100 + rise, 100), 3)]));
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/fiscal-room.txt');
  });

  it("the whole engine: Japan's car exports to the US over a year, by US tariff", async () => {
    const lines = [row(['tariff %', 'k/yr t1-4', 'vs 2.5%'])];
    const sum = (pct: number) => play(1, 4, { 1: { USA: { tariffs: { JPN: { autos: pct } } } } }).states.reduce((a, s) => a + s.regions.JPN.last.autoExports.USA, 0);
    const ref = sum(2.5);
    for (const t of [0, 2.5, 10, 15, 27.5, 50]) {
      const v = sum(t);
      lines.push(row([t, fmt(v / 1000, 1), fmt(v / ref, 4)]));
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/tariff-exports.txt');
  });

  it('the whole engine: prices and Japanese magnet supply under a Chinese licence share on Japan', async () => {
    const lines = [row(['licence', 'Dy/Tb wld', 'Dy/Tb CHN', 'magnet wld', 'JPN supply', 'JPN cars k'])];
    for (const share of [1, 0.8, 0.5, 0.2, 0]) {
      const spec = share === 1 ? ('open' as const) : share === 0 ? ('banned' as const) : { licensed: share };
      const s = play(2, 4, { 1: { CHN: { exportControls: { JPN: { 'oxide.heavy': spec, magnet: spec } } } } }).states[3];
      lines.push(row([share, fmt(s.worldPrice['oxide.heavy'], 0), fmt(s.prices['oxide.heavy'].CHN, 0), fmt(s.worldPrice.magnet, 1), fmt(s.regions.JPN.last.magnetSupplyRatio, 3), fmt(s.regions.JPN.last.autoProduction / 1000, 0)]));
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/licence-prices.txt');
  });
});
