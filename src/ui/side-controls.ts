// The side panel's End turn button and budget bar, a timeline's turn as the header says it, and the confirmation
// before a new game (kept out of game.ts, at its size limit).
import { h, trapFocus } from './dom.ts';
import { t } from './i18n.ts';
import { money } from './labels.ts';

export interface TurnState {
  over: boolean;
  /** the end screen is being made */
  finishing: boolean;
  /** End turn was pressed and its answer is not in */
  busy: boolean;
  /** a class: the answer waits for the round to end, and orders can be sent again until it does */
  waits: boolean;
  /** the draft differs from the orders sent (a class, while waiting): the button sends it again */
  changed: boolean;
  /** why End turn cannot be pressed yet (a class not started), or null */
  closed: string | null;
}

// (a class not started: the button says so, not a greyed "End turn" whose reason was only in its title, which phones
// never show)
const label = (s: TurnState): string =>
  s.over ? t(s.finishing ? 'action.scoring' : 'action.results') : !s.busy ? t(s.closed !== null ? 'action.waitingStart' : 'action.endTurn') : !s.waits ? t('action.resolving') : s.changed ? t('action.sendChanges') : t('action.waitingRound');

/** The button under the panels: End turn; while a class's round runs on after it, "Send changes" once the draft is not
 * what was sent (the server takes a seat's latest orders until the round ends). */
export function turnButton(s: TurnState, click: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'primary end-turn', 'data-testid': 'end-turn', onclick: click }, '') as HTMLButtonElement;
  setTurnButton(b, s);
  return b;
}

/** Told each state the button is drawn in (a class's bar says when changes made after End turn are not sent). */
export const turnStateHook: { on?: (s: TurnState) => void } = {};

export function setTurnButton(b: HTMLButtonElement, s: TurnState): void {
  turnStateHook.on?.(s);
  b.textContent = label(s);
  b.disabled = s.over ? s.finishing : s.busy ? !(s.waits && s.changed) : s.closed !== null;
  b.title = !s.over && !s.busy && s.closed !== null ? s.closed : '';
  b.classList.toggle('resend', s.busy && s.waits && s.changed);
}

/** "Leave this game?" before a new game, unless nothing has been played. */
export function confirmNewGame(root: HTMLElement, played: boolean, newGame: () => void): void {
  if (!played) return newGame();
  const no = h('button', { type: 'button', 'data-testid': 'confirm-no', onclick: () => dlg.remove() }, t('action.cancel'));
  const yes = h('button', { type: 'button', class: 'primary', 'data-testid': 'confirm-yes', onclick: () => { dlg.remove(); newGame(); } }, t('confirm.leave'));
  const dlg = h('div', { class: 'modal', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': t('action.newGame'), 'data-testid': 'confirm-new' }, h('div', { class: 'modal-body help-body' }, h('p', {}, t('confirm.newGame')), h('div', { class: 'row end' }, no, yes)));
  trapFocus(dlg, () => dlg.remove()); // Tab stays on its two buttons (it went on to the page behind); Escape cancels
  root.append(dlg);
  no.focus();
}

/** The budget line's orders and meter, as the draft changes (the panels are not drawn again). */
export function setBudget(side: HTMLElement, cost: number, budget: number): void {
  const b = side.querySelector('[data-testid="budget"]');
  if (!b) return;
  b.lastElementChild!.textContent = t('budget.orders', { money: money(cost) });
  b.lastElementChild!.classList.toggle('over', cost > budget + 1e-9);
  const m = b.querySelector('meter');
  if (m) {
    m.max = Math.max(budget, cost, 0.01);
    m.value = cost;
  }
}

/** The budget bar: this turn's budget, a meter of the draft's cost against it and the cost (setBudget updates the last
 * two); its title says how far unspent money carries over. Under it a line once money piles up unspent, half the cap or
 * more (a new player's budget grew turn after turn unremarked), or a warning at the cap, where new money is lost. */
export function budgetBar(budget: number, cap: number, cost: number): HTMLElement[] {
  const bar = h('div', { class: 'budget', 'data-testid': 'budget', title: t('budget.carries', { cap: money(cap) }) }, h('span', {}, t('budget.thisTurn', { money: money(budget) })), h('meter', { min: 0, max: Math.max(budget, cost, 0.01), high: Math.max(budget * 0.999, 0.001), low: 0, optimum: 0, value: cost, 'aria-label': t('budget.meter') }), h('span', { class: cost > budget + 1e-9 ? 'over' : '' }, t('budget.orders', { money: money(cost) })));
  const atCap = cap > 0 && budget >= cap * 0.999;
  const note = atCap ? t('budget.atCap', { cap: money(cap) }) : cap > 0 && budget >= cap / 2 ? t('budget.piling', { cap: money(cap) }) : '';
  return note ? [bar, h('p', { class: atCap ? 'budget-note warn' : 'budget-note', 'data-testid': 'budget-note' }, note)] : [bar];
}

/** A timeline's turn in the header's convention: the turn to play next (or "game over"). */
export function turnText(turn: number, turns: number): string {
  return turn >= turns ? t('header.over', { date: '' }).replace(/ · $/, '') : t('header.turn', { n: turn + 1, total: turns, date: '' }).replace(/ · $/, '');
}
