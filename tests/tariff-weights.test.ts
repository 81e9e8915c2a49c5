// The trade-weighted mean tariff (engine/economy.ts tradeWeightsAt, meanTariff; docs/MODEL.md S8): each tariff line
// weighs by its share of what the partner shipped at the start. Golden: the weights of the default scenario's opening,
// pair by pair. Mechanism: a tariff on goods a partner does not sell moves tension (and the agents' reading of it)
// by what it taxes, a uniform tariff by itself, as before the weights. The personas' retaliation reads rises from the
// start (fails on the rule that compared levels: China raised its 10% on US goods unprovoked). And the import shares
// count transshipped goods at their origin (fails on the count of direct arcs only, where relabelled goods were
// nobody's imports).
import { describe, expect, it } from 'vitest';
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS } from '../engine/ids.ts';
import { createGame, makeAgent, playGame, viewFor } from '../engine/index.ts';
import type { Agent } from '../engine/agents/types.ts';
import { meanTariff, tensionPolicyTerm, tradeWeightsAt } from '../engine/economy.ts';
import { meanTariffOn } from '../engine/agents/common.ts';
import type { GameState } from '../engine/state.ts';
import { content } from './helpers.ts';

describe('the trade-weighted mean tariff', () => {
  const s = createGame(content, 1);

  it('golden: the weights at the opening, [importer][exporter], each pair summing to 1', async () => {
    const lines = ['importer exporter ' + TARIFF_GOODS.map((g) => g.padStart(8)).join(' ')];
    for (const a of COUNTRIES)
      for (const b of COUNTRIES) {
        if (a === b) continue;
        const w = s.tariffWeights[a][b];
        let sum = 0;
        for (const g of TARIFF_GOODS) {
          expect(w[g]).toBeGreaterThanOrEqual(0);
          sum += w[g];
        }
        expect(sum).toBeCloseTo(1, 12);
        lines.push(`${a}      ${b}      ` + TARIFF_GOODS.map((g) => w[g].toFixed(5).padStart(8)).join(' '));
      }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/tariff-weights.txt');
  });

  it('is the value shipped on each line: other goods from the flows, cars at their export value, rare earths at the importer\'s price', () => {
    const w = s.tariffWeights.USA.CHN;
    const perYear = 4 / s.quartersPerTurn;
    const other = s.otherTrade.CHN.USA;
    const cars = (s.carFlows.CHN.USA * content.goods.autos.exportValueUsd * perYear) / 1e9;
    const magnets = (s.flows.magnet.CHN.USA * 1000 * s.prices.magnet.USA * perYear) / 1e9;
    expect(magnets).toBeGreaterThan(0);
    expect(w.other / w.autos).toBeCloseTo(other / cars, 9);
    expect(w.magnets / w.other).toBeCloseTo(magnets / other, 9);
    // China ships the US no ore, so the US's ore tariff on China weighs nothing
    expect(s.flows['ore.light'].CHN.USA + s.flows['ore.heavy'].CHN.USA).toBe(0);
    expect(w.ore).toBe(0);
  });

  it('a pair with no trade at all weighs the five lines alike', () => {
    const none = structuredClone(s) as GameState;
    for (const st of Object.keys(none.flows) as (keyof GameState['flows'])[]) none.flows[st].CHN.USA = 0;
    none.carFlows.CHN.USA = 0;
    none.otherTrade.CHN.USA = 0;
    const w = tradeWeightsAt(none, content.goods.autos.exportValueUsd).USA.CHN;
    for (const g of TARIFF_GOODS) expect(w[g]).toBe(0.2);
    // every other pair as at the opening
    expect(tradeWeightsAt(none, content.goods.autos.exportValueUsd).JPN.CHN).toEqual(s.tariffWeights.JPN.CHN);
  });

  it('a uniform tariff is its own mean; a tariff on a line the partner does not sell moves nothing', () => {
    const pol = structuredClone(s.regions.USA.policies);
    pol.tariffs.CHN = { autos: 37, magnets: 37, oxide: 37, ore: 37, other: 37 };
    expect(meanTariff(pol, 'CHN', s.tariffWeights.USA.CHN)).toBeCloseTo(37, 12);
    const before = meanTariff(s.regions.USA.policies, 'CHN', s.tariffWeights.USA.CHN);
    const ore = structuredClone(s.regions.USA.policies);
    ore.tariffs.CHN.ore = 100;
    expect(meanTariff(ore, 'CHN', s.tariffWeights.USA.CHN)).toBe(before);
  });

  it('tension: 100% on Chinese ore adds nothing to the US-China target, 100% on other goods 0.8 a point of the trade it taxes', () => {
    const [pu, pc] = [s.regions.USA.policies, s.regions.CHN.policies];
    const def = [s.regions.CHN.ref.defensePct, s.regions.USA.ref.defensePct] as const;
    const term = (usa: typeof pu) => tensionPolicyTerm(content, pc, usa, 'CHN', 'USA', def[0], def[1], true, s.tariffWeights);
    const base = term(pu);
    const ore = structuredClone(pu);
    ore.tariffs.CHN.ore += 100;
    expect(term(ore)).toBe(base);
    const other = structuredClone(pu);
    other.tariffs.CHN.other += 100;
    const k = content.rules.diplomacy.tariffTension;
    expect(term(other) - base).toBeCloseTo(k * 100 * s.tariffWeights.USA.CHN.other, 9);
    expect(term(other) - base).toBeGreaterThan(0.99 * k * 100);
  });

  it("the agents read the same mean: China's view of a US ore tariff is the US's mean tariff before it", () => {
    const t = structuredClone(s) as GameState;
    t.regions.USA.policies.tariffs.CHN.ore = 100;
    const was = meanTariffOn(viewFor(s, 'CHN'), 'USA', 'CHN');
    expect(meanTariffOn(viewFor(t, 'CHN'), 'USA', 'CHN')).toBe(was);
    t.regions.USA.policies.tariffs.CHN.other += 10;
    expect(meanTariffOn(viewFor(t, 'CHN'), 'USA', 'CHN') - was).toBeCloseTo(10 * s.tariffWeights.USA.CHN.other, 9);
  });
});

describe("the personas' retaliation answers new tariffs, not the standing ones", () => {
  const seats = (us?: Agent) => ({ ...Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])), ...(us ? { USA: us } : {}) }) as Parameters<typeof playGame>[2];
  it('with every seat its persona, China keeps its 10% on US goods (the start is a steady state), seeds 1-4', () => {
    for (const seed of [1, 2, 3, 4]) {
      const chn: number[] = [];
      playGame(content, seed, seats(), { turns: 12, onState: (st) => void chn.push(st.regions.CHN.policies.tariffs.USA.other) });
      expect(chn, `seed ${seed}`).toEqual(chn.map(() => 10));
    }
  });
  it('with every seat its persona, no persona raises its tariff on a partner whose tariffs on it never rose (40 turns, seeds 1-2: its own cuts are not a partner\'s rise)', () => {
    for (const seed of [1, 2]) {
      const raised: string[] = [];
      let was: GameState | undefined;
      const start = createGame(content, seed);
      playGame(content, seed, seats(), {
        turns: 40,
        onState: (st) => {
          if (was)
            for (const a of COUNTRIES)
              for (const b of COUNTRIES) {
                if (a === b || st.regions[a].policies.tariffs[b].other <= was.regions[a].policies.tariffs[b].other) continue;
                // b's tariffs on a at or below the start, line by line, all game so far
                const rose = TARIFF_GOODS.some((g) => st.regions[b].policies.tariffs[a][g] > start.regions[b].policies.tariffs[a][g]);
                if (!rose) raised.push(`${a} on ${b}, turn ${st.turn}`);
              }
          was = st;
        },
      });
      expect(raised, `seed ${seed}`).toEqual([]);
    }
  });
  it('a US rise of 30 points on Chinese goods is answered by China on US goods within four turns, seeds 1-4', () => {
    const raise: Agent = { name: 'raise', needsView: true, decide: ({ view }) => (view.turn === 0 ? { tariffs: { CHN: { other: 50 } } } : {}) };
    for (const seed of [1, 2, 3, 4]) {
      let chn = 0;
      playGame(content, seed, seats(raise), { turns: 4, onState: (st) => void (chn = st.regions.CHN.policies.tariffs.USA.other) });
      expect(chn, `seed ${seed}`).toBeGreaterThan(10);
    }
  });
});

describe('where rare earths come from (last.importShareFrom)', () => {
  it('counts goods transshipped to a buyer at their origin, as supply and the supply risk do (persona, seed 2)', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Parameters<typeof playGame>[2];
    let seen = 0;
    playGame(content, 2, seats, {
      turns: 10,
      onState: (st) => {
        for (const me of COUNTRIES) {
          const v: Record<string, number> = {};
          for (const o of REGIONS) v[o] = 0;
          for (const stage of STAGES) {
            const w = stage === 'magnet' ? content.goods.magnetRecipe.light : 1;
            for (const o of REGIONS) if (o !== me) v[o] += st.flows[stage][o][me] * w;
            for (const [key, t] of Object.entries(st.market.transship[stage])) {
              const [origin, , dest] = key.split('>');
              if (dest === me && origin !== me) {
                v[origin] += t * w;
                seen++;
              }
            }
          }
          const total = Object.values(v).reduce((a, b) => a + b, 0);
          for (const o of REGIONS) expect(st.regions[me].last.importShareFrom[o], `${me} from ${o}, turn ${st.turn}`).toBeCloseTo(total > 0 ? v[o] / total : 0, 9);
        }
      },
    });
    // China's magnets reach others through Australia from turn 6 in this game
    expect(seen).toBeGreaterThan(0);
  });
});
