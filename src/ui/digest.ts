// The turn digest: news, the three biggest changes, how the turn moved your score by objective, and each headline's why
// ledger (open a cause to see the figures: ledger.ts). The game screen loads it once its map is up (GameScreen.mount),
// not before the map shows.
import { COUNTRIES, HEADLINES, type CountryId } from '../../engine/lite.ts';
import type { CountryView, TurnReport, TurnSummary } from '../../engine/lite.ts';
import type { TurnScore } from '../session/protocol.ts';
import { h, trapFocus } from './dom.ts';
import { quartersOf, scoreThisTurn } from './score.ts';
import { overrideNotes } from './overrides.ts';
import { lang, num, t } from './i18n.ts';
import { colon, comma, countryIn, countryName, countryOwn, paren, stageName } from './labels.ts';
import { fmtChange, type RestrictionMemory } from './story.ts';
import { changeHead, leakHint, offtakeHint, plainNews, sortNews, yourChanges } from './story-news.ts';
import { mergeLeaks } from './leak-news.ts';
import { CAR_HEADLINES, HEADLINE_LABEL, ledger, makesCars, roundsToZero, shownChange } from './ledger.ts';
import { plainTerms } from './plain-terms.ts';

/** A news line in plain words (a truce's terms too). */
const plain = (n: string): string => plainTerms(plainNews(n));

/** A price-ledger cause (market/why.ts) in words; the causes' interaction by its sign: what they take off together
 * short of one by one (an overlap) or beyond it (a player read "interaction of these causes -122" as jargon). */
function priceCause(c: string, amount: number): string {
  const m = /^export controls by (\w{3})$/.exec(c);
  if (m) return t('price.controlsBy', { who: countryIn(m[1]!) });
  const q = /^output (quota|push) of (\w{3})$/.exec(c);
  if (q) return t(q[1] === 'quota' ? 'price.quotaOf' : 'price.pushOf', { whose: countryOwn(q[2]!) });
  const k = { 'tariffs on rare earths': 'tariffs', hoarding: 'hoarding', 'stockpile purchases and releases': 'stockpiles', 'interaction of these causes': amount < 0 ? 'overlap' : 'reinforce', "this turn's events": 'events' }[c];
  return k ? t(`price.${k}`) : c.replace(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b/g, (x) => countryIn(x));
}

const PRICE_NAMES: [keyof NonNullable<TurnReport['priceWhy']>, string][] = [
  ['oxide.light', 'NdPr oxide'],
  ['oxide.heavy', 'Dy/Tb oxide'],
  ['magnet', 'Magnets'],
];

/** Each main price outside China and in China, against the price with its causes lifted, and the causes. */
function priceStory(report: TurnReport): HTMLElement {
  const why = report.priceWhy;
  if (!why) return h('span', {});
  let together = false; // a line names the causes' interaction: said what it is under the list
  const line = (name: string, where: string, w: NonNullable<TurnReport['priceWhy']>['magnet']['world']) => {
    const dp = w.value >= 100 ? 0 : 1;
    const money = (x: number) => num(x, dp);
    const sign = (x: number) => `${x >= 0 ? '+' : '−'}${money(Math.abs(x))}`;
    const shown = w.causes.filter((c) => Math.abs(c.amount) >= 0.01 * w.value).slice(0, 4);
    const rest = w.value - w.without - shown.reduce((a, c) => a + c.amount, 0);
    if (shown.some((c) => c.cause === 'interaction of these causes')) together = true;
    const parts = shown.map((c) => `${priceCause(c.cause, c.amount)} ${sign(c.amount)}`);
    if (shown.length && Math.abs(rest) >= 0.005 * w.value) parts.push(`${t('price.smaller')} ${sign(rest)}`);
    return h('li', {}, h('b', {}, t('price.line', { name, where, value: money(w.value) })), parts.length ? t('price.without', { value: money(w.without), parts: parts.join(comma()) }) : t('price.none'));
  };
  const lines = PRICE_NAMES.flatMap(([st]) => [line(stageName(st), t('price.outside'), why[st].world), line(stageName(st), t('price.inChina'), why[st].CHN)]);
  return h(
    'section',
    { class: 'price-story', 'data-testid': 'price-story' },
    h('h3', {}, t('digest.prices')),
    h('ul', { class: 'news' }, ...lines),
    // a Japanese player read "要因の相乗効果 +136" as the largest cause of a price, and could not act on it
    together ? h('p', { class: 'hint', 'data-testid': 'price-together' }, t('price.togetherNote')) : '',
  );
}

export interface DigestOptions {
  score?: TurnScore | null;
  /** the view after the turn, to name the restrictions in force on the player */
  view?: CountryView | null;
  memory?: RestrictionMemory | null;
  turns?: number;
  /** the game's turns so far, to tell whether the country makes cars (makesCars) */
  history?: readonly TurnSummary[];
}

/** How many moves a country made that the digest folds, and how many of them, aimed at you, it lists above. */
function othersCount(count: number, above: number): string {
  return above ? t('digest.othersMore', { count, above }) : t('digest.othersHint', { count });
}

/** The quarters the digest's score covers: one, or a class round's (its score measured from the round's start). */
const roundOf = (o: DigestOptions): number => (o.score ? quartersOf(o.score) : 1);
/** A round's quarters, first to last ("2026Q1–2026Q4"). */
const roundPeriod = (report: TurnReport, o: DigestOptions): string => `${o.history?.[o.score!.since!]?.date ?? '?'}–${report.date}`;

/** "Turn 4 of 16 · 2026Q3"; after a class round of several quarters, the round as the class bar says it: "Round 1 of 4
 * (2025Q4–2026Q3)" (a student read "Turn 4 of 16" under "Round 2 of 4"). */
function digestTitle(report: TurnReport, o: DigestOptions): string {
  const k = roundOf(o);
  if (k <= 1) return t('digest.title', { n: report.turn, total: o.turns ?? report.turn, date: report.date });
  return t('digest.roundTitle', { n: Math.ceil(report.turn / k), total: Math.ceil((o.turns ?? report.turn) / k), period: roundPeriod(report, o) });
}

/** The turn's story: what happened to you and why, the events, your moves, then the others' moves (folded). */
export function digest(report: TurnReport, country: CountryId, onClose: () => void, o: DigestOptions = {}): HTMLElement {
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'digest-title', 'data-testid': 'digest', tabindex: -1 });
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'digest-close', onclick: onClose }, t('action.continue'));
  trapFocus(dlg, onClose);
  const story = sortNews(report, country);
  const changes = yourChanges(report, country, o.view ?? null, o.memory ?? null);
  const others = [...story.others.entries()].sort((a, b) => Number(!a[0]) - Number(!b[0]) || a[0].localeCompare(b[0])); // news without a country last
  dlg.append(
    h(
      'div',
      { class: 'modal-body' },
      h('h2', { id: 'digest-title' }, digestTitle(report, o)),
      h('div', { class: 'cols' },
        h('div', {},
          h('section', { class: 'story-you', 'data-testid': 'story-you' },
            h('h3', {}, t('digest.you')),
            // both lists: each its heading (the box began with a bullet, then numbered items, as if one list)
            story.toYou.length && changes.length ? h('h4', { 'data-testid': 'to-you-head' }, t('digest.toYouHead')) : '',
            story.toYou.length ? h('ul', { class: 'news to-you' }, ...story.toYou.map((n) => h('li', {}, h('b', {}, plain(n)), leakHint(n, country) ? h('p', { class: 'hint', 'data-testid': 'leak-hint' }, leakHint(n, country)) : '', offtakeHint(n, country, o.view, roundOf(o) > 1) ? h('p', { class: 'hint', 'data-testid': 'offtake-hint' }, offtakeHint(n, country, o.view, roundOf(o) > 1)) : ''))) : '',
            // a policy in force that a deal moved as it came into force (no order of the player's to say it)
            ...overrideNotes(report, country, true).map((x) => h('p', { class: 'note', 'data-testid': 'deal-held' }, x)),
            story.toYou.length && changes.length ? h('h4', {}, t('digest.changesHead')) : '',
            changes.length
              ? h('ol', { class: 'changes' }, ...changes.map((c) => h('li', { 'data-headline': c.hd }, h('b', {}, changeHead(c)), c.causes.length ? h('span', {}, lang() === 'ja' ? `：${c.causes.join('。')}` : `: ${c.causes.join('; ')}`) : '')))
              : h('p', { class: 'hint' }, t(roundOf(o) > 1 ? 'digest.nothingRound' : 'digest.nothing'))),
          h('section', { 'data-testid': 'story-events' }, h('h3', {}, t('digest.events')),
            story.events.length ? h('ul', { class: 'news' }, ...story.events.map((e) => h('li', {}, h('b', {}, `${e.title}${lang() === 'ja' ? '：' : ': '}`), e.text, e.note ? h('p', { class: 'note', 'data-testid': 'event-note' }, e.note) : ''))) : h('p', { class: 'hint' }, t(roundOf(o) > 1 ? 'digest.quietRound' : 'digest.quiet'))),
          story.yours.length ? h('section', {}, h('h3', {}, t('digest.yourMoves')), h('ul', { class: 'news' }, ...mergeLeaks(story.yours).map((n) => h('li', {}, plain(n)))), ...overrideNotes(report, country).map((x) => h('p', { class: 'note', 'data-testid': 'deal-override' }, x))) : '',
          story.steps.length ? h('section', { 'data-testid': 'story-steps' }, h('h3', {}, t('digest.yourSteps')), h('ul', { class: 'news' }, ...story.steps.map((n) => h('li', {}, plain(n))))) : '',
          others.length
            ? h('section', { 'data-testid': 'story-others' }, h('h3', {}, t('digest.others')),
                ...others.map(([who, g]) => h('details', { class: 'others' }, h('summary', {}, who ? `${countryName(who)}${colon()}${othersCount(g.lines.length, story.toYouBy.get(who) ?? 0)}${g.routine === g.lines.length ? paren(t('digest.routine')) : ''}` : `${t('digest.elsewhere')}${colon()}${t('digest.elsewhereHint', { count: g.lines.length })}`), h('ul', { class: 'news' }, ...g.lines.map((n) => h('li', {}, plain(n)))))))
            : ''),
        h('div', {}, o.score ? scoreThisTurn(o.score, country) : ''),
      ),
      // a round's report sums the round's changes and their causes (src/server/round-report.ts)
      h('h3', {}, roundOf(o) > 1 ? t('digest.ledgersRound', { country: countryName(country), period: roundPeriod(report, o) }) : t('digest.ledgers', { country: countryName(country) })),
      // a country that makes no cars (Australia) has no car ledgers, as Indicators has no car rows (the same makesCars)
      h('div', { class: 'ledgers' }, ...HEADLINES.filter((hd) => !CAR_HEADLINES.has(hd) || makesCars(country, { view: o.view, history: o.history, report })).map((hd) => h('section', {}, h('h4', {}, `${HEADLINE_LABEL[hd]}${colon()}${fmtChange(hd, shownChange(hd, report.headlines[country][hd]), 'pt')}`), roundsToZero(hd, shownChange(hd, report.headlines[country][hd])) && report.headlines[country][hd].causes.every((c) => roundsToZero(hd, c.amount)) ? h('p', { class: 'hint' }, t('digest.noChange')) : ledger(report, country, hd)))),
      priceStory(report),
      h('details', {}, h('summary', {}, t('digest.othersTable')), h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, ''), ...HEADLINES.map((hd) => h('th', {}, HEADLINE_LABEL[hd].split(' (')[0].split('（')[0])))), h('tbody', {}, ...COUNTRIES.filter((c) => c !== country).map((c) => h('tr', {}, h('th', {}, countryName(c)), ...HEADLINES.map((hd) => h('td', {}, fmtChange(hd, shownChange(hd, report.headlines[c][hd]), 'pt')))))))),
      h('div', { class: 'row end' }, close),
    ),
  );
  queueMicrotask(() => close.focus({ preventScroll: true }));
  return dlg;
}
