// Constants derived once from content (index arrays, Armington weights, calibration tariffs); memoised per content object.
import { COUNTRIES, REGIONS, STAGES, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';

export interface Derived {
  /** carSourcing[d][o] share of market d bought from origin o, as measured */
  carSourcing: number[][];
  /** tariff (fraction) in force when the sourcing was measured: calTariff[d][o] */
  calCarTariff: number[][];
  otherBase: number[][]; // [s][d] USD bn / yr
  stageIndex: Record<StageKey, number>;
  allyIdx: number[][];
  rivalIdx: number[][];
  /** starting tariff on other goods, otherTariff0[d][s], fraction */
  otherTariff0: number[][];
  /** starting tension between regions (ROW pairs 0) */
  tension0: number[][];
  /** rivalPair[a * 5 + b] 1 when country a (COUNTRIES order) names b among its rivals or b names a, else 0 */
  rivalPair: Uint8Array;
  /** the trust a country's trust in another returns to, trustNorm[a * countries + b]: rules.diplomacy.allyTrust when b
   * is among a's allies, 50 (neutral) otherwise; the level trust starts at */
  trustNorm: Float64Array;
  /** rules.diplomacy.allyTrust: allies' capability counts at their trust against it */
  allyTrust: number;
}

const cache = new WeakMap<Content, Derived>();

export function derive(content: Content): Derived {
  const hit = cache.get(content);
  if (hit) return hit;
  const R = REGIONS.length;
  const reg = content.countries.regions;
  const carSourcing: number[][] = [];
  const calCarTariff: number[][] = [];
  const otherBase: number[][] = [];
  for (let d = 0; d < R; d++) {
    const src = reg[REGIONS[d]].carSourcing;
    carSourcing.push(REGIONS.map((o) => src[o] ?? 0));
    calCarTariff.push(REGIONS.map(() => 0));
  }
  for (let s = 0; s < R; s++) {
    const ex = reg[REGIONS[s]].otherExports;
    otherBase.push(REGIONS.map((d) => (d === REGIONS[s] ? 0 : (ex[d] ?? 0))));
  }
  // starting policies' car tariffs, overridden where the scenario says what was in force when sourcing was measured
  for (const [c, pol] of Object.entries(content.scenario.policies)) {
    const d = REGIONS.indexOf(c as RegionId);
    const star = pol.tariffs['*']?.autos;
    for (let o = 0; o < R; o++) {
      if (o === d) continue;
      const v = pol.tariffs[REGIONS[o]]?.autos ?? star;
      if (v !== undefined) calCarTariff[d][o] = v / 100;
    }
  }
  for (const ct of content.scenario.calibrationTariffs) {
    if (ct.good !== 'autos') continue;
    calCarTariff[REGIONS.indexOf(ct.importer)][REGIONS.indexOf(ct.partner)] = ct.pct / 100;
  }
  const idx = (list: RegionId[]) => list.map((x) => REGIONS.indexOf(x));
  const out: Derived = {
    carSourcing,
    calCarTariff,
    otherBase,
    stageIndex: Object.fromEntries(STAGES.map((s, i) => [s, i])) as Record<StageKey, number>,
    allyIdx: REGIONS.map((r) => idx(reg[r].allies)),
    rivalIdx: REGIONS.map((r) => idx(reg[r].rivals)),
    otherTariff0: REGIONS.map((d) =>
      REGIONS.map((s) => {
        if (d === 'ROW' || s === d) return 0;
        const pol = content.scenario.policies[d];
        return (pol.tariffs[s]?.other ?? pol.tariffs['*']?.other ?? 0) / 100;
      }),
    ),
    tension0: REGIONS.map((a) =>
      REGIONS.map((b) => {
        if (a === 'ROW' || b === 'ROW' || a === b) return 0;
        const t = content.scenario.tension.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
        return t ? t.value : content.scenario.baselineTension;
      }),
    ),
    rivalPair: new Uint8Array(COUNTRIES.length * COUNTRIES.length),
    trustNorm: new Float64Array(COUNTRIES.length * COUNTRIES.length),
    allyTrust: content.rules.diplomacy.allyTrust,
  };
  for (let a = 0; a < COUNTRIES.length; a++)
    for (let b = 0; b < COUNTRIES.length; b++) {
      const A = COUNTRIES[a];
      const B = COUNTRIES[b];
      if (reg[A].rivals.includes(B) || reg[B].rivals.includes(A)) out.rivalPair[a * COUNTRIES.length + b] = 1;
      out.trustNorm[a * COUNTRIES.length + b] = a === b ? 100 : reg[A].allies.includes(B) ? out.allyTrust : 50;
    }
  cache.set(content, out);
  return out;
}
