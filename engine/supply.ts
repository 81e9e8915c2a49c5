// Builds the supply chain's inputs for a turn from the regions' state and policies: outputs, needs, caps, contracts, tariffs, freight.
import { REGIONS, STAGES, tariffGoodOf, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { Control, GameState, Offtake, RegionState, Shock } from './state.ts';
import type { ChainInput, MagnetUse } from './market/chain.ts';
import { capacityFactor, demandFactor } from './events.ts';
import { laneForPair } from './map.ts';
import { NR } from './market/spe.ts';
import { copyRow, marketInputs, row, zeros } from './supply-inputs.ts';


const mudCache = new WeakMap<Content, { light: number; heavy: number }>();
export function mudComposition(content: Content): { light: number; heavy: number } {
  let m = mudCache.get(content);
  if (!m) {
    const t = Object.values(content.projects.types).find((x) => x.kind === 'deepSeaMud');
    m = { light: t?.lightFrac ?? 0.25, heavy: t?.heavyFrac ?? 0.08 };
    mudCache.set(content, m);
  }
  return m;
}

/** Freight wedge on each s->d lane: extra length over the all-open route, or a penalty when no sea route exists. */
const wedgeCache = new WeakMap<GameState['lanes'], Map<number, number[][]>>();
export function laneWedges(content: Content, lanes: GameState['lanes'], share: number): number[][] {
  let byShare = wedgeCache.get(lanes);
  if (!byShare) {
    byShare = new Map();
    wedgeCache.set(lanes, byShare);
  }
  const hit = byShare.get(share);
  if (hit) return hit;
  const out = computeWedges(content, lanes, share);
  byShare.set(share, out);
  return out;
}

function computeWedges(content: Content, lanes: GameState['lanes'], share: number): number[][] {
  const out: number[][] = [];
  const pen = content.rules.trade.blockedLanePenalty;
  for (let s = 0; s < NR; s++) {
    const row: number[] = [];
    for (let d = 0; d < NR; d++) {
      if (s === d) {
        row.push(0);
        continue;
      }
      const lane = lanes[laneForPair(content.map, REGIONS[s], REGIONS[d])];
      if (!lane) row.push(0);
      else if (lane.blocked) row.push(pen);
      else row.push(share * Math.max(0, lane.lengthKm / Math.max(1, lane.baseKm) - 1));
    }
    out.push(row);
  }
  return out;
}

/** Causes a counterfactual can lift: one country's export controls, all rare-earth tariffs, hoarding, events. */
export interface Lift {
  controlsBy?: RegionId[];
  tariffs?: boolean;
  hoarding?: boolean;
  events?: boolean;
}

export interface SupplyContext {
  content: Content;
  regions: Record<RegionId, RegionState>;
  shocks: readonly Shock[];
  offtakes: readonly Offtake[];
  /** extra reserved flows from deals, per stage, t this turn */
  dealReserved?: Record<StageKey, number[][]>;
  flows: GameState['flows'];
  lanes: GameState['lanes'];
  heavyIntensity: number;
  turn: number;
  q: number;
  /** planned car output by origin, vehicles this turn */
  carPlan: number[];
  /** stockpile purchases and releases this turn, t */
  purchase: { light: number[]; heavy: number[] };
  release: { light: number[]; heavy: number[] };
  /** ignore export controls (calibration) */
  open?: boolean;
  /** counterfactuals for the price ledger: lift these causes this turn (engine/market/why.ts) */
  lift?: Lift;
  /** last turn's prices, to tell which markets are short */
  prices?: GameState['prices'];
  /** the markets' state: expectations, producers' prices, transshipment, calibration */
  market: GameState['market'];
  /** tension between countries (hoarding rises with it); none at calibration */
  tension?: GameState['tension'];
}

/** Regions whose buyers' price last turn was above the rest (read from lastPrice: last turn's prices as arrays). */
function shortOf(prices: GameState['prices'] | undefined, p: number[]): boolean[] {
  const out = [false, false, false, false, false, false];
  if (!prices) return out;
  let lo = Infinity;
  for (let i = 0; i < NR; i++) lo = Math.min(lo, p[i]);
  for (let i = 0; i < NR; i++) out[i] = p[i] > 1.05 * lo;
  return out;
}

export function buildChainInput(x: SupplyContext): ChainInput {
  const { content, regions, q } = x;
  const frac = q / 4;
  const { oreOut, minedReo, refCap, magCap, recycled, magnetNeedByUse, oxideOther, inv } = regionSupply(x);
  const { caps, reserved, tariff } = tradeMatrices(x, regions);
  const mk = marketInputs(x);
  for (const o of x.offtakes) {
    if (o.untilTurn < x.turn) continue;
    reserved[o.stage][REGION_INDEX[o.from]][REGION_INDEX[o.to]] += o.tonnesPerYear * frac;
  }
  const lp = mk.lastPrice;
  // the literal {..., planByNeeds, ...mk, short} written out key for key (no spread in a literal)
  return {
    goods: content.goods,
    minedReo,
    q,
    heavyIntensity: x.heavyIntensity,
    magnetHeavy: x.market.magnetHeavy,
    oreOut,
    refCap,
    magCap,
    recycled,
    release: x.release,
    purchase: x.purchase,
    magnetNeedByUse,
    oxideOther,
    inv,
    caps,
    reserved,
    tariff,
    laneExtra: laneWedges(content, x.lanes, 1),
    planByNeeds: x.open === true,
    lastPrice: lp,
    lastProducerPrice: mk.lastProducerPrice,
    lastFlows: mk.lastFlows,
    lastTransship: mk.lastTransship,
    expPrice: mk.expPrice,
    baseUse: mk.baseUse,
    hoard: mk.hoard,
    distrust: mk.distrust,
    short: { oreLight: shortOf(x.prices, lp['ore.light']), oreHeavy: shortOf(x.prices, lp['ore.heavy']), light: shortOf(x.prices, lp['oxide.light']), heavy: shortOf(x.prices, lp['oxide.heavy']), magnet: shortOf(x.prices, lp.magnet) },
  };
}

const REGION_INDEX = {} as Record<RegionId, number>;
for (let i = 0; i < NR; i++) REGION_INDEX[REGIONS[i]] = i;
const TARIFF_GOOD = STAGES.map(tariffGoodOf);
if (TARIFF_GOOD.join() !== 'ore,ore,oxide,oxide,magnets') throw new Error(`supply.ts: tradeMatrices is written for the stages' tariff goods ore, ore, oxide, oxide, magnets, not ${TARIFF_GOOD.join()}`);

/** Export caps, reserved flows and tariffs for every stage, a row per exporter (or importer, for tariffs). Each pair's
 * policy records are looked up once for all five stages; each stage's rows pushed straight onto its own array. */
function tradeMatrices(x: SupplyContext, regions: Record<RegionId, RegionState>) {
  const { content, q } = x;
  const M = content.goods.markets;
  // per stage in STAGES order; arrays grown by push stay packed (the solver reads them in its hot loops)
  const C0: number[][] = [];
  const C1: number[][] = [];
  const C2: number[][] = [];
  const C3: number[][] = [];
  const C4: number[][] = [];
  const T0: number[][] = [];
  const T1: number[][] = [];
  const T2: number[][] = [];
  const T3: number[][] = [];
  const T4: number[][] = [];
  const R0: number[][] = [];
  const R1: number[][] = [];
  const R2: number[][] = [];
  const R3: number[][] = [];
  const R4: number[][] = [];
  const noTariffs = x.lift?.tariffs === true;
  const liftBy = x.lift?.controlsBy;
  const dr = x.dealReserved;
  const turn = x.turn;
  // each stage's record read by name (a constant key), not by a stage variable
  const d0 = M['ore.light'].licenceDelayWeeks;
  const d1 = M['ore.heavy'].licenceDelayWeeks;
  const d2 = M['oxide.light'].licenceDelayWeeks;
  const d3 = M['oxide.heavy'].licenceDelayWeeks;
  const d4 = M.magnet.licenceDelayWeeks;
  for (let a = 0; a < NR; a++) {
    const pol = regions[REGIONS[a]].policies;
    const uncapped = x.open === true || liftBy?.includes(REGIONS[a]) === true;
    const c0 = row();
    const c1 = row();
    const c2 = row();
    const c3 = row();
    const c4 = row();
    const t0 = row();
    const t1 = row();
    const t2 = row();
    const t3 = row();
    const t4 = row();
    for (let b = 0; b < NR; b++) {
      const B = REGIONS[b];
      if (a === b || noTariffs) t0[b] = t1[b] = t2[b] = t3[b] = t4[b] = 0;
      else {
        // the stages' tariff goods: ore, ore, oxide, oxide, magnets (TARIFF_GOOD)
        const tr = pol.tariffs[B];
        t0[b] = t1[b] = tr.ore / 100;
        t2[b] = t3[b] = tr.oxide / 100;
        t4[b] = tr.magnets / 100;
      }
      if (a === b || uncapped) {
        c0[b] = c1[b] = c2[b] = c3[b] = c4[b] = Infinity;
        continue;
      }
      const ctl = pol.controls[B];
      c0[b] = capOf(ctl['ore.light'], d0, turn, q);
      c1[b] = capOf(ctl['ore.heavy'], d1, turn, q);
      c2[b] = capOf(ctl['oxide.light'], d2, turn, q);
      c3[b] = capOf(ctl['oxide.heavy'], d3, turn, q);
      c4[b] = capOf(ctl.magnet, d4, turn, q);
    }
    C0.push(c0);
    C1.push(c1);
    C2.push(c2);
    C3.push(c3);
    C4.push(c4);
    T0.push(t0);
    T1.push(t1);
    T2.push(t2);
    T3.push(t3);
    T4.push(t4);
    if (dr) {
      R0.push(copyRow(dr['ore.light'][a]));
      R1.push(copyRow(dr['ore.heavy'][a]));
      R2.push(copyRow(dr['oxide.light'][a]));
      R3.push(copyRow(dr['oxide.heavy'][a]));
      R4.push(copyRow(dr.magnet[a]));
    } else {
      R0.push(zeros());
      R1.push(zeros());
      R2.push(zeros());
      R3.push(zeros());
      R4.push(zeros());
    }
  }
  // records by stage, each a literal with its keys in STAGES order
  return {
    caps: { 'ore.light': C0, 'ore.heavy': C1, 'oxide.light': C2, 'oxide.heavy': C3, magnet: C4 },
    reserved: { 'ore.light': R0, 'ore.heavy': R1, 'oxide.light': R2, 'oxide.heavy': R3, magnet: R4 },
    tariff: { 'ore.light': T0, 'ore.heavy': T1, 'oxide.light': T2, 'oxide.heavy': T3, magnet: T4 },
  };
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply.ts: tradeMatrices is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** What a control lets through to one partner this turn, t (Infinity when open); a licence imposed this turn lets
 * through only what is left of the turn after the licensing delay. */
function capOf(c: Control, licenceDelayWeeks: number, turn: number, q: number): number {
  if (c.level === 'open') return Infinity;
  if (c.level === 'banned') return 0;
  const fresh = c.sinceTurn === turn ? Math.max(0, 1 - licenceDelayWeeks / (13 * q)) : 1;
  return c.share * c.baseVolume * q * fresh;
}

/** Each region's output, capacity, recycling, needs and stocks this turn (arrays in REGIONS order). Kept apart from
 * buildChainInput so V8 optimises two middling functions instead of one whose escape analysis took 250 ms a compile. */
function regionSupply(x: SupplyContext) {
  const { content, regions, q } = x;
  const shocks = x.lift?.events ? [] : x.shocks;
  // no running shocks: every factor is 1 (capacityFactor and demandFactor's answer for an empty list)
  const none = shocks.length === 0;
  const frac = q / 4;
  const mud = mudComposition(content);
  const Z = zeros;
  const oreOut = { light: Z(), heavy: Z() };
  const minedReo = Z();
  const refCap = { light: Z(), heavy: Z() };
  const magCap = Z();
  const recycled = { light: Z(), heavy: Z() };
  const magnetNeedByUse: Record<MagnetUse, number[]> = { carsEv: Z(), carsIce: Z(), defense: Z(), wind: Z(), electronics: Z(), other: Z() };
  const A = content.goods.autos;
  const oxideOther = { light: Z(), heavy: Z() };
  // a literal in STAGES order, each stage's row filled by name below (no keyed access by a stage variable)
  const inv: Record<StageKey, number[]> = { 'ore.light': Z(), 'ore.heavy': Z(), 'oxide.light': Z(), 'oxide.heavy': Z(), magnet: Z() };
  const invOL = inv['ore.light'];
  const invOH = inv['ore.heavy'];
  const invXL = inv['oxide.light'];
  const invXH = inv['oxide.heavy'];
  const invM = inv.magnet;
  // the content's figures looked up once, the regions' states by index in REGIONS order (supply-inputs.ts checks it)
  const maxRec = content.goods.supplyResponse.maxRecyclingShare;
  const mrL = content.goods.magnetRecipe.light;
  const RS = [regions.AUS, regions.CHN, regions.JPN, regions.MYS, regions.ROW, regions.USA];
  for (let i = 0; i < NR; i++) {
    const id = REGIONS[i];
    const r = RS[i];
    const fL = none ? 1 : capacityFactor(shocks, id, 'ore.light');
    const fH = none ? 1 : capacityFactor(shocks, id, 'ore.heavy');
    // production quotas (China's mining and separation quotas are its capacity figures) scale with the output policy
    const quota = (r.policies.outputPct ?? 100) / 100;
    oreOut.light[i] = (r.miningReo * r.lightFrac * fL + r.mudReo * mud.light * fH) * frac * quota;
    oreOut.heavy[i] = (r.miningReo * r.heavyFrac + r.mudReo * mud.heavy) * fH * frac * quota;
    minedReo[i] = (r.miningReo * fL + r.mudReo * fH) * frac * quota;
    refCap.light[i] = r.refining.light * frac * (none ? 1 : capacityFactor(shocks, id, 'oxide.light')) * quota;
    refCap.heavy[i] = r.refining.heavy * frac * (none ? 1 : capacityFactor(shocks, id, 'oxide.heavy')) * quota;
    magCap[i] = r.magnetCap * frac * (none ? 1 : capacityFactor(shocks, id, 'magnet'));
    // recycling is limited by the scrap a region's own use leaves
    const mu = r.magnetUse;
    const scrapCap = maxRec * (r.magnetCap * mrL + r.oxideOtherUse.light + (mu.electronics + mu.other) * mrL);
    recycled.light[i] = Math.min(r.recycling.light, scrapCap) * frac;
    recycled.heavy[i] = Math.min(r.recycling.heavy, scrapCap * 0.03) * frac;
    const adj = r.demandAdj.magnet;
    const def0 = r.ref.defensePct > 0 ? r.policies.defensePct / r.ref.defensePct : 1;
    magnetNeedByUse.defense[i] = mu.defense * frac * adj * def0 * (none ? 1 : demandFactor(shocks, id, 'defense'));
    magnetNeedByUse.carsEv[i] = ((x.carPlan[i] * r.evShare * A.magnetKgPerEv * (1 - r.thrift)) / 1000) * adj;
    magnetNeedByUse.carsIce[i] = ((x.carPlan[i] * (1 - r.evShare) * A.magnetKgPerIce * (1 - r.thrift)) / 1000) * adj;
    magnetNeedByUse.electronics[i] = mu.electronics * (none ? 1 : demandFactor(shocks, id, 'electronics')) * frac * adj;
    magnetNeedByUse.wind[i] = mu.wind * (none ? 1 : demandFactor(shocks, id, 'wind')) * frac * adj;
    magnetNeedByUse.other[i] = mu.other * (none ? 1 : demandFactor(shocks, id, 'other')) * frac * adj;
    oxideOther.light[i] = r.oxideOtherUse.light * frac * r.demandAdj['oxide.light'];
    oxideOther.heavy[i] = r.oxideOtherUse.heavy * frac * r.demandAdj['oxide.heavy'];
    const iv = r.inventory;
    invOL[i] = iv['ore.light'];
    invOH[i] = iv['ore.heavy'];
    invXL[i] = iv['oxide.light'];
    invXH[i] = iv['oxide.heavy'];
    invM[i] = iv.magnet;
  }
  return { oreOut, minedReo, refCap, magCap, recycled, magnetNeedByUse, oxideOther, inv };
}
