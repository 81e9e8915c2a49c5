// The debrief pack on the teacher's screen: every world against the others and the status-quo path, discussion prompts
// drawn from what happened, each seat's decisions that mattered (counterfactual replays), exports and replay files.
// (The printable briefings, one sheet per student, are print.ts.)
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import type { Decision } from '../session/protocol.ts';
import { PALETTE, clear, fmt, h } from '../ui/dom.ts';
import { lineChart, type Series } from '../ui/chart.ts';
import { classSocket } from './socket-session.ts';
import { download, recall } from './common.ts';
import { c, classLang, countryName, lowestSupplyPath, num, said } from './words.ts';
import { promptText, type PromptItem } from './prompt-text.ts';
import { onLangChange } from '../ui/i18n.ts';
import { countryOwn, sentence } from '../ui/labels.ts';
import { eventTitle, projectTypeLabel } from '../ui/content-text.ts';
import { ordersText } from '../ui/orders-text.ts';

interface WorldSeries { index: number; seed: number; dates: string[]; ndpr: number[]; dytb: number[]; magnet: number[]; scores: Record<CountryId, number[]>; magnetSupply: Record<CountryId, number[]>; gdp: Record<CountryId, number[]>; events: { turn: number; date: string; id?: string; title: string }[]; botTurns: Record<CountryId, number>; start?: SeriesStart }
/** the figures before the first round (src/server/debrief.ts): each chart starts there */
interface SeriesStart { date: string; ndpr: number; dytb: number; magnet: number; magnetSupply: Record<CountryId, number> }
interface Debrief { name: string; code: string; status: string; worlds: WorldSeries[]; baseline: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>; prompts: string[]; promptItems?: PromptItem[]; decisionsReady: boolean; seats: { world: number; country: CountryId; students: string[]; score: number; decisions: Decision[] }[] }

/** The decisions whose worth shows as at least 0.01 of a point. */
const mattered = (ds: readonly Decision[]): Decision[] => ds.filter((x) => Math.abs(x.worth) >= 0.005);
const WORLD_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.sky, PALETTE.yellow, '#000000'];

export function noToken(root: HTMLElement): void {
  root.append(h('main', { class: 'class-page' }, h('h1', {}, c('notYours')), h('a', { href: '?teacher' }, c('createOne'))));
}

export async function debriefScreen(root: HTMLElement, classId: string): Promise<void> {
  await classLang(); // ?lang= (the dashboard's link carries its language), else this browser's choice
  clear(root);
  const token = recall(`teacher:${classId}`);
  if (!token) return noToken(root);
  const sock = classSocket(token);
  const box = h('main', { class: 'class-page debrief', 'data-testid': 'debrief' }, h('p', {}, c('deb.preparing')));
  root.append(box);
  const d = await sock.call<Debrief>('debrief');
  const draw = () => {
  clear(box);
  const n = Math.max(...d.worlds.map((w) => w.dates.length), 0);
  const longest = d.worlds.find((w) => w.dates.length === n);
  // each chart starts before the first round, where the series has it (the first round's jump was not on them)
  const x = longest ? [...(longest.start ? [longest.start.date] : []), ...longest.dates] : [];
  type Path = Omit<WorldSeries, 'index' | 'events' | 'botTurns'>;
  const one = (v: number) => Object.fromEntries(COUNTRIES.map((k) => [k, [v]])) as Record<CountryId, number[]>;
  const opening = (w: Path): Path | null => (w.start ? { seed: w.seed, dates: [w.start.date], ndpr: [w.start.ndpr], dytb: [w.start.dytb], magnet: [w.start.magnet], magnetSupply: Object.fromEntries(COUNTRIES.map((k) => [k, [w.start!.magnetSupply[k]]])) as Record<CountryId, number[]>, scores: one(0), gdp: one(NaN) } : null);
  const from = (w: Path, f: (w: Path) => number[]) => { const o = opening(w); return o ? [...f(o), ...f(w)] : f(w); };
  // minSpan: the least range an axis covers, so that a figure that hardly moved does not fill its chart (Japan's magnet
  // supply after one round drew 97.590% to 97.600%, its labels cut at the left edge)
  const chart = (title: string, f: (w: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>) => number[], unit = '', range?: readonly [number, number], minSpan = 0) => {
    // a share of need (Japan's magnet supply) tops out at 100%
    const series: Series[] = d.worlds.map((w, i) => ({ label: c('world', { n: num(w.index + 1) }), values: from(w, f), colour: WORLD_COLOURS[i % WORLD_COLOURS.length] }));
    series.push({ label: c('deb.statusQuo'), values: from(d.baseline, f), colour: PALETTE.grey, dashed: true });
    return lineChart(title, series, 400, 190, unit, x, minSpan, range !== undefined, undefined, range);
  };
  // the five score charts on one axis that holds every country's scores and zero: Australia's +0.02 filled its chart as
  // Japan's −4 did its own (one span centred on each chart's data still drew −3..3 beside −6..2)
  const scoresAll = COUNTRIES.flatMap((k) => [...d.worlds, d.baseline].flatMap((w) => w.scores[k])).filter(Number.isFinite);
  const scoreRange = [Math.min(0, ...scoresAll), Math.max(0, ...scoresAll)] as const;
  const priceSpan = (f: (w: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>) => number[]) => 0.1 * Math.max(0, ...[...d.worlds, d.baseline].flatMap(f).filter(Number.isFinite));
  const exp = (path: string, name: string) => () => void download(`/api/classes/${classId}/${path}`, token, name).catch((e: Error) => alert(said(e)));
  // no round played (the class ended before its first): no empty charts with made-up axes, no replay to download
  if (n === 0)
    return void box.append(
      h('header', { class: 'row' }, h('h1', {}, c('deb.title', { name: d.name })), h('a', { class: 'button', href: `?dash=${classId}` }, c('deb.back'))),
      h('p', { 'data-testid': 'debrief-unplayed' }, c(d.status === 'ended' ? 'deb.unplayed' : 'deb.notYet')),
    );
  box.append(
    h('header', { class: 'row' }, h('h1', {}, c('deb.title', { name: d.name })), h('a', { class: 'button', href: `?dash=${classId}` }, c('deb.back'))),
    d.status !== 'ended' ? h('p', { class: 'hint' }, c('deb.playing')) : '',
    h('section', { 'data-testid': 'prompts' }, h('h2', {}, c('deb.discuss')), h('ol', { class: 'prompts' }, ...(d.promptItems ?? []).map((p) => h('li', {}, promptText(p))))),
    h('h2', {}, c('deb.sideBySide')),
    h('div', { class: 'charts', 'data-testid': 'debrief-charts' },
      // prices over at least a tenth of their level, the supply over at least 5 points of need
      chart(c('deb.ndpr'), (w) => w.ndpr, '', undefined, priceSpan((w) => w.ndpr)),
      chart(c('deb.dytb'), (w) => w.dytb, '', undefined, priceSpan((w) => w.dytb)),
      chart(c('deb.magnet'), (w) => w.magnet, '', undefined, priceSpan((w) => w.magnet)),
      chart(c('deb.jpnSupply'), (w) => w.magnetSupply.JPN.map((v) => v * 100), '%', undefined, 5),
      // the country whose supply fell lowest, when below Japan's (the class's main event can be another's shortage)
      ...[lowestSupplyPath(d.worlds)].filter((k) => k !== null).map((k) => Object.assign(chart(c('deb.supplyOf', { whose: sentence(countryOwn(k)) }), (w) => w.magnetSupply[k].map((v) => v * 100), '%', undefined, 5), { id: 'supply-lowest' })),
      ...COUNTRIES.map((k) => chart(c('deb.score', { whose: sentence(countryOwn(k)) }), (w) => w.scores[k], '', scoreRange)),
    ),
    h('p', { class: 'hint', 'data-testid': 'score-scale' }, c('deb.scoreScale')),
    h('h2', {}, c('deb.seats')),
    h('p', { class: 'hint' }, c('deb.worthHint')),
    h('table', { class: 'grid decisions', 'data-testid': 'decisions' },
      h('thead', {}, h('tr', {}, h('th', {}, c('deb.world')), h('th', {}, c('deb.country')), h('th', {}, c('deb.students')), h('th', {}, c('deb.score2')), h('th', {}, c('deb.decisions')))),
      h('tbody', {}, ...d.seats.filter((s) => s.students.length || d.worlds[s.world].botTurns[s.country] < n).map((s) => h('tr', {},
        h('td', {}, num(s.world + 1)), h('th', {}, countryName(s.country)), h('td', {}, s.students.join(c('list')) || c('deb.bot')), h('td', {}, fmt.signed(s.score, 2)),
        // an order worth less than the 0.01 shown did not matter (one that set a licence already in force read "±0.00"
        // among the decisions that mattered)
        h('td', {}, mattered(s.decisions).length ? h('ul', {}, ...mattered(s.decisions).slice(0, 3).map((x) => h('li', {}, c('deb.decision', { date: x.date, what: x.orders ? ordersText(x.orders, projectTypeLabel) : x.summary }), h('b', {}, fmt.signed(x.worth, 2))))) : s.decisions.length ? c('deb.noneMattered') : d.decisionsReady ? c('deb.noOrders') : '…',
          // the quarters a bot played a students' seat (idle, or a missed round under the bot rule): its moves are not
          // the students' decisions, and "no orders" beside a seat whose bot changed tariffs for three rounds misled
          s.students.length && d.worlds[s.world].botTurns[s.country] > 0 ? h('div', { class: 'hint', 'data-testid': 'bot-quarters' }, c('deb.botPlayed', { count: num(d.worlds[s.world].botTurns[s.country]), total: num(d.worlds[s.world].dates.length) })) : ''),
      ))),
    ),
    h('h2', {}, c('deb.events')),
    h('ul', { class: 'news', 'data-testid': 'debrief-events' }, ...d.worlds.flatMap((w) => w.events.map((e) => h('li', {}, c('deb.event', { n: num(w.index + 1), date: e.date, title: eventTitle({ id: e.id ?? '', title: e.title }) }))))),
    h('h2', {}, c('deb.export')),
    h('div', { class: 'row' },
      h('button', { type: 'button', 'data-testid': 'export-csv', onclick: exp('export.csv', `class-${d.code}.csv`) }, c('deb.csv')),
      h('button', { type: 'button', 'data-testid': 'export-jsonl', onclick: exp('export.jsonl', `class-${d.code}.jsonl`) }, c('deb.jsonl')),
      ...d.worlds.map((w) => h('button', { type: 'button', 'data-testid': `replay-${w.index + 1}`, onclick: exp(`worlds/${w.index + 1}/replay.json`, `class-${d.code}-world-${w.index + 1}.json`) }, c('deb.replay', { n: num(w.index + 1) }))),
    ),
    h('p', { class: 'hint' }, c('deb.replayHint')),
  );
  };
  draw();
  onLangChange(draw);
}
