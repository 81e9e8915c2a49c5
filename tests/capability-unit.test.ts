// The Defence tab shows capability with its unit: USD bn of defence spending built up, less wear (docs/MODEL.md S7:
// K <- K x (1 - depreciation) + spending x capabilityPerUsdBn, with capabilityPerUsdBn 1). It showed a bare "10,150".
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame } from '../engine/index.ts';
import { catalogue, laterReady, setLang, t } from '../src/ui/i18n.ts';
import { money } from '../src/ui/labels.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('capability has a unit', () => {
  it('is USD bn of defence spending, as the model builds it', () => {
    const sec = content.rules.security;
    // one USD bn of spending adds one unit: the label's "USD bn" holds only while this is 1
    expect(sec.capabilityPerUsdBn).toBe(1);
    const s = createGame(content, 1);
    const us = s.regions.USA;
    // at its steady state the stock is a quarter's spending over the quarter's wear, in the same USD bn
    const spend = (us.policies.defensePct / 100) * us.gdp * (s.quartersPerTurn / 4);
    expect(us.capability).toBeGreaterThan(spend / (sec.depreciation * s.quartersPerTurn) * 0.5);
    expect(us.capability).toBeLessThan(spend / (sec.depreciation * s.quartersPerTurn) * 1.5);
  });

  it('is said in the Defence tab, in English and Japanese', async () => {
    expect(t('panel.capabilityValue', { value: money(10150) })).toBe('USD 10,150 bn (defence spending built up, less wear)');
    await setLang('ja');
    try {
      expect(t('panel.capabilityValue', { value: money(10150) })).toBe('101,500億ドル（積み上がった防衛費、減耗分を差し引き）');
      expect(catalogue().glossary.terms.security[1]).toMatch(/防衛力は億ドル単位で測る/);
    } finally {
      await setLang('en');
    }
    expect(catalogue().glossary.terms.security[1]).toMatch(/Capability is measured in USD bn/);
  });
});
