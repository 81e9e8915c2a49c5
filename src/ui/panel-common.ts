// What the order tabs (panels.ts, defence-panel.ts) share: the draft they edit, and how a tab reads once the game is over.
import type { CountryOrders } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';

export type Draft = CountryOrders;
export type Changed = () => void;

/** A policy tab once the game is over (`over`): read-only like the Deals tab's offers (orders given now would do
 * nothing), every field and button disabled but the glossary's "?", under a line saying so. */
export function closedIf(over: boolean, panel: HTMLElement): HTMLElement {
  if (!over) return panel;
  for (const el of ['input', 'select', 'button'].flatMap((tag) => [...panel.querySelectorAll(tag)])) if (!el.classList.contains('term')) el.setAttribute('disabled', '');
  return panel;
}
export const closedLine = (over: boolean) => (over ? h('p', { class: 'hint', 'data-testid': 'orders-closed' }, t('notes.ordersClosed')) : '');
