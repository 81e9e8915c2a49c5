// Cars (Armington), other-goods trade, GDP, approval, environment, defense and security, tension: the formulas, as plain functions.
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS, tariffGoodOf, type CountryId, type ObjectiveKey, type RegionId, type TariffGood } from './ids.ts';
import type { Content } from './content.ts';
import type { Derived } from './derived.ts';
import type { GameState, Policies, RegionState, TariffWeights } from './state.ts';
import { log, pow } from './detmath.ts';

/** Delivered price of a car from o in market d, relative to a home-built car. */
export function carPrice(passThrough: number, tariff: number, freight: number): number {
  return (1 + passThrough * tariff) * (1 + freight);
}

/** Armington weights: calibrated so that measured sourcing holds at the tariffs in force when it was measured. */
export function carBias(content: Content, dv: Derived): number[][] {
  const { sigma, passThrough } = content.goods.autos;
  return dv.carSourcing.map((row, d) => row.map((s, o) => (o === d ? s : s * pow(carPrice(passThrough, dv.calCarTariff[d][o], 0), sigma))));
}

/** Target shares in market d given delivered prices. */
export function armingtonShares(bias: number[], price: number[], sigma: number): number[] {
  const w = bias.map((b, o) => (b > 0 ? b * pow(price[o], -sigma) : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (sum > 0 ? x / sum : 0));
}

export function tariffFrac(pol: Policies, partner: RegionId, good: keyof Policies['tariffs']['JPN']): number {
  return pol.tariffs[partner][good] / 100;
}

/** The trade-weighted mean tariff (points) one country puts on another: its five lines weighted by what the partner
 * shipped it on each at the start (state.tariffWeights, tradeWeightsAt). A tariff on goods the partner does not sell
 * weighs nothing; a uniform tariff is its own mean. */
export function meanTariff(pol: Policies, partner: RegionId, w: Record<TariffGood, number>): number {
  const t = pol.tariffs[partner];
  return t.autos * w.autos + t.magnets * w.magnets + t.oxide * w.oxide + t.ore * w.ore + t.other * w.other;
}

/** A country's tariff on a partner's good at the start of the game (the scenario's '*' then the partner's own). */
export function startTariff(content: Content, from: CountryId, on: RegionId, good: (typeof TARIFF_GOODS)[number]): number {
  const t = content.scenario.policies[from]?.tariffs as Record<string, Record<string, number> | undefined> | undefined;
  return t?.[on]?.[good] ?? t?.['*']?.[good] ?? 0;
}

/** Starting tariffs per content, [from][on] by COUNTRIES and REGIONS index, line by line: worked out once per content. */
const startTables = new WeakMap<Content, Record<TariffGood, number>[][]>();

/** The trade-weighted mean of a country's starting tariffs on a partner, with the weights `w` (state.tariffWeights). */
export function startMeanTariff(content: Content, from: CountryId, on: RegionId, w: Record<TariffGood, number>): number {
  let table = startTables.get(content);
  if (!table) {
    table = COUNTRIES.map((f) => REGIONS.map((o) => Object.fromEntries(TARIFF_GOODS.map((g) => [g, startTariff(content, f, o, g)])) as Record<TariffGood, number>));
    startTables.set(content, table);
  }
  const i = COUNTRIES.indexOf(from);
  const j = REGIONS.indexOf(on);
  let s = 0;
  // a name outside the lists (not a country or region): worked out as it is asked, as before
  for (const g of TARIFF_GOODS) s += (i < 0 || j < 0 ? startTariff(content, from, on, g) : table[i][j][g]) * w[g];
  return s;
}

/** Other-goods trade target, USD bn / yr, from s to d. */
export function otherTradeTarget(base: number, tariff: number, tariff0: number, sigma: number, growth: number, tensionExcess: number, drag: number): number {
  return base * pow((1 + tariff) / (1 + tariff0), -sigma) * growth * Math.max(0.2, 1 - drag * Math.max(0, tensionExcess));
}

/** Security index 0..100: own and allied capability against rivals' capability weighted by tension (intent).
 * Allies' capability counts by their commitment: the ally's trust in us against the level allies' trust starts at and
 * returns to (rules.diplomacy.allyTrust). */
export function securityIndex(own: number, allies: number, rivalsWeighted: number, allyWeight: number): number {
  const strength = own + allyWeight * allies;
  return strength + rivalsWeighted > 0 ? (100 * strength) / (strength + rivalsWeighted) : 50;
}

export function securityInputs(regions: Record<RegionId, Pick<RegionState, 'capability'>>, dv: Derived, tension: Record<CountryId, Record<CountryId, number>>, r: number, trust?: Record<CountryId, Record<CountryId, number>>) {
  const own = regions[REGIONS[r]].capability;
  const me0 = REGIONS[r];
  let allies = 0;
  for (const a of dv.allyIdx[r]) {
    const ally = REGIONS[a];
    const commit = trust && me0 !== 'ROW' && ally !== 'ROW' ? Math.min(1.5, trust[ally as CountryId][me0 as CountryId] / dv.allyTrust) : 1;
    allies += regions[ally].capability * commit;
  }
  let rivals = 0;
  const me = REGIONS[r];
  for (const x of dv.rivalIdx[r]) {
    const them = REGIONS[x];
    const t = me !== 'ROW' && them !== 'ROW' ? tension[me as CountryId][them as CountryId] : 50;
    rivals += regions[them].capability * (t / 50);
  }
  return { own, allies, rivals };
}

/** Pollution added in a turn: mining, separation and seabed work per kt, scaled by the economy's size (USD tn). */
export function pollutionAdded(content: Content, minedReo: number, refined: number, mud: number, gdpBn: number): number {
  const e = content.rules.environment;
  return (e.perKtMined * minedReo + e.perKtRefined * refined + e.perKtSeabed * mud) / 1000 / Math.max(0.05, gdpBn / 1000);
}

/** Objective index of a country in a turn: weighted indicators, each in points. */
export { OBJECTIVES, type ObjectiveKey } from './ids.ts';

/** Each objective's weighted contribution to the objective index (environment enters with its sign). */
export function objectiveParts(content: Content, c: CountryId, r: RegionState, independence: number): Record<ObjectiveKey, number> {
  const p: Record<ObjectiveKey, number> = { gdp: 0, security: 0, approval: 0, autoProduction: 0, supplySecurity: 0, independence: 0, environment: 0 };
  partsInto(content, c, r, independence, p);
  return p;
}

/** objectiveParts into `p`, every part written, in the record's key order. */
export function partsInto(content: Content, c: CountryId, r: RegionState, independence: number, p: Record<ObjectiveKey, number>): void {
  const w = content.countries.regions[c].objectives!;
  const ref = r.ref;
  const gdp = 100 * log(r.gdp / ref.gdp);
  const auto = ref.autoProduction > 0 ? 100 * (r.last.autoProduction / ref.autoProduction - 1) : 0;
  p.gdp = w.gdp * gdp;
  p.security = w.security * r.security;
  p.approval = w.approval * (r.approval - r.approvalGrowth);
  p.autoProduction = w.autoProduction * auto;
  p.supplySecurity = w.supplySecurity * 100 * r.last.magnetSupplyRatio;
  p.independence = w.independence * 100 * independence;
  p.environment = -(w.environment * r.pollution);
}

/** The objective index: the parts summed in a fixed order. */
export function objectiveIndex(content: Content, c: CountryId, r: RegionState, independence: number): number {
  return sumParts(objectiveParts(content, c, r, independence));
}

export function sumParts(p: Record<ObjectiveKey, number>): number {
  return p.gdp + p.security + p.approval + p.autoProduction + p.supplySecurity + p.independence + p.environment;
}

/**
 * The tariff weights at the start, [importer][exporter]: the value of each tariff line in what the exporter ships the
 * importer, as shares summing to 1 (the WTO's trade-weighted average tariff), from the opening's flows: rare earths at
 * the importer's price (flows in t a turn, prices USD/kg), cars at `carValue` USD each (car flows a turn), other goods
 * in USD bn a year. A pair with no trade at all weighs the five lines alike.
 */
export function tradeWeightsAt(s: Pick<GameState, 'flows' | 'prices' | 'carFlows' | 'otherTrade' | 'quartersPerTurn'>, carValue: number): TariffWeights {
  const perYear = 4 / s.quartersPerTurn;
  const out = {} as TariffWeights;
  for (const a of COUNTRIES) {
    out[a] = {} as TariffWeights[CountryId];
    for (const b of COUNTRIES) {
      const v: Record<TariffGood, number> = { autos: 0, magnets: 0, oxide: 0, ore: 0, other: 0 };
      if (a !== b) {
        for (const st of STAGES) v[tariffGoodOf(st)] += (s.flows[st][b][a] * 1000 * s.prices[st][a] * perYear) / 1e9;
        v.autos = (s.carFlows[b][a] * carValue * perYear) / 1e9;
        v.other = s.otherTrade[b][a];
      }
      let sum = 0;
      for (const g of TARIFF_GOODS) sum += v[g];
      for (const g of TARIFF_GOODS) v[g] = sum > 0 ? v[g] / sum : 1 / TARIFF_GOODS.length;
      out[a][b] = v;
    }
  }
  return out;
}

/** Tension target between a and b from standing policies, relative to the start. */
export function tensionPolicyTerm(content: Content, pa: Policies, pb: Policies, a: CountryId, b: CountryId, defA0: number, defB0: number, rivals: boolean, w: TariffWeights): number {
  const dip = content.rules.diplomacy;
  let t = dip.tariffTension * (meanTariff(pa, b, w[a][b]) + meanTariff(pb, a, w[b][a]));
  t = addControlTension(t, dip, pa.controls[b]);
  t = addControlTension(t, dip, pb.controls[a]);
  if (rivals) t += dip.buildupTension * (Math.max(0, pa.defensePct - defA0) + Math.max(0, pb.defensePct - defB0));
  return t;
}

/** `t` plus the tension of one country's controls toward another, stage by stage in the record's own key order (the
 * order Object.values gives), so the sum is the same to the bit. */
export function addControlTension(t: number, dip: Content['rules']['diplomacy'], controls: Policies['controls'][RegionId]): number {
  for (const k in controls) {
    const s = controls[k as keyof typeof controls];
    if (s.level === 'banned') t += dip.banTension;
    else if (s.level === 'licensed') t += dip.licenceTension * (1 - s.share);
  }
  return t;
}

/** Six zeros as doubles, packed: an integer literal's array changes elements kind at its first fraction (a purchase
 * or release in a compiled turn, which threw the turn's code away), and `new Array(n).fill(0)` is holey. */
export function zeros6(): number[] {
  const z = [0.5, 0, 0, 0, 0, 0];
  z[0] = 0;
  return z;
}

export { COUNTRIES };
