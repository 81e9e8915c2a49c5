// A headline's why ledger (its causes, each opening on the figures), the headline names and values as players read
// them, and whether a country makes cars: what the Indicators tab and the dialogs draw before any turn's digest, apart
// from the digest's own code (digest.ts), which loads once the map is up.
import type { CountryId, CountryView, Headline, TurnReport, TurnSummary } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { causeName, headlineName, paren } from './labels.ts';
import { fmtChange, shownFigure, shownWithCauses } from './story.ts';

/** Indicator names for players (the active language). */
export const HEADLINE_LABEL = new Proxy({} as Record<Headline, string>, { get: (_, k) => headlineName(k as Headline) });

export function formatHeadline(hd: Headline, v: number): string {
  return hd === 'magnetSupplyRatio' ? `${shownFigure(hd, v)}%` : shownFigure(hd, v);
}

export { roundedToSum, shownChange } from './story.ts';

export function ledger(report: TurnReport, country: CountryId, hd: Headline): HTMLElement {
  const x = report.headlines[country][hd];
  const scale = Math.max(...x.causes.map((c) => Math.abs(c.amount)), 1e-12);
  // the change as the two figures shown differ (4,121 → 4,118 is −3, not the −2.6 rounded), and the causes rounded to
  // add up to it
  const { shown, amounts } = shownWithCauses(hd, x);
  return h(
    'ul',
    { class: 'ledger', 'data-testid': `ledger-${hd}` },
    ...x.causes.map((c, i) => ({ c, a: amounts[i]! })).filter(({ a }) => !roundsToZero(hd, a)).map(({ c, a }) =>
      h(
        'li',
        {},
        h('details', {}, h('summary', {}, h('span', { class: 'cause' }, causeName(c.cause, country)), h('span', { class: `bar ${c.amount < 0 ? 'neg' : 'pos'}`, style: `width:${Math.max(2, (Math.abs(c.amount) / scale) * 120).toFixed(0)}px` }), h('span', { class: 'amt' }, fmtChange(hd, a, 'pt'))), h('p', { class: 'hint' }, `${formatHeadline(hd, x.prev)} → ${formatHeadline(hd, x.value)}${paren(fmtChange(hd, shown, 'pt'))}`)),
      ),
    ),
  );
}

/** Whether a change shows as zero at the precision it is printed with. */
export function roundsToZero(hd: Headline, v: number): boolean {
  return fmtChange(hd, v) === '±0';
}

export const CAR_HEADLINES: ReadonlySet<Headline> = new Set(['autoProduction', 'autoExports']);
/** Whether the player's country `c` makes cars, for its car rows in Indicators and its car ledgers in the digest (one
 * answer for both): its car output at the game's start (`view`: its calibrated output) or in any quarter played so far
 * (`history`, `report`: this quarter and last) is above zero. A country with no car output in the game (Australia) has
 * no car rows or ledgers ("Car output 0" says nothing); one that makes cars keeps them in a quarter its plants stand
 * still, and in a second such quarter too, when its car output at zero is the news. */
export function makesCars(c: CountryId, o: { view?: CountryView | null; history?: readonly TurnSummary[]; report?: TurnReport | null }): boolean {
  const a = o.report?.headlines[c].autoProduction;
  return (o.view?.self.ref.autoProduction ?? 0) > 0 || (o.history ?? []).some((x) => x.countries[c].autoProduction > 0) || (!!a && (a.value > 0 || a.prev > 0));
}
