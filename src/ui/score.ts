// The score split by objective, for players: compact in the header, as a table in the indicators panel, and as the
// digest's "Your score this turn" (which objectives moved the score, against the yardstick game).
import { OBJECTIVES, type CountryId } from '../../engine/index.ts';
import type { TurnScore } from '../session/protocol.ts';
import { OBJECTIVE_LABEL, OBJECTIVE_SHORT } from '../session/score.ts';
import { h } from './dom.ts';

/** Points to two decimals with a real minus sign; "±0.00" when it rounds to zero. */
export function pts(v: number): string {
  if (Math.abs(v) < 0.005) return '±0.00';
  return `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
}

const YARDSTICK = 'the same game with your seat at status quo';

type Part = { key: (typeof OBJECTIVES)[number]; total: number; change: number; gap: number };

function parts(ts: TurnScore): Part[] {
  return OBJECTIVES.map((key) => ({ key, ...ts.by[key] }));
}

/** The full split in words, largest part first: the header's tooltip and label. */
export function splitText(ts: TurnScore): string {
  const ps = parts(ts).sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  return `Score ${pts(ts.score)} points against ${YARDSTICK}, by objective: ${ps.map((p) => `${OBJECTIVE_LABEL[p.key]} ${pts(p.total)}`).join(', ')}.`;
}

/**
 * The header's split: the largest parts first ("GDP +0.40 · supply −0.12"), as many as fit, "+N" for the rest; the whole
 * split in its title. A button: it opens the table in the indicators panel.
 */
export function headerSplit(ts: TurnScore | null, onOpen: () => void): HTMLElement | string {
  if (!ts) return '';
  const shown = parts(ts)
    .filter((p) => Math.abs(p.total) >= 0.005)
    .sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  const text = splitText(ts);
  const more = h('span', { class: 'more' });
  const items = shown.map((p) => h('span', { class: `part ${p.total < 0 ? 'neg' : 'pos'}`, 'data-objective': p.key }, `${OBJECTIVE_SHORT[p.key]} ${pts(p.total)}`));
  return h('button', { type: 'button', class: 'split', 'data-testid': 'score-split', title: text, 'aria-label': `${text} Open the table.`, onclick: onOpen }, ...(items.length ? items : [h('span', { class: 'part' }, 'as the yardstick')]), more);
}

/** Hide the header split's smallest parts until it fits, and say how many are hidden ("by objective" if all are). */
export function fitSplit(header: HTMLElement): void {
  const split = header.querySelector<HTMLElement>('.split');
  if (!split || !header.clientWidth) return;
  const items = Array.from(split.querySelectorAll<HTMLElement>('.part'));
  const more = split.querySelector<HTMLElement>('.more')!;
  for (const i of items) i.hidden = false;
  more.textContent = '';
  let n = items.length;
  // the split shrinks before anything else in the header; wider content than its box means its last parts are cut
  while (n > 0 && (split.scrollWidth > split.clientWidth + 1 || header.scrollWidth > header.clientWidth + 1)) {
    items[--n].hidden = true;
    more.textContent = n ? `+${items.length - n} more` : 'by objective';
  }
}

/** The whole split as a table: each objective's part of the score and what the last turn did to it. */
export function splitTable(ts: TurnScore | null): HTMLElement {
  if (!ts) return h('p', { class: 'hint', 'data-testid': 'score-table' }, 'Your score by objective shows after the first turn.');
  const rows = parts(ts).sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  return h(
    'table',
    { class: 'grid score-table', 'data-testid': 'score-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'objective'), h('th', {}, 'part of your score'), h('th', {}, 'moved last turn'))),
    h('tbody', {}, ...rows.map((p) => h('tr', {}, h('th', {}, OBJECTIVE_LABEL[p.key]), h('td', {}, pts(p.total)), h('td', {}, pts(p.change))))),
    h('tfoot', {}, h('tr', {}, h('th', {}, 'score'), h('td', {}, pts(ts.score)), h('td', {}, pts(ts.score - ts.prev)))),
  );
}

/** The digest's section: how this turn moved the score, objective by objective, against the yardstick game. */
export function scoreThisTurn(ts: TurnScore, country: CountryId): HTMLElement {
  const moved = parts(ts)
    .filter((p) => Math.abs(p.change) >= 0.005 || Math.abs(p.gap) >= 0.005)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.gap) - Math.abs(a.gap));
  const change = ts.score - ts.prev;
  const ahead = Math.abs(ts.gap) < 0.005 ? 'level with the yardstick' : `${Math.abs(ts.gap).toFixed(2)} points ${ts.gap > 0 ? 'ahead of' : 'behind'} the yardstick`;
  const top = moved.filter((p) => Math.abs(p.change) >= 0.005);
  return h(
    'section',
    { class: 'score-turn', 'data-testid': 'score-turn' },
    h('h3', {}, 'Your score this turn'),
    h('p', {}, h('b', {}, `${country} score ${pts(ts.score)}`), `, ${Math.abs(change) < 0.005 ? 'unchanged' : `${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(2)}`} from ${pts(ts.prev)}.`),
    top.length
      ? h('p', { 'data-testid': 'score-movers' }, `What moved it: ${top.map((p) => `${OBJECTIVE_LABEL[p.key]} ${pts(p.change)}`).join(', ')}.`)
      : h('p', { 'data-testid': 'score-movers' }, 'No objective moved it by 0.01 points or more.'),
    moved.length
      ? h(
          'table',
          { class: 'grid' },
          h('thead', {}, h('tr', {}, h('th', {}, 'objective'), h('th', {}, 'moved your score'), h('th', {}, 'this quarter against the yardstick'))),
          h('tbody', {}, ...moved.map((p) => h('tr', { 'data-objective': p.key }, h('th', {}, OBJECTIVE_LABEL[p.key]), h('td', {}, pts(p.change)), h('td', {}, pts(p.gap))))),
          h('tfoot', {}, h('tr', {}, h('th', {}, moved.length < OBJECTIVES.length ? 'all (others ±0.00)' : 'all'), h('td', {}, pts(change)), h('td', {}, pts(ts.gap)))),
        )
      : '',
    h('p', { class: 'hint' }, `The yardstick is ${YARDSTICK}. This quarter you were ${ahead}; your score is the average of that gap over the ${ts.turn === 1 ? 'first turn' : `${ts.turn} turns so far`}.`),
  );
}
