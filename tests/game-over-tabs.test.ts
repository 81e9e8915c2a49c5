// Once the game is over, the policy tabs (tariffs, export controls, defence, investment, stockpile) are read-only, as the
// Deals tab is: every field and button disabled (the glossary's "?" still opens), under a line saying the game is over;
// orders given then did nothing. The Invest tab no longer says what this turn's budget leaves.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, viewFor } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { controlsPanel, defensePanel, investmentPanel, stockpilePanel, tariffPanel } = await import('../src/ui/panels.ts');

describe('the policy tabs once the game is over', () => {
  const view = viewFor(createGame(content, 1), 'AUS');
  const types = new SessionCore(content).projectTypes();
  const panels = (over: boolean): [string, FakeElement][] => [
    ['tariffs', tariffPanel(view, {}, () => {}, over) as unknown as FakeElement],
    ['controls', controlsPanel(view, {}, () => {}, over) as unknown as FakeElement],
    ['defence', defensePanel(view, {}, () => {}, 0.5, over) as unknown as FakeElement],
    ['invest', investmentPanel(view, { investments: [{ type: 'recycling', units: 1 }] }, () => {}, types, 0.1, over) as unknown as FakeElement],
    ['stockpile', stockpilePanel(view, {}, () => {}, over) as unknown as FakeElement],
  ];
  const controls = (p: FakeElement) => ['input', 'select', 'button'].flatMap((tag) => p.querySelectorAll(tag)).filter((el) => !el.classList.contains('term'));

  it('are editable while it is on', () => {
    for (const [name, p] of panels(false)) {
      expect(controls(p).length, name).toBeGreaterThan(0);
      expect(controls(p).some((el) => !el.disabled), name).toBe(true);
      expect(p.querySelectorAll('[data-testid="orders-closed"]'), name).toEqual([]);
    }
  });

  it('are read-only after it, and say so in English and Japanese', async () => {
    for (const [name, p] of panels(true)) {
      expect(controls(p).filter((el) => !el.disabled).map((el) => el.getAttribute('data-testid') ?? el.tagName), name).toEqual([]);
      expect(p.querySelector('[data-testid="orders-closed"]')?.textContent, name).toBe('The game is over: orders can no longer be given.');
      // the glossary's "?" still opens
      expect(p.querySelectorAll('.term').every((el) => !el.disabled), name).toBe(true);
    }
    // no "not this turn: USD … of this turn's budget is left" once there is no turn
    const invest = panels(true).find(([n]) => n === 'invest')![1];
    expect(invest.querySelectorAll('.over-budget')).toEqual([]);
    await setLang('ja');
    try {
      for (const [name, p] of panels(true)) expect(p.querySelector('[data-testid="orders-closed"]')?.textContent, name).toBe('ゲームは終了しました。指示はもう出せません。');
    } finally {
      await setLang('en');
    }
  });
});
