// The score split by objective, for players: compact in the header, as a table in the indicators panel, and as the
// digest's "Your score this turn" (which objectives moved the score, against the yardstick game).
import { OBJECTIVES, type CountryId } from '../../engine/lite.ts';
import type { TurnScore } from '../session/protocol.ts';
import { fmt, h } from './dom.ts';
import { t } from './i18n.ts';
import { comma, countryName, objectiveName, objectiveShort } from './labels.ts';

const OBJECTIVE_LABEL = new Proxy({} as Record<string, string>, { get: (_, k) => objectiveName(String(k)) });
const OBJECTIVE_SHORT = new Proxy({} as Record<string, string>, { get: (_, k) => objectiveShort(String(k)) });

/** The score's change as the two shown scores say it: −0.13 to −0.21 is down 0.08 (the unrounded −0.134 to −0.206 said
 * "down 0.07"). */
export function shownChange(score: number, prev: number): number {
  const shown = (v: number) => (Math.abs(v) < 0.005 ? 0 : Math.sign(v) * Number(Math.abs(v).toFixed(2)) * 100); // as pts() rounds
  return Math.round(shown(score) - shown(prev)) / 100;
}

/** Points to two decimals with a real minus sign; "±0.00" when it rounds to zero (as the class screens say it). */
export const pts = (v: number): string => fmt.signed(v, 2);


type Part = { key: (typeof OBJECTIVES)[number]; total: number; change: number; gap: number };

/** What the score is measured against, in words (a class's is the status-quo world). */
const yardstick = (ts: TurnScore) => t(ts.yardstick === 'status-quo-world' ? 'score.yardstickClass' : 'score.yardstick');

/** The objectives the player's country weighs (all, when the score does not say). */
function parts(ts: TurnScore): Part[] {
  return OBJECTIVES.filter((key) => !ts.weighted || ts.weighted.includes(key)).map((key) => ({ key, ...ts.by[key] }));
}

/** "security −0.25, approval −0.01" ("安全保障 −0.25、支持率 −0.01" in Japanese): the split's and the digest's list. */
function objectiveParts(ps: Part[], field: 'total' | 'change'): string {
  return ps.map((p) => `${OBJECTIVE_LABEL[p.key]} ${pts(p[field])}`).join(comma());
}

/** The full split in words, largest part first: the header's tooltip and label. */
export function splitText(ts: TurnScore): string {
  const ps = parts(ts).sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  return t('score.split', { score: pts(ts.score), yardstick: yardstick(ts), parts: objectiveParts(ps, 'total') });
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
  return h('button', { type: 'button', class: 'split', 'data-testid': 'score-split', title: text, 'aria-label': `${text} ${t('score.openTable')}`, onclick: onOpen }, ...(items.length ? items : [h('span', { class: 'part' }, t('score.level'))]), more);
}

/** Hide the header split's smallest parts until it fits, and say how many are hidden ("by objective" if all are). */
export function fitSplit(header: HTMLElement): void {
  if (!header.clientWidth) return;
  // the date ("2027Q3") goes when room is short, after all but the split's first part: the news, the events and the
  // class's prompts name quarters, so a player at 1280 px needs it (it was hidden below 1440 px); it stays the turn's tooltip
  const date = header.querySelector<HTMLElement>('.turn .date');
  if (date) date.hidden = false;
  const split = header.querySelector<HTMLElement>('.split');
  if (!split) {
    if (date) date.hidden = header.scrollWidth > header.clientWidth + 1;
    return;
  }
  const items = Array.from(split.querySelectorAll<HTMLElement>('.part'));
  const more = split.querySelector<HTMLElement>('.more')!;
  for (const i of items) i.hidden = false;
  more.textContent = '';
  let n = items.length;
  // the split shrinks before anything else in the header; wider content than its box means its last parts are cut
  const over = () => split.scrollWidth > split.clientWidth + 1 || header.scrollWidth > header.clientWidth + 1;
  while (n > 0 && over()) {
    if (n === 1 && date && !date.hidden) {
      date.hidden = true;
      continue;
    }
    items[--n].hidden = true;
    more.textContent = n ? t('header.moreParts', { n: items.length - n }) : t('header.byObjective');
  }
  if (date && !date.hidden && over()) date.hidden = true;
}

/** The quarters a turn's score change covers: one, or a class round's (measured from its start, `since`). */
export const quartersOf = (ts: TurnScore): number => (ts.since !== undefined ? ts.turn - ts.since : 1);

/** The whole split as a table: each objective's part of the score and what the last turn did to it. */
export function splitTable(ts: TurnScore | null): HTMLElement {
  if (!ts) return h('p', { class: 'hint', 'data-testid': 'score-table' }, t('score.showsAfter'));
  const rows = parts(ts).sort((a, b) => Math.abs(b.total) - Math.abs(a.total));
  return h(
    'table',
    { class: 'grid score-table', 'data-testid': 'score-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('score.objective')), h('th', {}, t('score.part')), h('th', {}, t(quartersOf(ts) > 1 ? 'score.movedLastRound' : 'score.movedLast')))),
    h('tbody', {}, ...rows.map((p) => h('tr', {}, h('th', {}, OBJECTIVE_LABEL[p.key]), h('td', {}, pts(p.total)), h('td', {}, pts(p.change))))),
    // the change as the digest says it, from the two scores as shown (−0.32 to −0.37 is −0.05 here too, not the −0.04
    // of the unrounded scores: a new player saw both for one turn)
    h('tfoot', {}, h('tr', {}, h('th', {}, t('score.score')), h('td', {}, pts(ts.score)), h('td', {}, pts(shownChange(ts.score, ts.prev))))),
    ...captionOf([
      roundingNote([rows.map((p) => p.total), rows.map((p) => p.change)], [ts.score, shownChange(ts.score, ts.prev)]),
      // the two supply objectives read as one: "supply independence +2.95" beside a magnet supply at 77% looked wrong
      rows.some((p) => p.key === 'independence') && rows.some((p) => p.key === 'supplySecurity') ? h('p', { class: 'hint', 'data-testid': 'two-supplies' }, t('score.twoSupplies')) : '',
    ]),
  );
}

/** Under a table whose rows, as shown (to the cent), do not add up to its total as shown: a line saying so ("security
 * −0.06 ... all −0.07": −0.064 and a few −0.001s). `cols` are the columns' shown rows; `totals` the footer's figures. */
/** A table's notes in its one caption (a table shows only its first), none without notes. */
function captionOf(notes: (HTMLElement | '')[]): HTMLElement[] {
  const shown = notes.filter((n): n is HTMLElement => n !== '');
  return shown.length ? [h('caption', { class: 'rounding' }, ...shown)] : [];
}

function roundingNote(cols: number[][], totals: number[]): HTMLElement | '' {
  const c = (v: number) => Math.round(Math.abs(v) * 100) * Math.sign(v); // cents, as pts shows them
  const off = cols.some((rows, i) => rows.reduce((a, v) => a + c(v), 0) !== c(totals[i]));
  return off ? h('p', { class: 'hint', 'data-testid': 'score-rounding' }, t('score.rounded')) : '';
}

/** The objectives too small to list, summed: the table shows them as one row where together they show (several of
 * −0.004 each made "all (others ±0.00)" −0.07 under a security of −0.06), so the rows add up to the total. */
function restSums(ts: TurnScore, moved: Part[]): { count: number; change: number; gap: number; shown: boolean } {
  const listed = new Set(moved.map((p) => p.key));
  const rest = parts(ts).filter((p) => !listed.has(p.key));
  const change = rest.reduce((a, p) => a + p.change, 0);
  const gap = rest.reduce((a, p) => a + p.gap, 0);
  return { count: rest.length, change, gap, shown: rest.length > 0 && (Math.abs(change) >= 0.005 || Math.abs(gap) >= 0.005) };
}

/** The parts too small to name in "What moved it", summed where together they show (", the 4 others together
 * -0.01"): the sentence named -0.35 of a change of -0.36 (a new player's review). '' when they sum to under 0.005. */
function smallTogether(ts: TurnScore, named: Part[]): string {
  const { count, change } = restSums(ts, named);
  return count && Math.abs(change) >= 0.005 ? `${comma()}${t('score.rest', { count })} ${pts(change)}` : '';
}

/** The digest's section: how this turn moved the score, objective by objective, against the yardstick game. */
export function scoreThisTurn(ts: TurnScore, country: CountryId): HTMLElement {
  const moved = parts(ts)
    .filter((p) => Math.abs(p.change) >= 0.005 || Math.abs(p.gap) >= 0.005)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.gap) - Math.abs(a.gap));
  const change = shownChange(ts.score, ts.prev);
  const ahead = Math.abs(ts.gap) < 0.005 ? t('score.levelWith') : t(ts.gap > 0 ? 'score.ahead' : 'score.behind', { n: Math.abs(ts.gap).toFixed(2) });
  const top = moved.filter((p) => Math.abs(p.change) >= 0.005);
  const rest = restSums(ts, moved);
  return h(
    'section',
    { class: 'score-turn', 'data-testid': 'score-turn' },
    h('h3', {}, quartersOf(ts) > 1 ? t('score.thisRound', { n: quartersOf(ts) }) : t('score.thisTurn')),
    h('p', {}, h('b', {}, t('score.headline', { country: countryName(country), score: pts(ts.score) })), Math.abs(change) < 0.005 ? t('score.unchanged', { prev: pts(ts.prev) }) : t('score.upDown', { dir: t(change > 0 ? 'score.up' : 'score.down'), n: Math.abs(change).toFixed(2), prev: pts(ts.prev) })),
    top.length
      ? h('p', { 'data-testid': 'score-movers' }, t('score.movers', { parts: objectiveParts(top, 'change') + smallTogether(ts, top) }))
      : h('p', { 'data-testid': 'score-movers' }, t('score.noMovers')),
    moved.length
      ? h(
          'table',
          { class: 'grid' },
          h('thead', {}, h('tr', {}, h('th', {}, t('score.objective')), h('th', {}, t('score.movedYour')), h('th', {}, t(quartersOf(ts) > 1 ? 'score.againstRound' : 'score.against')))),
          h('tbody', {}, ...moved.map((p) => h('tr', { 'data-objective': p.key }, h('th', {}, OBJECTIVE_LABEL[p.key]), h('td', {}, pts(p.change)), h('td', {}, pts(p.gap)))), ...(rest.shown ? [h('tr', { 'data-objective': 'rest' }, h('th', {}, t('score.rest', { count: rest.count })), h('td', {}, pts(rest.change)), h('td', {}, pts(rest.gap)))] : [])),
          h('tfoot', {}, h('tr', {}, h('th', {}, rest.count > 0 && !rest.shown ? t('score.allOthers') : t('score.all')), h('td', {}, pts(change)), h('td', {}, pts(ts.gap)))),
        )
      : '',
    // the rows as shown: those listed, and the others' sums (a row, or under half a cent each column and so shown as 0)
    moved.length ? roundingNote((['change', 'gap'] as const).map((k) => [...moved.map((p) => p[k]), rest[k]]), [change, ts.gap]) : '',
    h('p', { class: 'hint' }, ts.turn === 1 ? t('score.explainFirst', { yardstick: yardstick(ts), ahead }) : t(quartersOf(ts) > 1 ? 'score.explainRound' : 'score.explain', { yardstick: yardstick(ts), ahead, turns: t('score.turnsSoFar', { n: ts.turn }) })),
  );
}
