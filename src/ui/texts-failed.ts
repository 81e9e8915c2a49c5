// What a screen shows when the strings it waits for did not load after a few tries (i18n.ts laterReady() rejects:
// the hashed chunk is gone after the server was redeployed during a long class, or the network dropped): a dialog in
// the current language with a Reload button, in place of catalogue keys ("digest.yourMoves") or a button that stays
// busy. A reload comes back to the game: the game's autosave, a class's seat.
import { h } from './dom.ts';
import { t, TextsUnavailable } from './i18n.ts';

/** The dialog, once (a second failure while it is up adds nothing). */
export function textsFailed(): HTMLElement {
  const was = document.body.querySelector<HTMLElement>('[data-testid="texts-failed"]');
  if (was) return was;
  const reload = h('button', { type: 'button', class: 'primary', 'data-testid': 'texts-reload', onclick: () => location.reload() }, t('toast.reload'));
  const dlg = h('div', { class: 'modal', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'texts-failed-text', 'data-testid': 'texts-failed' }, h('div', { class: 'modal-body help-body' }, h('p', { id: 'texts-failed-text' }, t('toast.textsFailed')), h('div', { class: 'row end' }, reload)));
  document.body.append(dlg);
  queueMicrotask(() => reload.focus());
  return dlg;
}

/** For a promise's catch: the dialog if the texts did not load; any other error goes on up. */
export function whenTextsFailed(e: unknown): void {
  if (!(e instanceof TextsUnavailable)) throw e;
  textsFailed();
}
