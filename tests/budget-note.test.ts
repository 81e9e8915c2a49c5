// A play-tester's budget grew turn after turn with nothing said: unspent money carries over only up to
// rules.budget.carryCap years of the programme budget, and past that each turn's new money is lost. The budget bar
// says how far it carries (its title), a line under it once half the cap or more is unspent, and a warning at the cap.
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { budgetAnnual, budgetAvailable, createGame, playGame, statusQuoSeats } from '../engine/index.ts';
import { contentFigures } from '../src/session/figures.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { budgetBar } = await import('../src/ui/side-controls.ts');

afterEach(async () => setLang('en'));
const notes = (els: HTMLElement[]) => (els as unknown as FakeElement[]).filter((e) => e.getAttribute('data-testid') === 'budget-note');

describe('the budget cap, said', () => {
  it('a snapshot carries the cap, carryCap years of the programme budget; a Japan that spends nothing reaches it and stays there', () => {
    const states = [createGame(content, 1)];
    playGame(content, 1, statusQuoSeats(), { turns: 20, ledger: false, onTurn: (s) => void states.push(s) });
    const b = states.map((s) => contentFigures(content, s, 'JPN', states[0]!));
    for (const [i, x] of b.entries()) {
      expect(x.budget).toBe(budgetAvailable(content, states[i], 'JPN'));
      expect(x.budgetCap).toBe(content.rules.budget.carryCap * budgetAnnual(content, states[i], 'JPN'));
      expect(x.budget).toBeLessThanOrEqual(x.budgetCap);
    }
    const first = b.findIndex((x) => x.budget >= x.budgetCap * 0.999);
    expect(first).toBeGreaterThan(4); // it takes years of saving, not a turn
    expect(b[0].budget).toBeLessThan(b[0].budgetCap / 2);
  });

  it('nothing under half the cap; a line at half or more; a warning at the cap, in English and Japanese', async () => {
    await setLang('en');
    const cap = 4;
    expect(notes(budgetBar(1.9, cap, 0))).toEqual([]);
    expect((budgetBar(1.9, cap, 0)[0] as unknown as FakeElement).getAttribute('title')).toBe('Unspent budget carries over to later turns, up to USD 4.00 bn in hand.');
    const half = notes(budgetBar(2, cap, 0));
    expect(half.map((e) => [e.textContent, e.getAttribute('class')])).toEqual([['Unspent budget has piled up; it carries over only up to USD 4.00 bn. Investments (the Invest tab) turn it into capacity.', 'budget-note']]);
    const full = notes(budgetBar(4, cap, 0));
    expect(full.map((e) => [e.textContent, e.getAttribute('class')])).toEqual([['The budget is at its cap of USD 4.00 bn: next turn’s new money is lost unless you spend some of it now.', 'budget-note warn']]);
    await setLang('ja');
    expect(notes(budgetBar(4, cap, 0))[0].textContent).toMatch(/^予算が上限の.*に達しています/);
  });
});
