// "How to play": short enough for a first-time player to follow without help; on the start screen and, in a game, behind Help.
import { h, trapFocus } from './dom.ts';
import { modelDocLink } from './doc.ts';
import { catalogue, t } from './i18n.ts';

export function howToPlay(): HTMLElement {
  return h(
    'details',
    { class: 'help', 'data-testid': 'how-to-play', open: true },
    h('summary', {}, t('help.title')),
    h('ol', {}, ...catalogue().help.steps.map((x) => h('li', {}, x))),
    h('p', {}, `${t('help.model')} `, modelDocLink(), t('help.modelEnd')),
  );
}

/** The in-game help: how to play and the link to the model documentation, in a dialog. */
export function helpDialog(onClose: () => void): HTMLElement {
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'help-close', onclick: onClose }, t('action.close'));
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('action.help'), 'data-testid': 'help-dialog' }, h('div', { class: 'modal-body help-body' }, howToPlay(), h('div', { class: 'row end' }, close)));
  trapFocus(dlg, onClose);
  queueMicrotask(() => close.focus({ preventScroll: true }));
  return dlg;
}
