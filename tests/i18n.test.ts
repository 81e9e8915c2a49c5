// UI text: counted phrases take i18next's plural forms (the digest once said "Malaysia: 1 moves").
import { describe, expect, it } from 'vitest';
import { laterReady, setLang, t } from '../src/ui/i18n.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('UI text plurals', () => {
  it('counts other countries’ moves in the singular and the plural, in English and Japanese', async () => {
    await setLang('en');
    expect(t('digest.othersHint', { count: 1 })).toBe('1 move');
    expect(t('digest.othersHint', { count: 3 })).toBe('3 moves');
    await setLang('ja');
    expect(t('digest.othersHint', { count: 1 })).toBe('1 件の手');
    expect(t('digest.othersHint', { count: 3 })).toBe('3 件の手');
    await setLang('en');
  });

  it('counts a running project\'s quarters left in the singular and the plural (the Invest tab said "trial lift: 1 quarters left")', async () => {
    await setLang('en');
    expect(t('panel.quartersLeft', { count: 1 })).toBe('1 quarter left');
    expect(t('panel.quartersLeft', { count: 12 })).toBe('12 quarters left');
    expect(t('panel.quartersLeft', { count: 0 })).toBe('0 quarters left');
    await setLang('ja');
    expect(t('panel.quartersLeft', { count: 1 })).toBe('残り 1 四半期');
    await setLang('en');
  });
});
