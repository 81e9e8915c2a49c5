// Supply risk of a country's rare-earth sourcing, by the EU criticality method (EC 2017 guidelines; Blengini et al.
// 2017, JRC EUR 28654): SR = [HHI_WGI(global supply) x IR/2 + HHI_WGI(own sourcing) x (1 - IR/2)] x (1 - EoL-RIR) x SI,
// worked out for the ore (extraction), oxide (processing) and magnet stages of what the country actually buys and
// the highest (the bottleneck) kept. Independence in the score is 1 - SR / scale.
import { REGIONS, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { Policies } from './state.ts';
import type { MarketResult } from './market/types.ts';
import { NR } from './market/spe.ts';

const LEVELS: StageKey[][] = [['ore.light', 'ore.heavy'], ['oxide.light', 'oxide.heavy'], ['magnet']];

export interface RiskInput {
  content: Content;
  markets: Record<StageKey, MarketResult>;
  /** each region's policies this turn (the origin's export controls set the trade-restriction adjuster) */
  policies: (r: number) => Policies;
  /** oxide recycled in the country this turn, t, and thrifting's cut in magnet use (0..1) */
  recycled: number;
  thrift: number;
}

/** Trade-restriction adjuster t_c of origin o toward buyer i over a level's stages: 1 open, more when restricted. */
function restriction(x: RiskInput, o: number, i: number, level: StageKey[]): number {
  if (o === i || REGIONS[o] === 'ROW') return 1;
  const sr = x.content.rules.supplyRisk;
  let t = 1;
  const c = x.policies(o).controls[REGIONS[i]];
  for (const s of level) {
    const lv = c[s].level;
    if (lv === 'banned') t = Math.max(t, sr.restrictionBanned);
    else if (lv === 'licensed') t = Math.max(t, 1 + (sr.restrictionLicensed - 1) * (1 - c[s].share) * 2);
  }
  return Math.min(t, sr.restrictionBanned);
}

/** Value of stage goods from each origin reaching buyer i (transshipped goods at their origin), and sent by each
 * origin anywhere, at 2024 prices (so light and heavy material weigh by value, not by tonnes). */
// scratch for sourcing(): filled afresh on every call (supplyRisk runs a few hundred times a game)
const FROM = [0, 0, 0, 0, 0, 0];
const WORLD = [0, 0, 0, 0, 0, 0];
function sourcing(x: RiskInput, i: number, level: StageKey[]): number {
  const from = FROM.fill(0);
  const world = WORLD.fill(0);
  let exports = 0;
  for (const s of level) {
    const m = x.markets[s];
    const p = x.content.goods.markets[s].basePrice;
    for (let o = 0; o < NR; o++)
      for (let d = 0; d < NR; d++) {
        const v = m.flows[o][d] * p;
        world[o] += v;
        if (d === i) from[o] += v;
        if (o === i && d !== i) exports += v;
      }
    for (const [a, , b, v] of m.transship) {
      world[a] += v * p;
      if (b === i) from[a] += v * p;
    }
  }
  return exports;
}

/** The HHI weighted by governance of the shares v[o] / total. */
function hhiWgi(x: RiskInput, v: number[], total: number, bestWgi: number, i: number, level: StageKey[]): number {
  const sr = x.content.rules.supplyRisk;
  let h = 0;
  for (let o = 0; o < NR; o++) {
    const share = v[o] / total;
    if (share <= 0) continue;
    // a country's own supply carries no risk of an export control against it: it counts at the best governance
    const wgi = o === i ? bestWgi : sr.governance[REGIONS[o]];
    h += share * share * wgi * restriction(x, o, i, level);
  }
  return h;
}

/** The supply risk of buyer i this turn (0 when it buys no rare-earth material at all). */
export function supplyRisk(x: RiskInput, i: number): number {
  const sr = x.content.rules.supplyRisk;
  let worst = 0;
  let bestWgi = Infinity;
  for (const r of REGIONS) bestWgi = Math.min(bestWgi, sr.governance[r]);
  const from = FROM;
  const world = WORLD;
  for (const level of LEVELS) {
    const exports = sourcing(x, i, level);
    let total = 0;
    let worldTotal = 0;
    for (let o = 0; o < NR; o++) {
      total += from[o];
      worldTotal += world[o];
    }
    if (total <= 0 || worldTotal <= 0) continue;
    const imports = total - from[i];
    const production = world[i];
    const IR = Math.min(1, Math.max(0, (imports - exports) / Math.max(1e-9, production + imports - exports)));
    const gs = hhiWgi(x, world, worldTotal, bestWgi, i, level);
    const own = hhiWgi(x, from, total, bestWgi, i, level);
    worst = Math.max(worst, gs * (IR / 2) + own * (1 - IR / 2));
  }
  // end-of-life recycling input rate: recycled oxide against the rare earths the country uses, as oxide bought
  // plus the oxide content of magnets bought (recycled oxide sold abroad still counts in full here: a simplification)
  const rec = x.content.goods.magnetRecipe;
  let use = 0;
  for (const s of LEVELS[1]) for (let o = 0; o < NR; o++) use += x.markets[s].flows[o][i];
  for (let o = 0; o < NR; o++) use += x.markets.magnet.flows[o][i] * (rec.light + rec.heavy);
  const eol = x.recycled > 0 ? x.recycled / (x.recycled + use) : 0;
  return worst * (1 - eol) * sr.substitution * (1 - x.thrift);
}

/** Independence, 0..1, from the supply risk. */
export function independenceFrom(content: Content, risk: number): number {
  return Math.max(0, 1 - risk / content.rules.supplyRisk.scale);
}
