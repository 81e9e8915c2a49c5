// Export controls as leverage and the answers to them, as the record shows them (content/personas.json cites each):
// China licenses heavy rare earths and magnets to a partner that raises tariffs on it (April 2025, after the US
// tariffs) and suspends the licences when the tariffs come back down (the October 2025 truce); Japan answers a control
// by funding supply outside China (JOGMEC and Sojitz in Lynas, 2011), recycling, thrifting and stockpile releases;
// the United States by industrial policy (the 2025 MP Materials package) and tariffs on the coercer.
import { COUNTRIES, STAGES, type CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders, Persona } from '../schema.ts';
import type { CountryView } from '../view.ts';
import { investIn, meanTariffOn } from './common.ts';
import { own } from '../own.ts';
import { squeezePays } from './truce.ts';
import { startMeanTariff, startTariff } from '../economy.ts';

type Tariffs = NonNullable<CountryOrders['tariffs']>;
type Controls = NonNullable<CountryOrders['exportControls']>;


/** Partners that put a new export control on us during the game (controls in force at the start are the status quo). */
export function coercers(view: CountryView): CountryId[] {
  const me = view.country;
  const out: CountryId[] = [];
  for (const c of COUNTRIES) {
    if (c === me) continue;
    const ctl = view.others[c].policies.controls[me];
    for (const s of STAGES)
      if (ctl[s].level !== 'open' && ctl[s].sinceTurn >= 1) {
        out.push(c);
        break;
      }
  }
  return out;
}

/** Leverage: licences on a partner whose tariffs on us rose well above their starting level; suspended (back to the
 * starting controls) once the tariffs come back down and tension is not hostile. */
export function leverage(content: Content, view: CountryView, p: Persona, rng: () => number, partner: CountryId, exportControls: Controls): void {
  const co = p.coercion;
  if (!co) return;
  const me = view.country;
  const rise = meanTariffOn(view, partner, me) - startMeanTariff(content, partner, me, view.tariffWeights[partner][me]);
  const cur = view.self.policies.controls[partner];
  const tight = cur['oxide.heavy'].level === 'banned' || (cur['oxide.heavy'].level === 'licensed' && cur['oxide.heavy'].share <= co.licenceShare + 1e-9);
  if (rise > co.tariffTrigger && !tight && rng() < p.retaliation && squeezePays(view, partner)) {
    exportControls[partner] = { 'oxide.heavy': { licensed: co.licenceShare }, magnet: { licensed: co.licenceShare } };
    return;
  }
  // any control of ours on this partner that is new this game (the list is built only when it is lifted)
  let anyNew = false;
  for (const s of STAGES) if (cur[s].level !== 'open' && cur[s].sinceTurn >= 1) anyNew = true;
  if (anyNew && rise <= co.tariffTrigger / 2 && view.tension[me][partner] < 72 && rng() < 0.5) {
    const newControls = STAGES.filter((s) => cur[s].level !== 'open' && cur[s].sinceTurn >= 1);
    const start = content.scenario.policies[me]?.exportControls as Record<string, Record<string, unknown> | undefined> | undefined;
    exportControls[partner] = Object.fromEntries(newControls.map((s) => [s, (start?.[partner]?.[s] ?? start?.['*']?.[s] ?? 'open') as 'open'])) as NonNullable<Controls[CountryId]>;
  }
}

/** The answer to new controls on us: investment outside the coercer, tariffs on it, stockpile releases when short. */
export function answerCoercion(content: Content, view: CountryView, p: Persona, tariffs: Tariffs): Pick<CountryOrders, 'investments' | 'stockpileRelease'> | undefined {
  const a = p.answer;
  const from = coercers(view);
  if (!a || !from.length) return undefined;
  const me = view.country;
  if (a.tariffPts > 0)
    for (const c of from) {
      const target = Math.min(500, startTariff(content, me, c, 'other') + a.tariffPts);
      if (view.self.policies.tariffs[c].other < target) tariffs[c] = { ...(tariffs[c] ?? {}), other: target };
    }
  const hosts = a.hosts as Record<string, CountryId> | undefined;
  const investments = investIn(content, view, a.investTypes, a.investShare, (type) => own(hosts, type));
  const sp = view.self.stockpile;
  const short = view.self.last.magnetSupplyRatio < 0.97;
  const stockpileRelease = a.releaseStockpile && short && sp.light + sp.heavy > 0 ? { light: sp.light * 0.25, heavy: sp.heavy * 0.25 } : undefined;
  return { investments, stockpileRelease };
}
