// What agents keep per content or per country instead of working it out per decision (engine/agents/common.ts,
// coercion.ts): the same values as working them out, for two scenarios' content and for content changed in a copy.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, REGIONS, TARIFF_GOODS, type CountryId } from '../engine/ids.ts';
import { createGame, viewFor } from '../engine/index.ts';
import { partners, rivalsOf } from '../engine/agents/common.ts';
import { startMeanTariff, startTariff } from '../engine/economy.ts';
import { loadContent } from '../src/content/load.ts';
import type { Content } from '../engine/content.ts';
import { content } from './helpers.ts';

// weights as a state's tariffWeights has them (shares of the lines summing to 1), each line its own
const w = { autos: 0.1, magnets: 0.05, oxide: 0.02, ore: 0.03, other: 0.8 };

function meanByHand(c: Content, from: CountryId, on: (typeof REGIONS)[number]): number {
  let s = 0;
  for (const g of TARIFF_GOODS) s += startTariff(c, from, on, g) * w[g];
  return s;
}

describe('agent lists and tables kept per content', () => {
  const gambit = loadContent('japans-gambit');
  // a copy of the content whose scenario puts other starting tariffs on CHN, and whose JPN has other rivals
  const changed: Content = {
    ...content,
    scenario: { ...content.scenario, policies: { ...content.scenario.policies, USA: { ...content.scenario.policies.USA, tariffs: { CHN: { other: 77, autos: 13 } } } } },
    countries: { ...content.countries, regions: { ...content.countries.regions, JPN: { ...content.countries.regions.JPN, rivals: ['ROW', 'MYS'] } } },
  } as Content;

  it('starting mean tariffs: the table gives what weighing the starting tariffs by hand gives', () => {
    let nonzero = 0;
    for (const c of [content, gambit, changed, content])
      for (const f of COUNTRIES)
        for (const o of REGIONS) {
          expect(startMeanTariff(c, f, o, w)).toBe(meanByHand(c, f, o));
          if (startMeanTariff(c, f, o, w) !== 0) nonzero++;
        }
    expect(startMeanTariff(changed, 'USA', 'CHN', w)).toBeCloseTo(77 * 0.8 + 13 * 0.1, 12);
    expect(startMeanTariff(changed, 'USA', 'CHN', w)).not.toBe(startMeanTariff(content, 'USA', 'CHN', w));
    expect(nonzero).toBeGreaterThan(4);
  });

  it('rivals and partners: the content lists without ROW, and the other countries, in order', () => {
    for (const c of [content, gambit, changed])
      for (const me of COUNTRIES) {
        expect(rivalsOf(c, me)).toEqual(c.countries.regions[me].rivals.filter((r) => r !== 'ROW'));
        expect(rivalsOf(c, me)).toBe(rivalsOf(c, me));
      }
    expect(rivalsOf(changed, 'JPN')).toEqual(['MYS']);
    const s = createGame(content, 1);
    for (const me of COUNTRIES) expect(partners(viewFor(s, me))).toEqual(COUNTRIES.filter((c) => c !== me));
    // the kept lists cannot be changed by a caller
    expect(Object.isFrozen(partners(viewFor(s, 'JPN')))).toBe(true);
    expect(Object.isFrozen(rivalsOf(content, 'JPN'))).toBe(true);
  });
});
