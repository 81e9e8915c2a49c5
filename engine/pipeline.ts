// Private capacity: the investment pipeline (arrivals, exits where prices stay below cost, new investment on the
// margin expected over the lead time), kept sorted by due turn, region and stage.
import { COUNTRIES, REGIONS, STAGES, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, RegionState } from './state.ts';
import { exp, pow } from './detmath.ts';
import { RAMP_ADD, RAMP_AT, rampIncrements } from './ramp.ts';

/** Locale-independent string order: the same in every runtime (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each region's and stage's place in string order (cmp), so the pipeline sorts on numbers: the comparator has the
 * sign of the string comparison's, and the sort only reads the sign. */
const rankOf = <K extends string>(xs: readonly K[]): Record<K, number> => {
  const out = {} as Record<K, number>;
  const sorted = xs.slice().sort(cmp);
  for (let i = 0; i < sorted.length; i++) out[sorted[i]] = i;
  return out;
};
const REGION_RANK = rankOf(REGIONS);
const STAGE_RANK = rankOf(STAGES);
function byDueRegionStage(a: GameState['pipeline'][number], b: GameState['pipeline'][number]): number {
  return a.due - b.due || REGION_RANK[a.region] - REGION_RANK[b.region] || STAGE_RANK[a.stage] - STAGE_RANK[b.stage];
}

/** A region's and a stage's index in REGIONS and STAGES (-1 if none, as indexOf): compares with constants, not a
 * keyed load by a string variable. */
function regionIndex(r: string): number {
  switch (r) {
    case 'AUS':
      return 0;
    case 'CHN':
      return 1;
    case 'JPN':
      return 2;
    case 'MYS':
      return 3;
    case 'ROW':
      return 4;
    case 'USA':
      return 5;
  }
  return -1;
}
function stageIndex(s: string): number {
  switch (s) {
    case 'ore.light':
      return 0;
    case 'ore.heavy':
      return 1;
    case 'oxide.light':
      return 2;
    case 'oxide.heavy':
      return 3;
    case 'magnet':
      return 4;
  }
  return -1;
}
if (REGIONS.some((r, i) => regionIndex(r) !== i) || STAGES.some((s, i) => stageIndex(s) !== i)) throw new Error('pipeline.ts: regionIndex and stageIndex must follow REGIONS and STAGES');
const NREG = REGIONS.length;
/** string-order ranks by index */
const REGION_RANK_AT = REGIONS.map((r) => REGION_RANK[r]);
const STAGE_RANK_AT = STAGES.map((s) => STAGE_RANK[s]);

const MAX_SORT = 1024;
/** Scratch for sortPipeline (written before read within a call; emptied after) */
const SORT_KEYS = new Float64Array(MAX_SORT);
const SORT_ITEMS: GameState['pipeline'] = [];

/** pipeline.sort(byDueRegionStage), the same order: each entry's (due, region rank, stage rank) as one integer, times
 * MAX_SORT plus its place (ties keep their order, as in a stable sort), the keys sorted by insertion (the pipeline
 * comes mostly sorted: last turn's, with a few entries added). Falls back to the comparator for a due turn that is
 * not a small whole number, an unknown region or stage, or a longer pipeline. */
export function sortPipeline(p: GameState['pipeline']): void {
  const n = p.length;
  if (n > MAX_SORT) {
    p.sort(byDueRegionStage);
    return;
  }
  const K = SORT_KEYS;
  for (let i = 0; i < n; i++) {
    const it = p[i];
    const k = ((it.due * 8 + REGION_RANK_AT[regionIndex(it.region)]) * 8 + STAGE_RANK_AT[stageIndex(it.stage)]) * MAX_SORT + i;
    if (!(Number.isInteger(it.due) && it.due >= 0 && it.due < 0x40000000 && Number.isInteger(k))) {
      p.sort(byDueRegionStage);
      return;
    }
    // insertion: the keys are distinct (each carries its place), so any correct sort gives this order
    let j = i - 1;
    while (j >= 0 && K[j] > k) {
      K[j + 1] = K[j];
      j--;
    }
    K[j + 1] = k;
  }
  // each key's place: K[i] % MAX_SORT with no floating-point remainder (a call out of the compiled code); exact, as the
  // keys are whole numbers under 2^53 and MAX_SORT a power of two
  for (let i = 0; i < n; i++) SORT_ITEMS.push(p[K[i] - Math.floor(K[i] / MAX_SORT) * MAX_SORT]);
  for (let i = 0; i < n; i++) p[i] = SORT_ITEMS[i];
  SORT_ITEMS.length = 0;
}

/** Capacity from an event or the private pipeline, in t of content for ore stages. */
export function addStageCapacity(r: RegionState, stage: StageKey, tonnes: number): void {
  if (stage === 'ore.light') r.miningReo += r.lightFrac > 0 ? tonnes / r.lightFrac : 0;
  else if (stage === 'ore.heavy') r.miningReo += r.heavyFrac > 0 ? tonnes / r.heavyFrac : 0;
  else if (stage === 'oxide.light') r.refining.light += tonnes;
  else if (stage === 'oxide.heavy') r.refining.heavy += tonnes;
  else r.magnetCap += tonnes;
}

/** Private capacity: last turn's arrivals, exits where prices have stayed below cash cost, and new investment
 * decided on the margin expected over the lead time (net present value with a hurdle rate, reduced form). */
export function privateSupply(content: Content, state: GameState, R: Record<RegionId, RegionState>, turn: number, pipeline: GameState['pipeline']): void {
  const q = state.quartersPerTurn;
  const frac = q / 4;
  const sr = content.goods.supplyResponse;
  // entries are shared with the last state and never changed in place: a changed entry is a new object. The first
  // entry with a key (due turn, region, stage) takes new tonnes: its index in the slot table (pipelineSlots)
  const slots = pipelineSlots(turn);
  for (let i = 0; i < pipeline.length; i++) {
    const it = pipeline[i];
    const k = slotKey(it.due, regionIndex(it.region), stageIndex(it.stage));
    if (slots.get(k) < 0) slots.set(k, i);
  }
  // the regions' states by index, in REGIONS order (no keyed load by a region variable in the loops)
  const RS = [R.AUS, R.CHN, R.JPN, R.MYS, R.ROW, R.USA];
  const last = state.pipeline;
  for (let j = 0; j < last.length; j++) {
    const it = last[j];
    if (it.due <= turn) addStageCapacity(RS[regionIndex(it.region)] ?? R[it.region], it.stage, it.tonnes);
    else {
      const k = slotKey(it.due, regionIndex(it.region), stageIndex(it.stage));
      if (slots.get(k) < 0) slots.set(k, pipeline.length);
      pipeline.push(it);
    }
  }
  exits(content, state, R);
  controlsInForce(state, CONTROLLED);
  for (let si = 0; si < STAGES.length; si++) {
    const s = STAGES[si];
    let world = 0;
    for (let hi = 0; hi < NREG; hi++) world += stageCap(RS[hi], s);
    const ore = si < 2;
    const hosts = hostRows(content)[si];
    const lead = ore ? sr.mineLeadQuarters : sr.leadQuarters;
    // arrivals are grouped by year so the pipeline stays short
    const due = 4 * Math.ceil((turn + Math.ceil(lead / q)) / 4);
    const keep = persistence(content, lead, CONTROLLED[si]); // the same for every host
    const ramp = content.projects.types[PRIVATE_RAMP_TYPE[si]]?.rampUp;
    const year = Math.max(1, Math.round(4 / q));
    // profitability's parts that depend only on the stage, looked up once for all hosts (the same operations)
    const M = content.goods.markets;
    const E = state.market.expPrice;
    const base = M[s].basePrice;
    const cash = M[s].cashCost;
    const pp = state.market.producerPrice[s];
    const charge = chargeOf(content, s);
    const rL = content.goods.magnetRecipe.light;
    const rH = content.goods.magnetRecipe.heavy * state.heavyIntensity;
    const rec = content.goods.refiningRecovery;
    // the input stage (magnets: light oxide, and heavy oxide as eB)
    const eA = si === 4 ? E['oxide.light'] : si === 2 ? E['ore.light'] : E['ore.heavy'];
    const bA = si === 4 ? M['oxide.light'].basePrice : si === 2 ? M['ore.light'].basePrice : M['ore.heavy'].basePrice;
    const eB = E['oxide.heavy'];
    const bB = M['oxide.heavy'].basePrice;
    for (let hi = 0; hi < REGIONS.length; hi++) {
      const h = REGIONS[hi];
      const w = hosts[hi];
      if (!w) continue;
      // profitability(content, state, s, h, keep), written out
      const input = si === 4 ? rL * (bA + (eA[h] - bA) * keep) + rH * (bB + (eB[h] - bB) * keep) : si === 2 || si === 3 ? (bA + (eA[h] - bA) * keep) / rec : 0;
      const pi = (base + (pp[h] - base) * keep - input - cash[h] - charge) / charge;
      if (pi <= 0) continue;
      const add = sr.investRate * Math.min(pi, sr.maxProfitability) * w * world * frac * (1 - sr.attrition);
      if (!ramp) addArrival(pipeline, slots, due, hi, si, add);
      else {
        // a plant ramps up to nameplate once built (docs/MODEL.md S10, "Ramp-up"), private ones as the state's, in
        // steps a year apart like the arrivals themselves (quarterly steps made the pipeline four times as long)
        const n = rampIncrements(ramp, q, year);
        for (let i = 0; i < n; i++) addArrival(pipeline, slots, due + RAMP_AT[i], hi, si, add * RAMP_ADD[i]);
      }
    }
  }
}

/** Private capacity for a stage ramps up as the state's plants of the same kind do: mines as new mines, separation
 * as separation plants, magnets as magnet plants (the content's `rampUp` of that type; none if it has none). */
const PRIVATE_RAMP_TYPE = ['mine.new', 'mine.new', 'refinery.light', 'refinery.heavy', 'magnetPlant'] as const;
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('pipeline.ts: PRIVATE_RAMP_TYPE is written for the stages in STAGES order');

/** `tonnes` more arriving on turn `due` at host `hi`, stage `si`: added to this turn's entry with that key, if any (a
 * changed entry is a new object: entries are shared with the last state), else a new entry. */
function addArrival(pipeline: GameState['pipeline'], slots: typeof SLOTS, due: number, hi: number, si: number, tonnes: number): void {
  const key = slotKey(due, hi, si);
  const i = slots.get(key);
  if (i >= 0) {
    const e = { ...pipeline[i] };
    e.tonnes = pipeline[i].tonnes + tonnes;
    pipeline[i] = e;
  } else {
    slots.set(key, pipeline.length);
    pipeline.push({ due, region: REGIONS[hi], stage: STAGES[si], tonnes });
  }
}

/** A pipeline key as one number: due * 64 + region * 8 + stage. */
function slotKey(due: number, region: number, stage: number): number {
  return due * 64 + region * 8 + stage;
}

/** Pipeline keys to indices for one privateSupply call, -1 where none: a typed table over the next SPAN turns whose
 * cells count only when stamped with this call's number (so nothing an earlier call wrote is read), and a Map for
 * keys outside it. */
const SPAN = 256;
const SLOT = new Int32Array(SPAN * 64);
const STAMP = new Uint32Array(SPAN * 64);
const SLOTS = { base: 0, stamp: 0, far: undefined as Map<number, number> | undefined, get: slotGet, set: slotSet };
function pipelineSlots(turn: number): typeof SLOTS {
  if (SLOTS.stamp === 0xffffffff) {
    STAMP.fill(0);
    SLOTS.stamp = 0;
  }
  SLOTS.stamp++;
  SLOTS.base = (turn + 1) * 64;
  SLOTS.far = undefined;
  return SLOTS;
}
function slotGet(this: typeof SLOTS, k: number): number {
  const j = k - this.base;
  if (j >= 0 && j < SPAN * 64) return STAMP[j] === this.stamp ? SLOT[j] : -1;
  return this.far?.get(k) ?? -1;
}
function slotSet(this: typeof SLOTS, k: number, i: number): void {
  const j = k - this.base;
  if (j >= 0 && j < SPAN * 64) {
    STAMP[j] = this.stamp;
    SLOT[j] = i;
  } else (this.far ??= new Map()).set(k, i);
}

/** Scratch: whether any export control is in force on each stage (controlsInForce rewrites it whole each call). */
const CONTROLLED: boolean[] = STAGES.map(() => false);

/** Whether any export control is in force on each stage, in STAGES order (controlsOn for all stages in one pass): each
 * stage's control read by name (no keyed load by a stage variable). */
function controlsInForce(state: GameState, out: boolean[]): void {
  let c0 = false;
  let c1 = false;
  let c2 = false;
  let c3 = false;
  let c4 = false;
  for (let ci = 0; ci < COUNTRIES.length; ci++) {
    const c = COUNTRIES[ci];
    const ctl = state.regions[c].policies.controls;
    for (let pi = 0; pi < NREG; pi++) {
      const p = REGIONS[pi];
      if (p === c) continue;
      const cp = ctl[p];
      if (cp['ore.light'].level !== 'open') c0 = true;
      if (cp['ore.heavy'].level !== 'open') c1 = true;
      if (cp['oxide.light'].level !== 'open') c2 = true;
      if (cp['oxide.heavy'].level !== 'open') c3 = true;
      if (cp.magnet.level !== 'open') c4 = true;
    }
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  out[4] = c4;
}

function stageCap(r: RegionState, s: StageKey): number {
  return s === 'ore.light' ? r.miningReo * r.lightFrac : s === 'ore.heavy' ? r.miningReo * r.heavyFrac : s === 'oxide.light' ? r.refining.light : s === 'oxide.heavy' ? r.refining.heavy : r.magnetCap;
}

/** The profitability index of new capacity for stage s in host h: the margin expected over the plant's life, less
 * cash cost and the capital charge, over the capital charge. Investors expect a price premium to fade, more slowly
 * when export controls cause it (they do not know how long controls will last). */
/** Is any export control in force on stage s? */
function controlsOn(state: GameState, s: StageKey): boolean {
  for (const c of COUNTRIES) for (const p of REGIONS) if (p !== c && state.regions[c].policies.controls[p][s].level !== 'open') return true;
  return false;
}

export function expectedProfitability(content: Content, state: GameState, s: StageKey, h: RegionId, lead: number, controlled = controlsOn(state, s)): number {
  return profitability(content, state, s, h, persistence(content, lead, controlled));
}

/** The share of today's price premium investors expect to last over the lead time. */
function persistence(content: Content, lead: number, controlled: boolean): number {
  const sr = content.goods.supplyResponse;
  return exp(-lead / (controlled ? sr.controlPersistenceQuarters : sr.pricePersistenceQuarters));
}

/** A price expected later: the 2024 price plus the share `keep` of today's premium over it. */
function later(M: Content['goods']['markets'], st: StageKey, now: number, keep: number): number {
  return M[st].basePrice + (now - M[st].basePrice) * keep;
}

function profitability(content: Content, state: GameState, s: StageKey, h: RegionId, keep: number): number {
  const M = content.goods.markets;
  // the output at the producers' price in the host, inputs at its buyers' expected price
  const E = state.market.expPrice;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * state.heavyIntensity;
  const rec = content.goods.refiningRecovery;
  const input = s === 'magnet' ? rL * later(M, 'oxide.light', E['oxide.light'][h], keep) + rH * later(M, 'oxide.heavy', E['oxide.heavy'][h], keep) : s === 'oxide.light' ? later(M, 'ore.light', E['ore.light'][h], keep) / rec : s === 'oxide.heavy' ? later(M, 'ore.heavy', E['ore.heavy'][h], keep) / rec : 0;
  const charge = chargeOf(content, s);
  const margin = later(M, s, state.market.producerPrice[s][h], keep) - input - M[s].cashCost[h] - charge;
  return margin / charge;
}

/** The capital charge of new capacity for stage s, USD per kg of yearly output. */
function chargeOf(content: Content, s: StageKey): number {
  const sr = content.goods.supplyResponse;
  const M = content.goods.markets;
  // (the stage by comparison with the five keys, not startsWith/endsWith on every call)
  const capex = s === 'ore.light' || s === 'ore.heavy' ? sr.capexPerTpy.mine : s === 'oxide.light' || s === 'oxide.heavy' ? sr.capexPerTpy.refinery : sr.capexPerTpy.magnet;
  // heavy stages: capital per t of Dy/Tb is that per t of REO over the heavy share (assumption: heavy content ~1/40 of
  // light for the same plant), so scale by the price ratio instead of a separate figure
  const scale = s === 'ore.heavy' || s === 'oxide.heavy' ? M[s].basePrice / M[s === 'ore.heavy' ? 'ore.light' : 'oxide.light'].basePrice : 1;
  return (capex * scale * sr.capitalRecovery) / 1000;
}

/** Plants close where the producers' price has stayed below cash cost (plus input cost) for long enough. */
/** Each stage's hosts' weights for private investment (the content's mine, refinery or magnet hosts) by region
 * index, undefined where a region hosts none: read by index, not by a region variable. */
const hostCache = new WeakMap<Content, (number | undefined)[][]>();
function hostRows(content: Content): (number | undefined)[][] {
  let rows = hostCache.get(content);
  if (!rows) {
    const H = content.goods.supplyResponse.hosts;
    rows = STAGES.map((s) => {
      const hosts: Partial<Record<RegionId, number>> = s.startsWith('ore') ? H.mine : s.startsWith('oxide') ? H.refinery : H.magnet;
      return REGIONS.map((h) => hosts[h]);
    });
    hostCache.set(content, rows);
  }
  return rows;
}

function exits(content: Content, state: GameState, R: Record<RegionId, RegionState>): void {
  const sr = content.goods.supplyResponse;
  const frac = state.quartersPerTurn / 4;
  for (const s of STAGES) {
    const under = state.market.underwater[s];
    for (const id of REGIONS) {
      const uw = under[id];
      if (uw < sr.exitAfterQuarters) continue;
      const cut = stageCap(R[id], s) * (1 - pow(1 - sr.exitShare, 4 * frac));
      if (cut > 0) addStageCapacity(R[id], s, -cut);
    }
  }
}

