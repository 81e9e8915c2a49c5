// "How to play": short enough for a first-time player to follow without help.
import { h } from './dom.ts';

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
      h('li', {}, 'Read the digest: the news, the biggest changes, and for each indicator why it moved. Open a cause to see the figures.'),
      h('li', {}, 'Undo goes back a turn; Fork starts a second timeline from here to compare. Your game is saved in this browser as you play; Save writes a file you can load later or share.'),
      h('li', {}, 'At the end you see your score against doing nothing, charts of the game, and the five decisions that mattered most.'),
    ),
  );
}
