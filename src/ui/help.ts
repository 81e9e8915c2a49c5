// "How to play": short enough for a first-time player to follow without help; on the start screen and, in a game, behind Help.
import { h } from './dom.ts';
import { trapFocus } from './digest.ts';
import { modelDocLink } from './doc.ts';

export function howToPlay(): HTMLElement {
  return h(
    'details',
    { class: 'help', 'data-testid': 'how-to-play', open: true },
    h('summary', {}, 'How to play'),
    h(
      'ol',
      {},
      h('li', {}, 'Choose your country and start. Read the briefing: it says how you are scored.'),
      h('li', {}, 'Each turn is one quarter. Use the tabs on the right to set tariffs, export controls, defense spending, investments, stockpiles and deals. The budget bar shows what your investments cost.'),
      h('li', {}, 'Press End turn (or Ctrl+Enter). The other countries move at the same time. The map shows what moved where: ore, oxide, magnets and cars; bans and tariffs show on the lanes they cut or tax.'),
      h('li', {}, 'Read the digest: the news, the biggest changes, how the turn moved your score by objective, and for each indicator why it moved. Open a cause to see the figures.'),
      h('li', {}, 'Your score is beside the turn at the top, split by objective: the largest parts first; click it for the whole table.'),
      h('li', {}, 'Undo goes back a turn; Fork starts a second timeline from here to compare. Your game is saved in this browser as you play; Save writes a file you can load later or share.'),
      h('li', {}, 'At the end you see your score against doing nothing, charts of the game, and the five decisions that mattered most.'),
    ),
    h('p', {}, 'What the game computes, where each number comes from and what is assumed: ', modelDocLink(), '.'),
  );
}

/** The in-game help: how to play and the link to the model documentation, in a dialog. */
export function helpDialog(onClose: () => void): HTMLElement {
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'help-close', onclick: onClose }, 'Close');
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'help', 'data-testid': 'help-dialog' }, h('div', { class: 'modal-body help-body' }, howToPlay(), h('div', { class: 'row end' }, close)));
  trapFocus(dlg, onClose);
  queueMicrotask(() => close.focus({ preventScroll: true }));
  return dlg;
}
