// An offer to the player shows on the Deals tab before she opens it, and one left unanswered says so when it ends: a new
// player never opened the tab for Australia's offer, which later read "expired", as if a deal had run its term.
import { afterEach, describe, expect, it } from 'vitest';
import { content, play } from './helpers.ts';
import { viewFor, type Orders } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { offersBadge, yourDeals, yourDealStatus } = await import('../src/ui/panels.ts');

// Japan offers China a deal in turn 1; China's view in turn 2 has it to answer; China does not, and it expires
const proposal: Orders = { JPN: { deals: { propose: [{ to: 'CHN', termTurns: 8, give: [{ type: 'openExports', stage: 'magnet' }], get: [{ type: 'openExports', stage: 'oxide.heavy' }] }] } } } as unknown as Orders;
const { states } = play(1, 2, { 1: proposal }, content);
const badge = (els: unknown[]) => (els as FakeElement[])[0];

afterEach(async () => setLang('en'));

describe('offers to the player', () => {
  it('are counted on the Deals tab until answered in the draft, and not once the game is over', async () => {
    await setLang('en');
    const view = viewFor(states[0]!, 'CHN');
    const offer = view.deals.find((d) => d.status === 'proposed' && d.to === 'CHN')!;
    expect(offer).toBeDefined();
    const b = badge(offersBadge(view, {}, false));
    expect(b.textContent).toBe('1');
    expect(b.getAttribute('title')).toBe('1 offer waits for your answer');
    // heard as words, not as a number run into the tab's name ("Deals1")
    expect(b.getAttribute('aria-hidden')).toBe('true');
    expect((offersBadge(view, {}, false)[1] as unknown as FakeElement).textContent).toBe(' (1 offer waits for your answer)');
    expect(offersBadge(view, { deals: { accept: [offer.id] } }, false)).toEqual([]);
    expect(offersBadge(view, { deals: { reject: [offer.id] } }, false)).toEqual([]);
    expect(offersBadge(view, {}, true)).toEqual([]);
    expect(offersBadge(viewFor(states[0]!, 'JPN'), {}, false)).toEqual([]); // the proposer has nothing to answer
    await setLang('ja');
    expect(badge(offersBadge(view, {}, false)).getAttribute('title')).toBe('あなたの回答を待つ提案が1件');
  });

  it('that expire unanswered say who did not answer, to each side', async () => {
    await setLang('en');
    const ended = (c: 'JPN' | 'CHN') => yourDeals(viewFor(states[1]!, c)).find((d) => d.status === 'expired')!;
    expect(ended('CHN')).toBeDefined();
    expect(yourDealStatus(ended('CHN'), 40, 3, 'CHN')).toBe('expired: you did not answer it in the turn it came');
    expect(yourDealStatus(ended('JPN'), 40, 3, 'JPN')).toBe('expired: China did not answer it');
    await setLang('ja');
    expect(yourDealStatus(ended('CHN'), 40, 3, 'CHN')).toBe('失効：届いたターンに回答しなかった');
  });
});
