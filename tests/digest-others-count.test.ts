// The digest lists a country's moves aimed at the player at the top ("What happened to you") and folds the rest under
// "Other countries' moves". The folded group's count said "United States: 1 move" beside the US tariff on Japan above
// it, which read as if that tariff were not one of its moves; it now says "1 more move (3 above, aimed at you)".
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, viewFor, type Orders } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { digest } = await import('../src/ui/digest.ts');
await laterReady();

const orders = { USA: { tariffs: { JPN: { autos: 25 }, CHN: { magnets: 30 } } } } as unknown as Orders;

function summaries(me: 'JPN' | 'AUS'): { toYou: string; folded: string[]; heads: string[] } {
  const { state, report } = resolveTurn(content, createGame(content, 1), orders, { ledger: false });
  const d = digest(report, me, () => {}, { view: viewFor(state, me), turns: 40 }) as unknown as FakeElement;
  return {
    toYou: d.querySelectorAll('section').find((x) => x.getAttribute('data-testid') === 'story-you')?.textContent ?? '',
    folded: d.querySelectorAll('summary').map((x) => x.textContent ?? ''),
    heads: d.querySelectorAll('section').find((x) => x.getAttribute('data-testid') === 'story-you')!.querySelectorAll('h4').map((x) => x.textContent ?? ''),
  };
}

describe("the others' moves counted beside those aimed at the player", () => {
  it('Japan: the US tariff on Japan is above, and the US group counts the rest as "more"', async () => {
    await setLang('en');
    const s = summaries('JPN');
    // the tariff, the deal it breaks (D5 caps it) and the trust lost: three lines about Japan, listed above
    expect(s.toYou).toMatch(/The United States sets its tariffs on Japan: cars 25% \(was 15%\)\.The United States raises its tariff on cars from Japan to 25% \(cap 15%\), which its deal D5 forbids\.The United States breaks deal D5 with Japan/);
    expect(s.folded).toContain('United States: 1 more move (3 above, aimed at you)');
    // the moves aimed at Japan (bullets) and the numbered changes under headings of their own: the box began with a
    // bullet, then 1., 2., as if one list
    expect(s.heads).toEqual(['Moves aimed at you', 'What moved your figures']);
    expect(s.toYou.indexOf('Moves aimed at you')).toBeLessThan(s.toYou.indexOf('The United States sets'));
  });
  it('Australia, at whom neither tariff is aimed: all four lines are counted in the group', async () => {
    await setLang('en');
    const s = summaries('AUS');
    expect(s.folded).toContain('United States: 4 moves');
    expect(s.heads).toEqual([]); // one list: no headings
  });
  it('in Japanese too', async () => {
    await setLang('ja');
    expect(summaries('JPN').folded.some((x) => x.includes('ほかに 1 件の手（上の 3 件はあなたに向けた手）'))).toBe(true);
    await setLang('en');
  });
});

// A Japanese player read "要因の相乗効果 +136" as the largest cause of a price and could not act on it: the price list
// says under it what the causes' interaction is, when a line names it, and only then.
describe("the digest's price causes acting together", () => {
  it('are said to be a difference, not a cause, under the list that names them', async () => {
    await setLang('en');
    const ban = { CHN: { rareEarthOutputPct: 70, exportControls: { JPN: { 'oxide.heavy': 'banned', magnet: 'banned' }, USA: { 'oxide.heavy': 'banned' } } } } as unknown as Orders;
    const note = (o: Orders) => {
      const { state, report } = resolveTurn(content, createGame(content, 2), o);
      const d = digest(report, 'JPN', () => {}, { view: viewFor(state, 'JPN'), turns: 40 }) as unknown as FakeElement;
      return { text: d.querySelectorAll('[data-testid="price-story"]')[0]!.textContent ?? '', note: d.querySelectorAll('[data-testid="price-together"]').map((x) => x.textContent) };
    };
    const a = note(ban);
    expect(a.text).toMatch(/these causes reinforcing each other \+\d/);
    expect(a.note).toEqual([expect.stringMatching(/^Causes acting at once move a price more, or less, than each would alone/)]);
    // and only where a line names it
    for (const o of [{}, { USA: { tariffs: { CHN: { magnets: 30 } } } }] as Orders[]) {
      const q = note(o);
      expect(q.note.length).toBe(/reinforcing each other|overlap between these causes/.test(q.text) ? 1 : 0);
    }
  });
});
