// The random agent, for fuzzing: valid but arbitrary orders drawn from the seeded RNG.
import { STAGES, TARIFF_GOODS, type CountryId } from '../ids.ts';
import type { CountryOrders, ControlSpec } from '../schema.ts';
import { maxDefenseStep, unitCost } from '../policy.ts';
import type { Agent } from './types.ts';
import { partners } from './common.ts';
import { knownProjectType } from '../own.ts';

function heldUnits(view: { country: string; projects: { owner: string; type: string; status: string; units: number }[] }, type: string): number {
  return view.projects.filter((p) => p.owner === view.country && p.type === type && p.status !== 'failed').reduce((a, p) => a + p.units, 0);
}

export const randomAgent: Agent = {
  name: 'random',
  needsView: true,
  decide({ content, view, rng }) {
    const o: CountryOrders = {};
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
    if (rng() < 0.5) {
      const p = pick(partners(view));
      o.tariffs = { [p]: { [pick(TARIFF_GOODS)]: Math.round(rng() * 60) } };
    }
    if (rng() < 0.3) {
      const p = pick(partners(view));
      const r = rng();
      const spec: ControlSpec = r < 0.4 ? 'open' : r < 0.7 ? { licensed: Math.round(rng() * 100) / 100 } : 'banned';
      o.exportControls = { [p]: { [pick(STAGES)]: spec } };
    }
    if (rng() < 0.4) {
      const step = maxDefenseStep(view.self.approval) * 0.99;
      o.defenseSpendingPct = Math.max(0, Math.round((view.self.policies.defensePct + (rng() * 2 - 1) * step) * 1000) / 1000);
    }
    if (rng() < 0.4) {
      const types = Object.keys(content.projects.types).sort();
      const type = pick(types);
      const t = knownProjectType(content, type);
      const host: CountryId = t.kind === 'stockpile' || t.kind === 'thrifting' ? view.country : t.hosts ? pick(t.hosts) : view.country;
      const ok = t.kind !== 'deepSeaMud' || view.country === 'JPN';
      if (ok && unitCost(content, type, view.prices, view.country) <= view.self.budget && (t.kind === 'stockpile' || heldUnits(view, type) < t.maxUnitsPerCountry)) o.investments = [{ type, host, units: 1 }];
    }
    if (rng() < 0.2) {
      const r = rng() * 0.9;
      const h = rng() * 0.9;
      const rel: NonNullable<CountryOrders['stockpileRelease']> = {};
      if (view.self.stockpile.light > 0) rel.light = Math.floor(view.self.stockpile.light * r);
      if (view.self.stockpile.heavy > 0) rel.heavy = Math.floor(view.self.stockpile.heavy * h);
      if (rel.light || rel.heavy) o.stockpileRelease = rel;
    }
    const mine = view.deals.filter((d) => d.status === 'proposed' && d.to === view.country);
    const active = view.deals.filter((d) => d.status === 'active' && (d.from === view.country || d.to === view.country));
    const deals: NonNullable<CountryOrders['deals']> = {};
    for (const d of mine) (rng() < 0.5 ? (deals.accept ??= []) : (deals.reject ??= [])).push(d.id);
    if (active.length && rng() < 0.05) deals.break = [pick(active).id];
    if (rng() < 0.1) deals.propose = [{ to: pick(partners(view)), give: [{ type: 'tariffCap', good: pick(TARIFF_GOODS), max: Math.round(rng() * 10) }], get: [{ type: 'investment', usdBn: Math.round(rng() * 20) }], termTurns: 1 + Math.floor(rng() * 8) }];
    if (Object.keys(deals).length) o.deals = deals;
    if (rng() < 0.1) o.rareEarthOutputPct = 50 + Math.round(rng() * 100);
    return o;
  },
};
