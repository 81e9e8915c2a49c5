// Supply risk of a country's rare-earth sourcing, by the EU criticality method (EC 2017 guidelines; Blengini et al.
// 2017, JRC EUR 28654): SR = [HHI_WGI(global supply) x IR/2 + HHI_WGI(own sourcing) x (1 - IR/2)] x (1 - EoL-RIR) x SI,
// worked out for the ore (extraction), oxide (processing) and magnet stages of what the country actually buys and
// the highest (the bottleneck) kept. Independence in the score is 1 - SR / scale.
import { REGIONS, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { Control, Policies } from './state.ts';
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
/** What supplyRisks reads: RiskInput less the buyer's own figures. */
export type RiskBase = Omit<RiskInput, 'recycled' | 'thrift'>;

/** A call's inputs resolved once: each origin's policies, each level's markets and 2024 prices, in the levels' order. */
interface Ctx {
  x: RiskBase;
  pol: Policies[];
  m: MarketResult[][];
  p: number[][];
  banned: number;
  licensed: number;
}

// the one context, every field rewritten by contextOf before each call reads it (nothing carries from one call to
// the next; the markets and policies it points to are the call's own)
const CTX: Ctx = { x: null as unknown as RiskBase, pol: [], m: LEVELS.map(() => []), p: LEVELS.map(() => []), banned: 0, licensed: 0 };

function contextOf(x: RiskBase): Ctx {
  const sr = x.content.rules.supplyRisk;
  const c = CTX;
  c.x = x;
  for (let o = 0; o < NR; o++) c.pol[o] = x.policies(o);
  const markets = x.content.goods.markets;
  for (let l = 0; l < LEVELS.length; l++) {
    const level = LEVELS[l];
    const m = c.m[l];
    const p = c.p[l];
    for (let k = 0; k < level.length; k++) {
      m[k] = x.markets[level[k]];
      p[k] = markets[level[k]].basePrice;
    }
  }
  c.banned = sr.restrictionBanned;
  c.licensed = sr.restrictionLicensed;
  return c;
}

/** Trade-restriction adjuster t_c of origin o toward buyer i over a level's stages: 1 open, more when restricted. */
function restriction(c: Ctx, o: number, i: number, level: StageKey[]): number {
  if (o === i || REGIONS[o] === 'ROW') return 1;
  let t = 1;
  const ctl = c.pol[o].controls[REGIONS[i]];
  // the levels' stages by name, in their order (a keyed load with a varying key is a megamorphic load)
  if (level === LEVELS[0]) {
    t = restricted(c, t, ctl['ore.light']);
    t = restricted(c, t, ctl['ore.heavy']);
  } else if (level === LEVELS[1]) {
    t = restricted(c, t, ctl['oxide.light']);
    t = restricted(c, t, ctl['oxide.heavy']);
  } else if (level === LEVELS[2]) t = restricted(c, t, ctl.magnet);
  else for (const s of level) t = restricted(c, t, ctl[s]);
  return Math.min(t, c.banned);
}
function restricted(c: Ctx, t: number, ctl: Control): number {
  const lv = ctl.level;
  if (lv === 'banned') return Math.max(t, c.banned);
  if (lv === 'licensed') return Math.max(t, 1 + (c.licensed - 1) * (1 - ctl.share) * 2);
  return t;
}
if (LEVELS.map((l) => l.join()).join(';') !== 'ore.light,ore.heavy;oxide.light,oxide.heavy;magnet') throw new Error('risk.ts: restriction is written for the levels ore, oxide, magnet');

// scratch, each entry written before it is read on every call (supplyRisk runs a few hundred times a game):
// WORLD[l * NR + o] the value origin o sends anywhere at level l, WORLD_TOTAL[l] its sum; FROM[o] what buyer i gets
// from o, REST[o] the restriction of origin o toward i, GOV[o] the governance of origin o
const WORLD = new Float64Array(LEVELS.length * NR);
const WORLD_TOTAL = new Float64Array(LEVELS.length);
const FROM = new Float64Array(NR);
const REST = new Float64Array(NR);
const GOV = new Float64Array(NR);

/** Value of stage goods sent by each origin anywhere, at 2024 prices (so light and heavy material weigh by value, not
 * by tonnes; transshipped goods at their origin), level by level into WORLD, and their sums into WORLD_TOTAL: the
 * same for every buyer. Each origin's sum runs in the order of the stages, then the destinations, then the
 * transshipments. */
function worldSupply(c: Ctx): void {
  for (let l = 0; l < LEVELS.length; l++) {
    const off = l * NR;
    for (let o = 0; o < NR; o++) WORLD[off + o] = 0;
    const ms = c.m[l];
    for (let k = 0; k < ms.length; k++) {
      const m = ms[k];
      const p = c.p[l][k];
      for (let o = 0; o < NR; o++) {
        const row = m.flows[o];
        for (let d = 0; d < NR; d++) WORLD[off + o] += row[d] * p;
      }
      const ts = m.transship;
      for (let j = 0; j < ts.length; j++) WORLD[off + ts[j][0]] += ts[j][3] * p;
    }
    let total = 0;
    for (let o = 0; o < NR; o++) total += WORLD[off + o];
    WORLD_TOTAL[l] = total;
  }
}

/** Value of level l's goods from each origin reaching buyer i (transshipped goods at their origin) into FROM, in the
 * same order as worldSupply's sums; returns the value buyer i exports. */
function sourcing(c: Ctx, i: number, l: number): number {
  const from = FROM;
  for (let o = 0; o < NR; o++) from[o] = 0;
  let exports = 0;
  const ms = c.m[l];
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k];
    const p = c.p[l][k];
    for (let o = 0; o < NR; o++) from[o] += m.flows[o][i] * p;
    const own = m.flows[i];
    for (let d = 0; d < NR; d++) if (d !== i) exports += own[d] * p;
    const ts = m.transship;
    for (let j = 0; j < ts.length; j++) if (ts[j][2] === i) from[ts[j][0]] += ts[j][3] * p;
  }
  return exports;
}

/** hhiWgi's total in and index out, and the best governance score: a double passed to or returned from a call V8
 * does not inline is a new heap number each time (1.8 KiB a turn). */
const HHI = new Float64Array(2);
const BEST = new Float64Array(1);

/** The HHI weighted by governance of the shares v[off + o] / HHI[slot] (REST holds each origin's restriction), into
 * HHI[slot]. */
function hhiWgi(v: Float64Array, off: number, i: number, slot: number): void {
  const total = HHI[slot];
  let h = 0;
  for (let o = 0; o < NR; o++) {
    const share = v[off + o] / total;
    if (share <= 0) continue;
    // a country's own supply carries no risk of an export control against it: it counts at the best governance
    const wgi = o === i ? BEST[0] : GOV[o];
    h += share * share * wgi * REST[o];
  }
  HHI[slot] = h;
}

/** Buyer i's supply risk once worldSupply has run on the same markets; `parts`, when given, gets each level's figures
 * (riskParts: the explanation, the same arithmetic). */
function buyerRisk(c: Ctx, i: number, recycled: number, thrift: number, parts?: RiskParts): number {
  const x = c.x;
  const sr = x.content.rules.supplyRisk;
  let worst = 0;
  for (let l = 0; l < LEVELS.length; l++) {
    const exports = sourcing(c, i, l);
    let total = 0;
    for (let o = 0; o < NR; o++) total += FROM[o];
    const worldTotal = WORLD_TOTAL[l];
    if (total <= 0 || worldTotal <= 0) continue;
    const imports = total - FROM[i];
    const production = WORLD[l * NR + i];
    const IR = Math.min(1, Math.max(0, (imports - exports) / Math.max(1e-9, production + imports - exports)));
    // hhiWgi reads REST[o] only where the share v / total is not <= 0, so only where v is not <= 0 (total > 0 here)
    for (let o = 0; o < NR; o++) REST[o] = !(FROM[o] <= 0) || !(WORLD[l * NR + o] <= 0) ? restriction(c, o, i, LEVELS[l]) : 1;
    HHI[0] = worldTotal;
    HHI[1] = total;
    hhiWgi(WORLD, l * NR, i, 0);
    hhiWgi(FROM, 0, i, 1);
    const gs = HHI[0];
    const own = HHI[1];
    worst = Math.max(worst, gs * (IR / 2) + own * (1 - IR / 2));
    if (parts) parts.levels[l] = { risk: gs * (IR / 2) + own * (1 - IR / 2), importReliance: IR, global: gs, own, from: Object.fromEntries(REGIONS.map((r, o) => [r, FROM[o] / total]).filter(([, v]) => (v as number) > 0)) };
  }
  // end-of-life recycling input rate: recycled oxide against the rare earths the country uses, as oxide bought
  // plus the oxide content of magnets bought (recycled oxide sold abroad still counts in full here: a simplification)
  const rec = x.content.goods.magnetRecipe;
  let use = 0;
  const oxides = c.m[1];
  for (let k = 0; k < oxides.length; k++) for (let o = 0; o < NR; o++) use += oxides[k].flows[o][i];
  const mag = c.m[2][0].flows;
  for (let o = 0; o < NR; o++) use += mag[o][i] * (rec.light + rec.heavy);
  const eol = recycled > 0 ? recycled / (recycled + use) : 0;
  if (parts) Object.assign(parts, { recycling: eol, substitution: sr.substitution, thrift, risk: worst * (1 - eol) * sr.substitution * (1 - thrift) });
  return worst * (1 - eol) * sr.substitution * (1 - thrift);
}

/** A buyer's supply risk taken apart, for the page's explanation: each level's risk (ore, oxide, magnets; null where
 * the buyer bought none), its import reliance, the two governance-weighted concentrations (the world's supply and the
 * buyer's own sourcing) and the shares of what the buyer bought by origin (its own output included); then the
 * multipliers after the bottleneck (recycling's input rate, substitution, thrifting) and the risk they give. */
export interface RiskParts {
  levels: ({ risk: number; importReliance: number; global: number; own: number; from: Partial<Record<(typeof REGIONS)[number], number>> } | null)[];
  recycling: number;
  substitution: number;
  thrift: number;
  risk: number;
}

/** Country `i`'s supply risk in parts, from a state after a turn: its markets rebuilt from the state's flows and
 * transshipment (to rounding: within 1e-5 of the turn's own figure), this turn's policies, and `recycled` as given
 * (t of oxide recovered this turn; the state keeps capacities, not the turn's take, so the page's explanation passes
 * 0 and reads recycling's share off the turn's own figure). */
export function riskParts(content: Content, state: { flows: Record<StageKey, Record<string, Record<string, number>>>; market: { transship: Record<StageKey, Record<string, number>> }; regions: Record<string, { policies: Policies; thrift: number }> }, i: number, recycled = 0): RiskParts {
  const markets = {} as Record<StageKey, MarketResult>;
  for (const level of LEVELS)
    for (const s of level) {
      const flows = REGIONS.map((o) => REGIONS.map((d) => state.flows[s]?.[o]?.[d] ?? 0));
      const transship = Object.entries(state.market.transship[s] ?? {}).map(([k, v]) => [...k.split('>').map((r) => REGIONS.indexOf(r as (typeof REGIONS)[number])), v]);
      markets[s] = { flows, transship } as unknown as MarketResult;
    }
  const c = contextOf({ content, markets, policies: (o) => state.regions[REGIONS[o]].policies });
  governance(c.x);
  worldSupply(c);
  const parts: RiskParts = { levels: LEVELS.map(() => null), recycling: 0, substitution: 1, thrift: 0, risk: 0 };
  buyerRisk(c, i, recycled, state.regions[REGIONS[i]].thrift, parts);
  return parts;
}

/** GOV from the content, and the best (lowest) governance score into BEST[0]. */
function governance(x: RiskBase): void {
  const gov = x.content.rules.supplyRisk.governance;
  let bestWgi = Infinity;
  for (let o = 0; o < NR; o++) {
    GOV[o] = gov[REGIONS[o]];
    bestWgi = Math.min(bestWgi, GOV[o]);
  }
  BEST[0] = bestWgi;
}

/** The supply risk of buyer i this turn (0 when it buys no rare-earth material at all). */
export function supplyRisk(x: RiskInput, i: number): number {
  const c = contextOf(x);
  governance(x);
  worldSupply(c);
  return buyerRisk(c, i, x.recycled, x.thrift);
}

/** Every region's supply risk this turn into out[i], the same bits as supplyRisk for each (the world's supply by
 * origin, the same for every buyer, summed once): recycled[i] and thrift[i] as RiskInput's for region i. */
export function supplyRisks(x: RiskBase, recycled: ArrayLike<number>, thrift: ArrayLike<number>, out: Float64Array): void {
  const c = contextOf(x);
  governance(x);
  worldSupply(c);
  for (let i = 0; i < NR; i++) out[i] = buyerRisk(c, i, recycled[i], thrift[i]);
}

/** Independence, 0..1, from the supply risk. */
export function independenceFrom(content: Content, risk: number): number {
  return Math.max(0, 1 - risk / content.rules.supplyRisk.scale);
}
