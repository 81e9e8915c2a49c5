// Magnet supply's change is a difference of percentages: the digest says "percentage points" ("pp" where room is short,
// with a glossary entry), not "points", which the score uses for something else. Japanese: "%ポイント", "%pt".
import { describe, expect, it } from 'vitest';
import { fmtChange } from '../src/ui/story.ts';
import { catalogue, laterReady, setLang, t } from '../src/ui/i18n.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('percentage points', () => {
  it('in English', () => {
    expect(fmtChange('magnetSupplyRatio', -0.072)).toBe('−7.2 percentage points');
    expect(fmtChange('magnetSupplyRatio', -0.072, 'pt')).toBe('−7.2 pp');
    expect(catalogue().glossary.terms.pp[0]).toBe('pp (percentage points)');
    expect(catalogue().glossary.terms.magnetSupply[1]).toMatch(/percentage points \(pp\)/);
    expect(t('panel.defenceHint', { now: '1.90', approval: '50', step: '0.25' })).toMatch(/at most 0\.25 percentage points this turn/);
  });

  it('in Japanese', async () => {
    await setLang('ja');
    try {
      expect(fmtChange('magnetSupplyRatio', -0.072)).toBe('−7.2 %ポイント');
      expect(fmtChange('magnetSupplyRatio', 0.026, 'pt')).toBe('+2.6 %pt');
      expect(catalogue().glossary.terms.pp[0]).toBe('%pt（パーセントポイント）');
      expect(t('panel.defenceHint', { now: '1.90', approval: '50', step: '0.25' })).toMatch(/最大 0\.25 %ポイント/);
    } finally {
      await setLang('en');
    }
  });
});
