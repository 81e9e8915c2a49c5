// The player's orders that a deal in force overrode this turn (the engine lists them in report.overridden: a tariff
// above a deal's cap, an export control a deal keeps open, defence below a deal's floor, each with its deal). The
// engine writes the order's news ("JPN sets its tariffs on USA: cars 25% (was 2.5%).") before the deals bind the
// policies, so without these notes the order would read as done. Part of every digest (digest.ts); its strings are in
// the later chunks (i18n.ts laterReady()), which every screen that draws a digest waits for.
import type { CountryId, TurnReport } from '../../engine/lite.ts';
import { num, t } from './i18n.ts';
import { countryIn, goodName, levelName, stageAttr } from './labels.ts';

const pct = (v: number) => `${num(v, 2).replace(/[.,]?0+$/, '')}%`;

/** One note for each of `me`'s orders that a deal overrode this turn, in the engine's order; `standing`: instead, one
 * for each of `me`'s policies in force that a deal moved as it came into force (a tariff above its cap lowered: the
 * player who proposed or accepted it was not told). */
export function overrideNotes(report: Pick<TurnReport, 'overridden'>, me: CountryId, standing = false): string[] {
  const out: string[] = [];
  for (const o of report.overridden ?? []) {
    if (o.country !== me || Boolean(o.standing) !== standing) continue;
    const who = countryIn(o.partner);
    const k = standing ? 'held' : 'override';
    if (o.kind === 'tariff') out.push(t(`notes.${k}Tariff`, { id: o.deal, who, good: goodName(o.good), ordered: pct(o.ordered), now: pct(o.now) }));
    else if (o.kind === 'control') out.push(t(`notes.${k}Control`, { id: o.deal, who, what: stageAttr(o.stage), ordered: levelName(o.ordered), now: levelName(o.now) }));
    else out.push(t(`notes.${k}Defence`, { id: o.deal, who, ordered: pct(o.ordered), now: pct(o.now) }));
  }
  return out;
}
