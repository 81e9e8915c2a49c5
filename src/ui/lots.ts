// What a turn's investments cost in the Invest and Stockpile tabs: a unit's price (a stockpile lot at last quarter's
// price), the draft's sum, and how big a lot is beside the market it is bought from.
import { REGIONS, type CountryView, type StageKey } from '../../engine/lite.ts';
import type { ProjectInfo } from '../session/protocol.ts';
import { lang, num, t as tr } from './i18n.ts';
import type { Draft } from './panel-common.ts';

/** One unit's cost, USD bn: a stockpile lot at the country's price last quarter (it is paid at the market price). */
export function lotCost(t: ProjectInfo, view: CountryView): number {
  if (t.type.startsWith('stockpile') && t.stage) return (t.capacity * view.prices[t.stage as keyof CountryView['prices']][view.country]) / 1e6;
  return t.costUsdBn;
}

/** How big a stockpile lot is beside last quarter's market outside China (the flows into every buyer but China): a
 * play-tester's 20 t of Dy/Tb oxide, priced at about USD 3.8 m a lot, moved its price 53%. '' with no such flows. */
export function lotShare(t: ProjectInfo, view: CountryView): string {
  const into = view.flows[t.stage as StageKey];
  let tonnes = 0;
  for (const from of REGIONS) for (const to of REGIONS) if (to !== 'CHN') tonnes += into?.[from]?.[to] ?? 0;
  return tonnes > 0 ? `${lang() === 'ja' ? '' : ' '}${tr('panel.lotShare', { pct: num((100 * t.capacity) / tonnes, 1) })}` : '';
}

/** What the draft's investments would cost this turn, USD bn. */
export function draftCost(draft: Draft, types: ProjectInfo[], view: CountryView): number {
  return (draft.investments ?? []).reduce((a, i) => {
    const t = types.find((x) => x.type === i.type);
    return a + (t ? lotCost(t, view) : 0) * (i.units ?? 1);
  }, 0);
}

