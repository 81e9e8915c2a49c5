// A country inside an English sentence takes the article English gives it: "The United States offers Japan ...",
// "exports to the United States", "the United States’ tariffs" (the news, the deals panel, the ledger's causes, the
// class dashboard's requests). Tables, menus and headings keep the bare name; Japanese has no article.
import { describe, expect, it } from 'vitest';
import { plainNews } from '../src/ui/story-news.ts';
import { causeName, countryIn, countryName, countryOwn } from '../src/ui/labels.ts';
import { laterReady, setLang, t } from '../src/ui/i18n.ts';
import { countryIn as classCountryIn, countryList } from '../src/classroom/names.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('"the United States" in running text', () => {
  it('in the news (engine lines as the digest shows them)', () => {
    expect(plainNews('USA proposes D6 to JPN: USA offers JPN open exports of magnets for USD 1 bn of investment, for 4 turns.')).toBe(
      'The United States proposes deal D6 to Japan: the United States offers Japan open exports of magnets for USD 1 bn of investment, for 4 turns.',
    );
    expect(plainNews('JPN proposes D7 to USA: JPN offers USA nothing for USD 1 bn of investment, for 4 turns.')).toBe(
      'Japan proposes deal D7 to the United States: Japan offers the United States nothing for USD 1 bn of investment, for 4 turns.',
    );
    expect(plainNews('CHN bans magnet exports to JPN, USA.')).toBe('China bans NdFeB magnet exports to Japan, the United States.');
    expect(plainNews('USA raises defence spending to 3.10% of GDP.')).toBe('The United States raises defence spending to 3.10% of GDP.');
    expect(plainNews('USA sets its tariffs on CHN: cars 30% (was 25%).')).toBe('The United States sets its tariffs on China: cars 30% (was 25%).');
  });

  it('in the deals panel and the ledger, and the bare name in tables', () => {
    expect(countryName('USA')).toBe('United States');
    expect(countryIn('USA')).toBe('the United States');
    expect(countryIn('JPN')).toBe('Japan');
    expect(countryOwn('USA')).toBe('the United States’');
    expect(countryOwn('CHN')).toBe('China’s');
    expect(t('panel.offer', { id: 'D6', who: countryIn('USA'), give: 'x', get: 'y', term: t('panel.nTurns', { count: 4 }) })).toBe('D6 from the United States: they give x; they ask y; 4 turns');
    expect(causeName('magnets from USA')).toBe('magnets from the United States');
    expect(causeName('tension with CHN: tariffs by USA', 'JPN')).toBe('tension with China (the United States’ tariffs)');
  });

  it('Japanese names have no article', async () => {
    await setLang('ja');
    try {
      expect(countryIn('USA')).toBe(countryName('USA'));
      expect(plainNews('USA raises defence spending to 3.10% of GDP.')).toBe(`${countryName('USA')}が防衛費をGDPの3.10%に引き上げ。`);
    } finally {
      await setLang('en');
    }
  });

  it('on the class pages', () => {
    expect(classCountryIn('USA')).toBe('the United States');
    expect(countryList(['JPN', 'USA'])).toBe('Japan and the United States');
  });
});
