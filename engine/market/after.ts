// After the markets clear: the world price, the markets' state for next turn (producers' prices, expectations,
// transshipment and what was detected of it, plants underwater), the consequences of detected leakage, the price
// ledger's counterfactuals, and national stockpile trades settled at the market price.
import { COUNTRIES, REGIONS, STAGES, STAGE_NAMES, type CountryId, type RegionId, type StageKey } from '../ids.ts';
import type { Content } from '../content.ts';
import type { Control, GameState, RegionState } from '../state.ts';
import { buildChainInput, type SupplyContext } from '../supply.ts';
import { NR } from './spe.ts';
import { worldNeedOf } from '../licence.ts';
import { runChain, type ChainInput, type ChainResult } from './chain.ts';
import { TRANS_KEYS } from './problem.ts';
import { causesInForce, priceLedger } from './why.ts';
import { pow } from '../detmath.ts';
import { fmtT } from '../fmt.ts';

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

/** A record over the regions from values in REGIONS order (regionRecord's literal, without a closure per call). */
function recordOf(v: ArrayLike<number>): Record<RegionId, number> {
  return { AUS: v[0], CHN: v[1], JPN: v[2], MYS: v[3], ROW: v[4], USA: v[5] };
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('after.ts: recordOf is written for the regions AUS CHN JPN MYS ROW USA');
/** Scratch rows (each fully written before it is read, within one call) */
const ROW = new Float64Array(NR);
const SEV = new Float64Array(NR * NR);
const WORST = new Float64Array(NR);

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
    producerPrice[s] = recordOf(m.producerPrice);
    const e0 = state.market.expPrice[s];
    for (let i = 0; i < NR; i++) {
      const r = REGIONS[i];
      ROW[i] = e0[r] + w * (m.price[i] - e0[r]);
    }
    expPrice[s] = recordOf(ROW);
    transship[s] = transshipRecord(m.transship);
    foundInto(content, m);
    detected[s] = transshipRecord(m.transship, FOUND);
  }
  // spread, then assign in the literal's order: the same object key for key, without V8's slow path for a literal
  // that overrides spread keys
  const out: GameState['market'] = { ...state.market };
  out.producerPrice = producerPrice;
  out.expPrice = expPrice;
  out.transship = transship;
  out.detected = detected;
  out.magnetHeavy = chain.magnetHeavy;
  out.magnetNeed = worldNeedOf(chain.magnetNeed, q);
  out.underwater = underwaterAfter(content, state, chain);
  out.distrust = distrustAfter(content, state, R);
  return out;
}

/** How far a control shuts a buyer out: 1 banned, 1 - share licensed, 0 open. */
function severity(c: Control): number {
  return c.level === 'banned' ? 1 : c.level === 'licensed' ? 1 - c.share : 0;
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('after.ts: distrustAfter is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** Buyers' distrust of each supplier: it jumps to the severity of the supplier's controls on the buyer (or a share
 * of its worst control on anyone else: buyers watch how suppliers treat others) and fades with a half-life once
 * the controls ease. Buyers diversify away from a coercer for years (Japan after 2010: Mancheri 2015). */
export function distrustAfter(content: Content, state: GameState, R: Record<RegionId, RegionState>): GameState['market']['distrust'] {
  const D = content.goods.market.distrust;
  const keep = pow(0.5, state.quartersPerTurn / D.halfLifeQuarters);
  // each pair's severity once (row o, column b), then each supplier's worst
  for (let i = 0; i < NR; i++) {
    const o = REGIONS[i];
    const ctl = o === 'ROW' ? undefined : R[o].policies.controls;
    let worst = 0;
    for (let j = 0; j < NR; j++) {
      let w = 0;
      if (ctl && i !== j) {
        // the stages by name, in STAGES' order (a keyed load with a varying key is a megamorphic load)
        const cb = ctl[REGIONS[j]];
        w = Math.max(w, severity(cb['ore.light']));
        w = Math.max(w, severity(cb['ore.heavy']));
        w = Math.max(w, severity(cb['oxide.light']));
        w = Math.max(w, severity(cb['oxide.heavy']));
        w = Math.max(w, severity(cb.magnet));
      }
      SEV[i * NR + j] = w;
      worst = Math.max(worst, w);
    }
    WORST[i] = worst;
  }
  const out = {} as GameState['market']['distrust'];
  for (let j = 0; j < NR; j++) {
    const b = REGIONS[j];
    const prev = state.market.distrust[b];
    for (let i = 0; i < NR; i++) ROW[i] = i === j ? 0 : Math.max(prev[REGIONS[i]] * keep, SEV[i * NR + j], D.contagion * WORST[i]);
    out[b] = recordOf(ROW);
  }
  return out;
}

/** Quarters in a row each region's producers sold below their cash cost plus input cost (only where they produce). */
function underwaterAfter(content: Content, state: GameState, chain: ReturnType<typeof runChain>): GameState['market']['underwater'] {
  const q = state.quartersPerTurn;
  const M = content.goods.markets;
  const rec = content.goods.refiningRecovery;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * state.heavyIntensity;
  const P = chain.markets;
  const out = {} as GameState['market']['underwater'];
  for (const s of STAGES) {
    const m = chain.markets[s];
    const u0 = state.market.underwater[s];
    const cc = M[s].cashCost;
    for (let i = 0; i < NR; i++) {
      const r = REGIONS[i];
      const input = s === 'magnet' ? rL * P['oxide.light'].price[i] + rH * P['oxide.heavy'].price[i] : s === 'oxide.light' ? P['ore.light'].price[i] / rec : s === 'oxide.heavy' ? P['ore.heavy'].price[i] / rec : 0;
      const loss = m.producerPrice[i] < input + cc[r];
      ROW[i] = loss ? u0[r] + q : 0;
    }
    out[s] = recordOf(ROW);
  }
  return out;
}

/** What the origin's authorities find of each transshipment route: the chance of detection rises with all that goes
 * from the origin to the destination round its controls, reaching certainty at `detectShare` of world volume. */
export function detections(content: Content, m: ChainResult['markets'][StageKey]): [number, number, number, number][] {
  foundInto(content, m);
  const out: [number, number, number, number][] = [];
  const list = m.transship;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    out.push([e[0], e[1], e[2], FOUND[i]]);
  }
  return out;
}

/** What detections finds of each route, into FOUND[i] for the market's i-th route (the turn's engine reads these, not
 * the records detections builds). Written before it is read, per call; grown to the longest list seen. */
const FOUND: number[] = [];
function foundInto(content: Content, m: ChainResult['markets'][StageKey]): void {
  let world = 0;
  for (let i = 0; i < NR; i++) world += m.received[i];
  const scale = content.goods.market.transship.detectShare * world;
  const list = m.transship;
  for (let i = 0; i < list.length; i++) {
    const e0 = list[i];
    const a = e0[0];
    const b = e0[2];
    let pair = 0;
    for (let j = 0; j < list.length; j++) {
      const e = list[j];
      if (e[0] === a && e[2] === b) pair += e[3];
    }
    const chance = scale > 0 ? Math.min(1, pair / scale) : 1;
    FOUND[i] = e0[3] * chance;
  }
}

/** Whether the origin takes note of t found on an (origin, via) pair of a stage whose buyers received `world` t. */
const leakFound = (t: number, world: number): boolean => !(t < Math.max(1, 0.001 * world));
/** The tension a leak noted (leakFound) adds to the origin's and the transit country's pair, before the 0-100 limit. */
const leakBump = (content: Content, t: number, world: number): number => Math.min(10, (content.rules.diplomacy.leakTension * t) / Math.max(1e-9, 0.01 * world));

/** Scratch for leakConsequences, cleared per stage: what the origin found per (origin, via) pair, [a * NR + v], and
 * the destinations it went to, a bit per region. */
const LEAK_T = new Float64Array(NR * NR);
const LEAK_DEST = new Int32Array(NR * NR);

/** News and tension from leakage found this turn: the restricting country blames the transit country. Each (origin,
 * via) pair's findings are summed in the detections' order and the pairs taken in (origin, via) order. */
export function leakConsequences(content: Content, chain: ChainResult, tension: GameState['tension'], news: string[] | null): void {
  for (const s of STAGES) {
    const m = chain.markets[s];
    if (m.transship.length === 0) continue; // nothing went round anyone's controls
    let world = 0;
    for (let i = 0; i < NR; i++) world += m.received[i];
    LEAK_T.fill(0);
    LEAK_DEST.fill(0);
    foundInto(content, m);
    const list = m.transship;
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      const t = FOUND[i];
      if (t <= 0) continue;
      const k = f[0] * NR + f[1];
      LEAK_T[k] += t;
      LEAK_DEST[k] |= 1 << f[2];
    }
    for (let k = 0; k < NR * NR; k++) {
      // a pair is there when something was found on it (every destination sets its bit)
      const dest = LEAK_DEST[k];
      if (dest === 0) continue;
      const t = LEAK_T[k];
      if (!leakFound(t, world)) continue;
      const A = REGIONS[Math.floor(k / NR)];
      const V = REGIONS[k % NR];
      if (news) {
        const to: RegionId[] = [];
        for (let b = 0; b < NR; b++) if (dest & (1 << b)) to.push(REGIONS[b]);
        news.push(`${A} finds about ${fmtT(t)} of its ${STAGE_NAMES[s]} reaching ${listOf(to)} through ${V}, round its export controls.`);
      }
      if (A === 'ROW' || V === 'ROW') continue;
      const nt = Math.min(100, tension[A][V] + leakBump(content, t, world));
      tension[A][V] = nt;
      tension[V][A] = nt;
    }
  }
}

/** A leak found last turn, rebuilt from the state (what was detected, what moved): whose controlled goods (origin)
 * went round its controls through which country (via), and the tension it added to that pair, summed over stages
 * before the 0-100 limit. The world volume is summed from the kept flows, so a bump can differ from leakConsequences'
 * in the last bits (and by the tiniest routes the kept record leaves out): for reports, not for the model. */
export interface LeakFound {
  origin: CountryId;
  via: CountryId;
  bump: number;
}
export function leaksFoundLastTurn(content: Content, state: GameState): LeakFound[] {
  const sum = new Map<string, LeakFound>();
  for (const s of STAGES) {
    const found = state.market.detected[s];
    const keys = Object.keys(found);
    if (keys.length === 0) continue;
    let world = 0;
    for (const a of REGIONS) for (const b of REGIONS) world += state.flows[s][a][b];
    for (const k in state.market.transship[s]) world += state.market.transship[s][k];
    const pair = new Map<string, number>();
    for (const k of keys) {
      const ov = k.slice(0, 7); // "ORIGIN>VIA"
      pair.set(ov, (pair.get(ov) ?? 0) + found[k]);
    }
    for (const [ov, t] of [...pair].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const [origin, via] = ov.split('>') as [RegionId, RegionId];
      if (origin === 'ROW' || via === 'ROW' || !leakFound(t, world)) continue;
      const e = sum.get(ov) ?? { origin, via, bump: 0 };
      e.bump += leakBump(content, t, world);
      sum.set(ov, e);
    }
  }
  return [...sum.values()].sort((x, y) => (x.origin + x.via < y.origin + y.via ? -1 : 1));
}

/** Scratch for transshipRecord (written before read within a call) */
const TR_CODE = new Int32Array(NR * NR * NR);
const TR_T = new Float64Array(NR * NR * NR);

/** Transshipment as a record with sorted keys "ORIGIN>VIA>DESTINATION" (t), tiny volumes left out. The keys come
 * from transKey's table; with REGIONS in string order and three-letter codes, the keys' string order is that of
 * (origin, via, destination) as numbers, so entries sort by that code (stably: a repeated route keeps its last).
 * `amounts`: each route's t by its index in `list`, in place of the list's own. */
export function transshipRecord(list: [number, number, number, number][], amounts?: number[]): Record<string, number> {
  if (list.length > TR_CODE.length) return transshipRecordSlow(list, amounts);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const t = amounts ? amounts[i] : e[3];
    if (!(t > 1e-6)) continue;
    const code = (e[0] * NR + e[1]) * NR + e[2];
    let j = n - 1;
    while (j >= 0 && TR_CODE[j] > code) {
      TR_CODE[j + 1] = TR_CODE[j];
      TR_T[j + 1] = TR_T[j];
      j--;
    }
    TR_CODE[j + 1] = code;
    TR_T[j + 1] = t;
    n++;
  }
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) out[TRANS_KEYS[TR_CODE[i]]] = TR_T[i];
  return out;
}
if (REGIONS.some((r, i) => r.length !== 3 || (i > 0 && !(REGIONS[i - 1] < r)))) throw new Error('after.ts: transshipRecord needs three-letter region codes in string order');

function transshipRecordSlow(list: [number, number, number, number][], amounts?: number[]): Record<string, number> {
  const keys: [string, number][] = [];
  for (let i = 0; i < list.length; i++) {
    const [a, v, b, t0] = list[i];
    const t = amounts ? amounts[i] : t0;
    if (t > 1e-6) keys.push([`${REGIONS[a]}>${REGIONS[v]}>${REGIONS[b]}`, t]);
  }
  keys.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: Record<string, number> = {};
  for (const [k, t] of keys) out[k] = t;
  return out;
}

export const STOCKPILE_CAUSE = 'stockpile purchases and releases';

/** The price ledger of every market: the chain re-cleared with each cause in force lifted in turn. */
export function pricesWhy(ctx: SupplyContext, chainIn: ChainInput, chain: ChainResult, R: Record<RegionId, RegionState>) {
  const restricting = COUNTRIES.filter((c) => REGIONS.some((p) => p !== c && STAGES.some((s) => R[c].policies.controls[p][s].level !== 'open')));
  const quotas = COUNTRIES.filter((c) => (R[c].policies.outputPct ?? 100) !== 100).map((c): [RegionId, number] => [c, R[c].policies.outputPct ?? 100]);
  const causes = causesInForce(chainIn, [...restricting], ctx.shocks.length > 0, quotas);
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
export function settleStockpiles(R: Record<RegionId, RegionState>, chain: ChainResult, purchase: { light: number[]; heavy: number[] }, release: { light: number[]; heavy: number[] }, news: string[] | null, without?: ChainResult): void {
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
        news?.push(`${c} buys ${fmtT(bought)}${bought < ordered - 1e-6 ? ` (of ${fmtT(ordered)} ordered: the price passed its limit)` : ''} of ${STAGE_NAMES[st]} for its stockpile at USD ${p.toFixed(0)}/kg (USD ${fmtBn(usd)})${moved(without, st, i, p)}.`);
      }
      if (ordered > 0 && bought <= 1e-6) news?.push(`${c}'s stockpile order for ${fmtT(ordered)} of ${STAGE_NAMES[st]} finds no seller below its price limit.`);
      if (sold > 0) {
        const usd = (sold * p) / 1e6;
        R[c].budget += usd;
        news?.push(`${c} releases ${fmtT(sold)} of ${STAGE_NAMES[st]} from its stockpile at USD ${p.toFixed(0)}/kg (USD ${fmtBn(usd)} back to its budget)${moved(without, st, i, p)}.`);
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

const fmtBn = (bn: number) => (bn >= 1 ? `${bn.toFixed(2)} bn` : `${(bn * 1000).toFixed(1)} m`);

/** "JPN", "JPN and USA", "JPN, ROW and USA". */
function listOf(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
