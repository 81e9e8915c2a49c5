// Builds the supply chain's inputs for a turn from the regions' state and policies: outputs, needs, caps, contracts, tariffs, freight.
import { REGIONS, STAGES, tariffGoodOf, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, Offtake, RegionState, Shock } from './state.ts';
import { capOf, worldNeed } from './licence.ts';
import type { ChainInput } from './market/chain.ts';
import { capacityFactor, demandFactor } from './events.ts';
import { laneForPair } from './map.ts';
import { NR } from './market/spe.ts';
import { copyInto, marketInputsInto, row, rows, stageMatrices, stageRows, zeroRow } from './supply-inputs.ts';
import { scratchResultsFor } from './market/problem.ts';
import { rampShare } from './ramp.ts';


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
  const ids = pairLanes(content.map);
  const pen = content.rules.trade.blockedLanePenalty;
  const out = rows();
  for (let s = 0; s < NR; s++) {
    const row = out[s];
    for (let d = 0; d < NR; d++) {
      if (s === d) {
        row[d] = 0;
        continue;
      }
      const lane = lanes[ids[s * NR + d]];
      if (!lane) row[d] = 0;
      else if (lane.blocked) row[d] = pen;
      else row[d] = share * Math.max(0, lane.lengthKm / Math.max(1, lane.baseKm) - 1);
    }
  }
  return out;
}

/** Each pair's lane id at [s * NR + d] (laneForPair's answers, asked in computeWedges' order, so a map without a lane
 * for a pair throws as it did), kept per map: no key string built per pair per call. */
const laneIds = new WeakMap<Content['map'], string[]>();
function pairLanes(map: Content['map']): string[] {
  let ids = laneIds.get(map);
  if (!ids) {
    ids = [];
    for (let s = 0; s < NR; s++) for (let d = 0; d < NR; d++) ids.push(s === d ? '' : laneForPair(map, REGIONS[s], REGIONS[d]));
    laneIds.set(map, ids);
  }
  return ids;
}

/** Causes a counterfactual can lift: one country's export controls or output quota, all rare-earth tariffs, hoarding,
 * events. */
export interface Lift {
  controlsBy?: RegionId[];
  /** countries whose output policy (a production quota, policies.outputPct) is lifted: their mines and separators at
   * capacity */
  quotasBy?: RegionId[];
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

/** Whether each region's buyers' price last turn was above the rest (read from lastPrice: last turn's prices as
 * rows), into `out`; all false without last turn's prices. */
function shortInto(prices: GameState['prices'] | undefined, p: number[], out: boolean[]): void {
  if (!prices) {
    for (let i = 0; i < NR; i++) out[i] = false;
    return;
  }
  let lo = Infinity;
  for (let i = 0; i < NR; i++) lo = Math.min(lo, p[i]);
  for (let i = 0; i < NR; i++) out[i] = p[i] > 1.05 * lo;
}
function flags(): boolean[] {
  return [false, false, false, false, false, false];
}

/** A chain input with every row there and every number still to be written (buildChainInput writes them all), its
 * keys in the order the literal buildChainInput once returned wrote them. */
function newChainInput(x: SupplyContext): ChainInput {
  const Z = row;
  return {
    goods: x.content.goods,
    minedReo: Z(),
    q: x.q,
    heavyIntensity: x.heavyIntensity,
    magnetHeavy: x.market.magnetHeavy,
    oreOut: { light: Z(), heavy: Z() },
    refCap: { light: Z(), heavy: Z() },
    magCap: Z(),
    recycled: { light: Z(), heavy: Z() },
    release: x.release,
    purchase: x.purchase,
    magnetNeedByUse: { carsEv: Z(), carsIce: Z(), defense: Z(), wind: Z(), electronics: Z(), other: Z() },
    oxideOther: { light: Z(), heavy: Z() },
    inv: stageRows(),
    caps: stageMatrices(),
    reserved: stageMatrices(),
    tariff: stageMatrices(),
    laneExtra: [],
    planByNeeds: false,
    lastPrice: stageRows(),
    lastProducerPrice: stageRows(),
    lastFlows: stageMatrices(),
    lastTransship: x.market.transship,
    expPrice: stageRows(),
    baseUse: stageRows(),
    hoard: stageRows(),
    distrust: rows(),
    short: { oreLight: flags(), oreHeavy: flags(), light: flags(), heavy: flags(), magnet: flags() },
  };
}

/** The turn's own chain input (no cause lifted, not the calibration), kept from one turn to the next and written
 * through each turn: it lives only through its turn (the chain, the price ledger, the economy step read it), so its
 * rows need not be new ones. The problems' results for it are kept the same way (problem.ts, scratchResultsFor). */
let TURN_INPUT: ChainInput | null = null;

/** This turn's chain input. With no cause lifted and not at calibration (the turn's own: resolveParts'), the input is
 * the one kept at module level, written afresh, valid until the next such call; a counterfactual's (`lift`) or the
 * calibration's (`open`) is a new one, as it lives beside the turn's. */
export function buildChainInput(x: SupplyContext): ChainInput {
  const { content, regions, q } = x;
  let t: ChainInput;
  if (x.lift === undefined && x.open !== true) {
    if (!TURN_INPUT) scratchResultsFor((TURN_INPUT = newChainInput(x)));
    t = TURN_INPUT;
  } else t = newChainInput(x);
  t.goods = content.goods;
  regionSupplyInto(x, t);
  t.q = q;
  t.heavyIntensity = x.heavyIntensity;
  t.magnetHeavy = x.market.magnetHeavy;
  t.release = x.release;
  t.purchase = x.purchase;
  tradeMatricesInto(x, regions, t);
  marketInputsInto(x, t);
  reserveOfftakes(x.offtakes, x.turn, q, t.reserved);
  t.laneExtra = laneWedges(content, x.lanes, 1);
  t.planByNeeds = x.open === true;
  const lp = t.lastPrice;
  const sh = t.short;
  shortInto(x.prices, lp['ore.light'], sh.oreLight);
  shortInto(x.prices, lp['ore.heavy'], sh.oreHeavy);
  shortInto(x.prices, lp['oxide.light'], sh.light);
  shortInto(x.prices, lp['oxide.heavy'], sh.heavy);
  shortInto(x.prices, lp.magnet, sh.magnet);
  return t;
}

const REGION_INDEX = {} as Record<RegionId, number>;
for (let i = 0; i < NR; i++) REGION_INDEX[REGIONS[i]] = i;

/** The offtakes in force this turn added to `reserved` (t this turn, by stage, seller row and buyer column). A stake in
 * a plant still ramping up takes its share of what is in place (docs/MODEL.md S10, "Ramp-up"). */
export function reserveOfftakes(offtakes: readonly Offtake[], turn: number, q: number, reserved: Record<StageKey, number[][]>): void {
  const frac = q / 4;
  for (const o of offtakes) {
    if (o.untilTurn < turn) continue;
    const share = o.ramp ? rampShare(o.ramp, q, turn - o.ramp.doneTurn) : 1;
    reserved[o.stage][REGION_INDEX[o.from]][REGION_INDEX[o.to]] += o.tonnesPerYear * frac * share;
  }
}
const TARIFF_GOOD = STAGES.map(tariffGoodOf);
if (TARIFF_GOOD.join() !== 'ore,ore,oxide,oxide,magnets') throw new Error(`supply.ts: tradeMatrices is written for the stages' tariff goods ore, ore, oxide, oxide, magnets, not ${TARIFF_GOOD.join()}`);

/** Export caps, reserved flows and tariffs for every stage, a row per exporter (or importer, for tariffs), into the
 * chain input's rows. Each pair's policy records are looked up once for all five stages. */
function tradeMatricesInto(x: SupplyContext, regions: Record<RegionId, RegionState>, t: ChainInput): void {
  const { content, q } = x;
  const M = content.goods.markets;
  // per stage in STAGES order, each record read by name
  const C0 = t.caps['ore.light'];
  const C1 = t.caps['ore.heavy'];
  const C2 = t.caps['oxide.light'];
  const C3 = t.caps['oxide.heavy'];
  const C4 = t.caps.magnet;
  const T0 = t.tariff['ore.light'];
  const T1 = t.tariff['ore.heavy'];
  const T2 = t.tariff['oxide.light'];
  const T3 = t.tariff['oxide.heavy'];
  const T4 = t.tariff.magnet;
  const R0 = t.reserved['ore.light'];
  const R1 = t.reserved['ore.heavy'];
  const R2 = t.reserved['oxide.light'];
  const R3 = t.reserved['oxide.heavy'];
  const R4 = t.reserved.magnet;
  const noTariffs = x.lift?.tariffs === true;
  const liftBy = x.lift?.controlsBy;
  const dr = x.dealReserved;
  const turn = x.turn;
  const d0 = M['ore.light'].licenceDelayWeeks;
  const d1 = M['ore.heavy'].licenceDelayWeeks;
  const d2 = M['oxide.light'].licenceDelayWeeks;
  const d3 = M['oxide.heavy'].licenceDelayWeeks;
  const d4 = M.magnet.licenceDelayWeeks;
  // the need licences are approved against this turn: the world's magnet need, t per quarter (engine/licence.ts)
  const need = worldNeed(t.magnetNeedByUse, q);
  for (let a = 0; a < NR; a++) {
    const pol = regions[REGIONS[a]].policies;
    const uncapped = x.open === true || liftBy?.includes(REGIONS[a]) === true;
    const c0 = C0[a];
    const c1 = C1[a];
    const c2 = C2[a];
    const c3 = C3[a];
    const c4 = C4[a];
    const t0 = T0[a];
    const t1 = T1[a];
    const t2 = T2[a];
    const t3 = T3[a];
    const t4 = T4[a];
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
      c0[b] = capOf(ctl['ore.light'], d0, turn, q, need);
      c1[b] = capOf(ctl['ore.heavy'], d1, turn, q, need);
      c2[b] = capOf(ctl['oxide.light'], d2, turn, q, need);
      c3[b] = capOf(ctl['oxide.heavy'], d3, turn, q, need);
      c4[b] = capOf(ctl.magnet, d4, turn, q, need);
    }
    if (dr) {
      copyInto(dr['ore.light'][a], R0[a]);
      copyInto(dr['ore.heavy'][a], R1[a]);
      copyInto(dr['oxide.light'][a], R2[a]);
      copyInto(dr['oxide.heavy'][a], R3[a]);
      copyInto(dr.magnet[a], R4[a]);
    } else {
      zeroRow(R0[a]);
      zeroRow(R1[a]);
      zeroRow(R2[a]);
      zeroRow(R3[a]);
      zeroRow(R4[a]);
    }
  }
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply.ts: tradeMatrices is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

// the regions by index for regionSupplyInto, written before each use
const REGION_STATES: RegionState[] = [];

/** Each region's output, capacity, recycling, needs and stocks this turn (rows in REGIONS order), into the chain
 * input's rows, every number written. Kept apart from buildChainInput so V8 optimises two middling functions instead
 * of one whose escape analysis took 250 ms a compile. */
function regionSupplyInto(x: SupplyContext, t: ChainInput): void {
  const { content, regions, q } = x;
  const shocks = x.lift?.events ? [] : x.shocks;
  // no running shocks: every factor is 1 (capacityFactor and demandFactor's answer for an empty list)
  const none = shocks.length === 0;
  const frac = q / 4;
  const mud = mudComposition(content);
  const oreOut = t.oreOut;
  const minedReo = t.minedReo;
  const refCap = t.refCap;
  const magCap = t.magCap;
  const recycled = t.recycled;
  const magnetNeedByUse = t.magnetNeedByUse;
  const A = content.goods.autos;
  const oxideOther = t.oxideOther;
  // each stage's row filled by name below (no keyed access by a stage variable)
  const inv = t.inv;
  const invOL = inv['ore.light'];
  const invOH = inv['ore.heavy'];
  const invXL = inv['oxide.light'];
  const invXH = inv['oxide.heavy'];
  const invM = inv.magnet;
  // the content's figures looked up once, the regions' states by index in REGIONS order (supply-inputs.ts checks it)
  const maxRec = content.goods.supplyResponse.maxRecyclingShare;
  const mrL = content.goods.magnetRecipe.light;
  const RS = REGION_STATES;
  const liftQuota = x.lift?.quotasBy; // (a counterfactual's: undefined in the turn's own chain)
  RS[0] = regions.AUS;
  RS[1] = regions.CHN;
  RS[2] = regions.JPN;
  RS[3] = regions.MYS;
  RS[4] = regions.ROW;
  RS[5] = regions.USA;
  for (let i = 0; i < NR; i++) {
    const id = REGIONS[i];
    const r = RS[i];
    const fL = none ? 1 : capacityFactor(shocks, id, 'ore.light');
    const fH = none ? 1 : capacityFactor(shocks, id, 'ore.heavy');
    // production quotas (China's mining and separation quotas are its capacity figures) scale with the output policy
    const quota = liftQuota !== undefined && liftQuota.includes(id) ? 1 : (r.policies.outputPct ?? 100) / 100;
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
    // an EV demand swing (carMagnets: China's trade-in subsidies, the US tax credit's end) moves the magnets per car the
    // region's plants build, as its sources measure it (the EV share of sales); the cars bought move only with 'cars'
    const perCar = none ? 1 : demandFactor(shocks, id, 'carMagnets');
    magnetNeedByUse.carsEv[i] = ((x.carPlan[i] * r.evShare * A.magnetKgPerEv * (1 - r.thrift)) / 1000) * adj * perCar;
    magnetNeedByUse.carsIce[i] = ((x.carPlan[i] * (1 - r.evShare) * A.magnetKgPerIce * (1 - r.thrift)) / 1000) * adj * perCar;
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
}
