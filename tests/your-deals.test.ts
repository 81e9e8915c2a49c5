// The Deals tab's "Your deals" lists the player's own proposal while it waits for an answer: Japan proposed D12 to
// China, ended the turn, and on the next turn the proposal was in neither "Offers to you" nor "Your deals" (China
// answered it only when that turn ended).
import { describe, expect, it } from 'vitest';
import { content, play } from './helpers.ts';
import { viewFor, type Orders } from '../engine/index.ts';
import { yourDeals, yourDealStatus } from '../src/ui/panels.ts';
import { setLang } from '../src/ui/i18n.ts';

describe('your deals', () => {
  const proposal: Orders = { JPN: { deals: { propose: [{ to: 'CHN', termTurns: 8, give: [{ type: 'openExports', stage: 'magnet' }], get: [{ type: 'openExports', stage: 'oxide.heavy' }] }] } } } as unknown as Orders;
  const { states } = play(1, 1, { 1: proposal }, content);
  const mine = (c: 'JPN' | 'CHN') => yourDeals(viewFor(states[0]!, c));

  it('lists the player\'s own proposal, waiting for the other side, and says who answers and when', async () => {
    const waiting = mine('JPN').filter((d) => d.status === 'proposed');
    expect(waiting.map((d) => [d.from, d.to])).toEqual([['JPN', 'CHN']]);
    await setLang('en');
    expect(yourDealStatus(waiting[0]!, 40)).toBe('proposed; China answers it at the end of this turn');
    // the United States with its article, as running text says it elsewhere (it read "United States answers it")
    expect(yourDealStatus({ ...waiting[0]!, to: 'USA' }, 40)).toBe('proposed; the United States answers it at the end of this turn');
    await setLang('ja');
    expect(yourDealStatus(waiting[0]!, 40)).toBe('提案中（中国がこのターンの終わりに回答）');
    await setLang('en');
  });

  it('says a proposal made in the last turn is never answered (the game is over; it said "answers it at the end of this turn")', async () => {
    const waiting = mine('JPN').filter((d) => d.status === 'proposed');
    await setLang('en');
    expect(yourDealStatus(waiting[0]!, 1)).toBe('a proposal made in the last turn is never answered (the game ends first), so never in force');
    await setLang('ja');
    expect(yourDealStatus(waiting[0]!, 1)).toBe('最終ターンの提案は回答されません（先にゲームが終わるため、発効しません）');
    await setLang('en');
  });

  it('leaves a proposal to the player to the offers above', () => {
    expect(mine('CHN').some((d) => d.status === 'proposed')).toBe(false);
  });

  // a play-tester's turn 14 listed "D23 … active until turn 13": the deal had run its term and bound her no longer
  it('says a deal whose last turn has been played has run its term', async () => {
    const active = { ...mine('JPN')[0]!, status: 'active' as const, startTurn: 6, endTurn: 13 };
    await setLang('en');
    expect(yourDealStatus(active, 40, 13)).toBe('active until turn 13');
    expect(yourDealStatus(active, 40, 14)).toBe('completed: its term ended with turn 13, so it binds no longer');
    await setLang('ja');
    expect(yourDealStatus(active, 40, 14)).toBe('終了：期間はターン 13 で終わり、もう拘束しない');
    await setLang('en');
  });
});
