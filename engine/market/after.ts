// After the markets clear: the world price, the markets' state for next turn (producers' prices, expectations,
// transshipment and what was detected of it, plants underwater), the consequences of detected leakage, the price
// ledger's counterfactuals, and national stockpile trades settled at the market price.
import { COUNTRIES, REGIONS, STAGES, STAGE_NAMES, regionRecord, type RegionId, type StageKey } from '../ids.ts';
import type { Content } from '../content.ts';
import type { GameState, RegionState } from '../state.ts';
import { buildChainInput, type SupplyContext } from '../supply.ts';
import { NR } from './spe.ts';
import { runChain, type ChainInput, type ChainResult } from './chain.ts';
import { causesInForce, priceLedger } from './why.ts';
import { pow } from '../detmath.ts';

const CHN_INDEX = REGIONS.indexOf('CHN');

/** The price paid outside China, weighted by what each region's buyers received (all regions if none received any). */
export function worldPriceOf(price: number[], received: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < NR; i++) {
    if (i === CHN_INDEX) continue;
    num += price[i] * received[i];
    den += received[i];
  }
  if (den > 0) return num / den;
  let s = 0;
  for (let i = 0; i < NR; i++) if (i !== CHN_INDEX) s += price[i];
  return s / (NR - 1);
}

/** The markets' state after the turn: producers' prices, expectations moved toward this turn's prices, transshipment. */
export function nextMarketState(content: Content, state: GameState, chain: ReturnType<typeof runChain>, R: Record<RegionId, RegionState>): GameState['market'] {
  const th = content.goods.market.expectationSpeed;
  const q = state.quartersPerTurn;
  const w = 1 - pow(1 - th, q);
  const producerPrice = {} as GameState['market']['producerPrice'];
  const expPrice = {} as GameState['market']['expPrice'];
  const transship = {} as GameState['market']['transship'];
  const detected = {} as GameState['market']['detected'];
  for (const s of STAGES) {
    const m = chain.markets[s];
    producerPrice[s] = regionRecord((_, i) => m.producerPrice[i]);
    expPrice[s] = regionRecord((r, i) => state.market.expPrice[s][r] + w * (m.price[i] - state.market.expPrice[s][r]));
    transship[s] = transshipRecord(m.transship);
    detected[s] = transshipRecord(detections(content, m));
  }
  // spread, then assign in the literal's order: the same object key for key, without V8's slow path for a literal
  // that overrides spread keys
  const out: GameState['market'] = { ...state.market };
  out.producerPrice = producerPrice;
  out.expPrice = expPrice;
  out.transship = transship;
  out.detected = detected;
  out.magnetHeavy = chain.magnetHeavy;
  out.underwater = underwaterAfter(content, state, chain);
  out.distrust = distrustAfter(content, state, R);
  return out;
}

/** Buyers' distrust of each supplier: it jumps to the severity of the supplier's controls on the buyer (or a share
 * of its worst control on anyone else: buyers watch how suppliers treat others) and fades with a half-life once
 * the controls ease. Buyers diversify away from a coercer for years (Japan after 2010: Mancheri 2015). */
export function distrustAfter(content: Content, state: GameState, R: Record<RegionId, RegionState>): GameState['market']['distrust'] {
  const D = content.goods.market.distrust;
  const keep = pow(0.5, state.quartersPerTurn / D.halfLifeQuarters);
  const severity = (o: RegionId, b: RegionId): number => {
    if (o === 'ROW' || o === b) return 0;
    let w = 0;
    for (const s of STAGES) {
      const c = R[o].policies.controls[b][s];
      w = Math.max(w, c.level === 'banned' ? 1 : c.level === 'licensed' ? 1 - c.share : 0);
    }
    return w;
  };
  // each pair's severity once (row o, column b), then each supplier's worst
  const sev: number[][] = REGIONS.map((o) => REGIONS.map((b) => severity(o, b)));
  const worst = regionRecord((_, i) => {
    let w = 0;
    for (let j = 0; j < NR; j++) w = Math.max(w, sev[i][j]);
    return w;
  });
  return regionRecord((b, j) => regionRecord((o, i) => (o === b ? 0 : Math.max(state.market.distrust[b][o] * keep, sev[i][j], D.contagion * worst[o]))));
}

/** Quarters in a row each region's producers sold below their cash cost plus input cost (only where they produce). */
function underwaterAfter(content: Content, state: GameState, chain: ReturnType<typeof runChain>): GameState['market']['underwater'] {
  const q = state.quartersPerTurn;
  const M = content.goods.markets;
  const rec = content.goods.refiningRecovery;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * state.heavyIntensity;
  const out = {} as GameState['market']['underwater'];
  for (const s of STAGES) {
    const m = chain.markets[s];
    out[s] = regionRecord((r, i) => {
      const pIn = (st: StageKey) => chain.markets[st].price[i];
      const input = s === 'magnet' ? rL * pIn('oxide.light') + rH * pIn('oxide.heavy') : s === 'oxide.light' ? pIn('ore.light') / rec : s === 'oxide.heavy' ? pIn('ore.heavy') / rec : 0;
      const loss = m.producerPrice[i] < input + M[s].cashCost[r];
      return loss ? state.market.underwater[s][r] + q : 0;
    });
  }
  return out;
}

/** What the origin's authorities find of each transshipment route: the chance of detection rises with all that goes
 * from the origin to the destination round its controls, reaching certainty at `detectShare` of world volume. */
export function detections(content: Content, m: ChainResult['markets'][StageKey]): [number, number, number, number][] {
  let world = 0;
  for (let i = 0; i < NR; i++) world += m.received[i];
  const scale = content.goods.market.transship.detectShare * world;
  const out: [number, number, number, number][] = [];
  for (const [a, v, b, t] of m.transship) {
    let pair = 0;
    for (const [a2, , b2, t2] of m.transship) if (a2 === a && b2 === b) pair += t2;
    const chance = scale > 0 ? Math.min(1, pair / scale) : 1;
    out.push([a, v, b, t * chance]);
  }
  return out;
}

/** News and tension from leakage found this turn: the restricting country blames the transit country. */
export function leakConsequences(content: Content, chain: ChainResult, tension: GameState['tension'], news: string[]): void {
  for (const s of STAGES) {
    const m = chain.markets[s];
    let world = 0;
    for (let i = 0; i < NR; i++) world += m.received[i];
    const byPair = new Map<string, { a: number; v: number; t: number; dest: Set<number> }>();
    for (const [a, v, b, t] of detections(content, m)) {
      if (t <= 0) continue;
      const k = `${a}>${v}`;
      const e = byPair.get(k) ?? { a, v, t: 0, dest: new Set<number>() };
      e.t += t;
      e.dest.add(b);
      byPair.set(k, e);
    }
    for (const e of [...byPair.values()].sort((x, y) => x.a - y.a || x.v - y.v)) {
      if (e.t < Math.max(1, 0.001 * world)) continue;
      const A = REGIONS[e.a];
      const V = REGIONS[e.v];
      news.push(`${A} finds about ${fmtT(e.t)} of its ${STAGE_NAMES[s]} reaching ${listOf([...e.dest].sort((x, y) => x - y).map((b) => REGIONS[b]))} through ${V}, round its export controls.`);
      if (A === 'ROW' || V === 'ROW') continue;
      const bump = Math.min(10, (content.rules.diplomacy.leakTension * e.t) / Math.max(1e-9, 0.01 * world));
      const nt = Math.min(100, tension[A][V] + bump);
      tension[A][V] = nt;
      tension[V][A] = nt;
    }
  }
}

/** Transshipment as a record with sorted keys "ORIGIN>VIA>DESTINATION" (t), tiny volumes left out. */
export function transshipRecord(list: [number, number, number, number][]): Record<string, number> {
  const keys: [string, number][] = [];
  for (const [a, v, b, t] of list) if (t > 1e-6) keys.push([`${REGIONS[a]}>${REGIONS[v]}>${REGIONS[b]}`, t]);
  keys.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Record<string, number> = {};
  for (const [k, t] of keys) out[k] = t;
  return out;
}

export const STOCKPILE_CAUSE = 'stockpile purchases and releases';

/** The price ledger of every market: the chain re-cleared with each cause in force lifted in turn. */
export function pricesWhy(ctx: SupplyContext, chainIn: ChainInput, chain: ChainResult, R: Record<RegionId, RegionState>) {
  const restricting = COUNTRIES.filter((c) => REGIONS.some((p) => p !== c && STAGES.some((s) => R[c].policies.controls[p][s].level !== 'open')));
  const causes = causesInForce(chainIn, [...restricting], ctx.shocks.length > 0);
  const Z = () => [0, 0, 0, 0, 0, 0];
  return priceLedger(
    chain,
    causes,
    (lift, noStock) => buildChainInput({ ...ctx, lift, ...(noStock ? { purchase: { light: Z(), heavy: Z() }, release: { light: Z(), heavy: Z() } } : {}) }),
    worldPriceOf,
  );
}

/** National stockpiles trade at the market price: the buyer pays what its own buyers' price came to, a release earns it.
 * With the ledger on, the news says how much the trade moved that price (against the same turn without any stockpile trade). */
export function settleStockpiles(R: Record<RegionId, RegionState>, chain: ChainResult, purchase: { light: number[]; heavy: number[] }, release: { light: number[]; heavy: number[] }, news: string[], without?: ChainResult): void {
  for (const c of COUNTRIES) {
    const i = REGIONS.indexOf(c);
    for (const g of ['light', 'heavy'] as const) {
      const st: StageKey = g === 'light' ? 'oxide.light' : 'oxide.heavy';
      const p = chain.markets[st].price[i];
      const bought = chain.toStockpile[g][i];
      const ordered = purchase[g][i];
      const sold = release[g][i];
      if (bought > 0) {
        const usd = (bought * p) / 1e6; // t * USD/kg * 1000 kg/t / 1e9
        R[c].budget -= usd;
        news.push(`${c} buys ${fmtT(bought)}${bought < ordered - 1e-6 ? ` (of ${fmtT(ordered)} ordered: the price passed its limit)` : ''} of ${STAGE_NAMES[st]} for its stockpile at USD ${p.toFixed(0)}/kg (USD ${fmtBn(usd)})${moved(without, st, i, p)}.`);
      }
      if (ordered > 0 && bought <= 1e-6) news.push(`${c}'s stockpile order for ${fmtT(ordered)} of ${STAGE_NAMES[st]} finds no seller below its price limit.`);
      if (sold > 0) {
        const usd = (sold * p) / 1e6;
        R[c].budget += usd;
        news.push(`${c} releases ${fmtT(sold)} of ${STAGE_NAMES[st]} from its stockpile at USD ${p.toFixed(0)}/kg (USD ${fmtBn(usd)} back to its budget)${moved(without, st, i, p)}.`);
      }
    }
  }
}

/** ": stockpile trades moved the price there by +12%" against the same turn without them. */
function moved(without: ChainResult | undefined, st: StageKey, i: number, p: number): string {
  if (!without) return '';
  const p0 = without.markets[st].price[i];
  const pct = p0 > 0 ? (100 * (p - p0)) / p0 : 0;
  return `; stockpile trades this turn moved the price there by ${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% (from USD ${p0.toFixed(0)}/kg)`;
}

const fmtT = (t: number) => (t >= 100 ? `${String(Math.round(t)).replace(/\B(?=(\d{3})+$)/g, ',')} t` : `${t.toFixed(1)} t`);
const fmtBn = (bn: number) => (bn >= 1 ? `${bn.toFixed(2)} bn` : `${(bn * 1000).toFixed(1)} m`);

/** "JPN", "JPN and USA", "JPN, ROW and USA". */
function listOf(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
