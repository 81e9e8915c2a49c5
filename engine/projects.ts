// Investment projects (public and private): start, budget, delays, completion, stakes with offtake, and the price-driven supply response.
import { COUNTRIES, REGIONS, STAGES, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, Offtake, Project, RegionState, Shock } from './state.ts';
import type { Orders } from './schema.ts';
import { keyedUniform } from './prng.ts';
import { budgetAvailable } from './policy.ts';
import { knownProjectType, projectType } from './own.ts';
import { advanceMud, newProgramme, stageChance } from './deepsea.ts';
import { exp, pow } from './detmath.ts';

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

export function startInvestments(
  content: Content,
  state: GameState,
  R: Record<RegionId, RegionState>,
  orders: Orders,
  turn: number,
  purchase: { light: number[]; heavy: number[] },
  news: string[],
): { projects: Project[]; nextId: number } {
  const projects = state.projects.slice();
  let id = state.nextId;
  for (const c of COUNTRIES) {
    const r = R[c];
    r.budget = budgetAvailable(content, state, c);
    for (const inv of orders[c]?.investments ?? []) {
      const t = knownProjectType(content, inv.type);
      const units = inv.units ?? 1;
      const cost = t.costUsdBn * units;
      // a stockpile purchase is paid at the market price once the market clears (turn.ts, settleStockpiles)
      if (t.kind !== 'stockpile') r.budget -= cost;
      const host = inv.host ?? c;
      const p: Project = { id: `P${id++}`, type: inv.type, owner: c, host, units, remainingQuarters: t.leadQuarters, status: 'building', startedTurn: turn, costUsdBn: cost, private: false };
      if (t.kind === 'deepSeaMud') {
        // a staged programme: the order pays for the first stage; later stages are paid when they start (deepsea.ts)
        const ds = content.projects.deepSea;
        p.mud = newProgramme(content);
        p.remainingQuarters = ds.stages[0].quarters;
        const later = ds.stages.slice(1).reduce((a, st) => a + st.costUsdBn * units, 0);
        news.push(
          `${c} starts a ${t.label} programme (${units} unit${units > 1 ? 's' : ''}): the ${ds.stages[0].label} first (USD ${cost.toFixed(2)} bn, ${p.remainingQuarters} quarters, a ${Math.round(100 * stageChance(p.mud.alpha, p.mud.beta, ds.stages[0].reads, ds.stages[0].pass))}% chance of passing), then ${ds.stages.slice(1).map((st) => st.label).join(', ')}: USD ${later.toFixed(2)} bn more, each paid when it starts.`,
        );
      } else if (t.kind === 'stockpile') {
        const i = REGIONS.indexOf(c);
        if (t.stage === 'oxide.heavy') purchase.heavy[i] += t.capacity * units;
        else purchase.light[i] += t.capacity * units;
        p.status = 'done';
        p.remainingQuarters = 0;
      } else news.push(`${c} starts ${t.label}${host !== c ? ` in ${host}` : ''} (${units} unit${units > 1 ? 's' : ''}, USD ${cost.toFixed(2)} bn, ${t.leadQuarters} quarters).`);
      projects.push(p);
    }
  }
  // stockpile purchases complete at once: keep only recent ones so the state stays small
  return { projects: projects.filter((p) => !(p.status !== 'building' && turn - p.startedTurn > 8 && projectType(content, p.type)?.kind === 'stockpile')), nextId: id };
}

function addCapacity(content: Content, r: RegionState, stage: StageKey | undefined, kind: string, tonnes: number): void {
  switch (kind) {
    case 'mine':
      r.miningReo += tonnes; // t REO of the host's composition
      return;
    case 'refinery':
      if (stage === 'oxide.heavy') r.refining.heavy += tonnes;
      else r.refining.light += tonnes;
      return;
    case 'magnetPlant':
      r.magnetCap += tonnes;
      return;
    case 'recycling':
      r.recycling.light += tonnes;
      r.recycling.heavy += tonnes * 0.03;
      return;
    case 'thrifting':
      r.thrift = Math.min(content.goods.supplyResponse.maxThrift, r.thrift + tonnes);
      return;
  }
}

/** Capacity from an event or the private pipeline, in t of content for ore stages. */
export function addStageCapacity(r: RegionState, stage: StageKey, tonnes: number): void {
  if (stage === 'ore.light') r.miningReo += r.lightFrac > 0 ? tonnes / r.lightFrac : 0;
  else if (stage === 'ore.heavy') r.miningReo += r.heavyFrac > 0 ? tonnes / r.heavyFrac : 0;
  else if (stage === 'oxide.light') r.refining.light += tonnes;
  else if (stage === 'oxide.heavy') r.refining.heavy += tonnes;
  else r.magnetCap += tonnes;
}

export function advanceProjects(
  content: Content,
  state: GameState,
  R: Record<RegionId, RegionState>,
  started: Project[],
  instant: Shock[],
  turn: number,
  news: string[],
  shocks: readonly Shock[] = [],
): { projects: Project[]; offtakes: Offtake[]; pipeline: GameState['pipeline'] } {
  const q = state.quartersPerTurn;
  const frac = q / 4;
  const offtakes = state.offtakes.filter((o) => o.untilTurn >= turn);
  baselineGrowth(content, R, frac);
  const pipeline: GameState['pipeline'] = [];
  for (const e of instant) {
    const f = e.effect;
    if (f.kind !== 'capacityGain') continue;
    if (!f.delayQuarters) addStageCapacity(R[f.region], f.stage, f.tonnes);
    else pipeline.push({ due: turn + Math.ceil(f.delayQuarters / q), region: f.region, stage: f.stage, tonnes: f.tonnes });
  }
  const projects = buildingStep(content, state, R, started, instant, shocks, turn, news, offtakes);
  privateSupply(content, state, R, turn, pipeline);
  priceResponse(content, state, R);
  pipeline.sort(byDueRegionStage);
  return { projects, offtakes, pipeline };
}

// advanceProjects' steps, kept as separate functions so V8 compiles several middling functions, not one huge one.

function baselineGrowth(content: Content, R: Record<RegionId, RegionState>, frac: number): void {
  const sr = content.goods.supplyResponse;
  // baseline growth of capacity and demand
  const gC = pow(1 + sr.capacityGrowthPerYear, frac);
  const gD = pow(1 + sr.demandGrowthPerYear, frac);
  for (const id of REGIONS) {
    const r = R[id];
    r.miningReo *= gC;
    r.refining.light *= gC;
    r.refining.heavy *= gC;
    r.magnetCap *= gC;
    for (const u of ['defense', 'electronics', 'wind', 'other'] as const) r.magnetUse[u] *= gD;
    r.oxideOtherUse.light *= gD;
    r.oxideOtherUse.heavy *= gD;
    r.carDemand *= pow(1 + content.countries.regions[id].trendGrowth, frac);
  }
}

/** Projects under way move on a turn (delays, completion, success or failure); finished stakes add offtakes. */
function buildingStep(content: Content, state: GameState, R: Record<RegionId, RegionState>, started: Project[], instant: Shock[], shocks: readonly Shock[], turn: number, news: string[], offtakes: Offtake[]): Project[] {
  const q = state.quartersPerTurn;
  const projects: Project[] = [];
  for (const p0 of started) {
    if (p0.status !== 'building') {
      projects.push(p0);
      continue;
    }
    const p = { ...p0 };
    const t = knownProjectType(content, p.type);
    if (t.kind === 'deepSeaMud') {
      advanceMud(content, state, R, p, instant, shocks, turn, news);
      projects.push(p);
      continue;
    }
    for (const e of instant) if (e.effect.kind === 'projectDelay' && e.effect.projectType === p.type) p.remainingQuarters = Math.max(0, p.remainingQuarters + e.effect.quarters);
    if (p.startedTurn < turn) {
      p.remainingQuarters -= q;
      if (p.remainingQuarters > 0 && keyedUniform(`${state.seed}:delay:${p.id}:${turn}`) < t.delayRisk * q) p.remainingQuarters += 1;
    }
    if (p.remainingQuarters <= 0) {
      if (keyedUniform(`${state.seed}:success:${p.id}`) < t.successChance) {
        p.status = 'done';
        const host = R[p.host];
        const tonnes = t.capacity * p.units;
        addCapacity(content, host, t.stage, t.kind, tonnes);
        if (p.owner !== p.host && p.owner !== 'ROW' && t.stage && t.kind !== 'thrifting') {
          const share = content.projects.stakeOfftakeShare;
          const stage: StageKey = t.stage;
          const perYear = t.kind === 'mine' ? tonnes * (stage === 'ore.heavy' ? host.heavyFrac : host.lightFrac) * share : tonnes * share;
          offtakes.push({ from: p.host, to: p.owner, stage, tonnesPerYear: perYear, untilTurn: turn + 40, source: `stake ${p.id}` });
        }
        news.push(`${t.label} ${p.id} (${p.owner}${p.host !== p.owner ? ` in ${p.host}` : ''}) is complete.`);
      } else {
        p.status = 'failed';
        news.push(`${t.label} ${p.id} (${p.owner}) has failed: the money is spent and no capacity comes of it.`);
      }
    }
    projects.push(p);
  }
  return projects;
}

/** Private capacity: last turn's arrivals, exits where prices have stayed below cash cost, and new investment
 * decided on the margin expected over the lead time (net present value with a hurdle rate, reduced form). */
function privateSupply(content: Content, state: GameState, R: Record<RegionId, RegionState>, turn: number, pipeline: GameState['pipeline']): void {
  const q = state.quartersPerTurn;
  const frac = q / 4;
  const sr = content.goods.supplyResponse;
  // entries are shared with the last state and never changed in place: a changed entry is a new object. Keyed by
  // (due turn, region, stage) as one number: due * 64 + region * 8 + stage; the first entry with a key takes new tonnes
  const at = new Map<number, number>();
  for (let i = 0; i < pipeline.length; i++) {
    const it = pipeline[i];
    const k = it.due * 64 + REGION_INDEX[it.region] * 8 + STAGE_INDEX[it.stage];
    if (!at.has(k)) at.set(k, i);
  }
  const last = state.pipeline;
  for (let j = 0; j < last.length; j++) {
    const it = last[j];
    if (it.due <= turn) addStageCapacity(R[it.region], it.stage, it.tonnes);
    else {
      const k = it.due * 64 + REGION_INDEX[it.region] * 8 + STAGE_INDEX[it.stage];
      if (!at.has(k)) at.set(k, pipeline.length);
      pipeline.push(it);
    }
  }
  exits(content, state, R);
  controlsInForce(state, CONTROLLED);
  for (let si = 0; si < STAGES.length; si++) {
    const s = STAGES[si];
    let world = 0;
    for (let hi = 0; hi < REGIONS.length; hi++) world += stageCap(R[REGIONS[hi]], s);
    const ore = si < 2;
    const hosts = ore ? sr.hosts.mine : s === 'magnet' ? sr.hosts.magnet : sr.hosts.refinery;
    const lead = ore ? sr.mineLeadQuarters : sr.leadQuarters;
    // arrivals are grouped by year so the pipeline stays short
    const due = 4 * Math.ceil((turn + Math.ceil(lead / q)) / 4);
    const controlled = CONTROLLED[si];
    for (let hi = 0; hi < REGIONS.length; hi++) {
      const h = REGIONS[hi];
      const w = hosts[h];
      if (!w) continue;
      const pi = expectedProfitability(content, state, s, h, lead, controlled);
      if (pi <= 0) continue;
      const add = sr.investRate * Math.min(pi, sr.maxProfitability) * w * world * frac * (1 - sr.attrition);
      const key = due * 64 + hi * 8 + si;
      const i = at.get(key);
      if (i !== undefined) {
        const e = { ...pipeline[i] };
        e.tonnes = pipeline[i].tonnes + add;
        pipeline[i] = e;
      }
      else {
        at.set(key, pipeline.length);
        pipeline.push({ due, region: h, stage: s, tonnes: add });
      }
    }
  }
}

const indexOf = <K extends string>(xs: readonly K[]): Record<K, number> => {
  const out = {} as Record<K, number>;
  for (let i = 0; i < xs.length; i++) out[xs[i]] = i;
  return out;
};
const REGION_INDEX = indexOf(REGIONS);
const STAGE_INDEX = indexOf(STAGES);
/** Scratch: whether any export control is in force on each stage (controlsInForce rewrites it whole each call). */
const CONTROLLED: boolean[] = STAGES.map(() => false);

/** Whether any export control is in force on each stage, in STAGES order (controlsOn for all stages in one pass). */
function controlsInForce(state: GameState, out: boolean[]): void {
  for (let k = 0; k < STAGES.length; k++) out[k] = false;
  for (const c of COUNTRIES) {
    const ctl = state.regions[c].policies.controls;
    for (const p of REGIONS) {
      if (p === c) continue;
      const cp = ctl[p];
      for (let k = 0; k < STAGES.length; k++) if (cp[STAGES[k]].level !== 'open') out[k] = true;
    }
  }
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
  const sr = content.goods.supplyResponse;
  const M = content.goods.markets;
  const keep = exp(-lead / (controlled ? sr.controlPersistenceQuarters : sr.pricePersistenceQuarters));
  // the output at the producers' price in the host, inputs at its buyers' expected price
  const later = (st: StageKey, out = false) => M[st].basePrice + ((out ? state.market.producerPrice[st][h] : state.market.expPrice[st][h]) - M[st].basePrice) * keep;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * state.heavyIntensity;
  const rec = content.goods.refiningRecovery;
  const input = s === 'magnet' ? rL * later('oxide.light') + rH * later('oxide.heavy') : s === 'oxide.light' ? later('ore.light') / rec : s === 'oxide.heavy' ? later('ore.heavy') / rec : 0;
  const capex = s.startsWith('ore') ? sr.capexPerTpy.mine : s.startsWith('oxide') ? sr.capexPerTpy.refinery : sr.capexPerTpy.magnet;
  // heavy stages: capital per t of Dy/Tb is that per t of REO over the heavy share (assumption: heavy content ~1/40 of
  // light for the same plant), so scale by the price ratio instead of a separate figure
  const scale = s.endsWith('heavy') ? M[s].basePrice / M[s === 'ore.heavy' ? 'ore.light' : 'oxide.light'].basePrice : 1;
  const charge = (capex * scale * sr.capitalRecovery) / 1000; // USD per kg of yearly output
  const margin = later(s, true) - input - M[s].cashCost[h] - charge;
  return margin / charge;
}

/** Plants close where the producers' price has stayed below cash cost (plus input cost) for long enough. */
function exits(content: Content, state: GameState, R: Record<RegionId, RegionState>): void {
  const sr = content.goods.supplyResponse;
  const frac = state.quartersPerTurn / 4;
  for (const s of STAGES)
    for (const id of REGIONS) {
      const uw = state.market.underwater[s][id];
      if (uw < sr.exitAfterQuarters) continue;
      const cut = stageCap(R[id], s) * (1 - pow(1 - sr.exitShare, 4 * frac));
      if (cut > 0) addStageCapacity(R[id], s, -cut);
    }
}

function priceResponse(content: Content, state: GameState, R: Record<RegionId, RegionState>): void {
  const q = state.quartersPerTurn;
  const frac = q / 4;
  const sr = content.goods.supplyResponse;
  // recycling, thrifting and demand adjust to each region's own prices
  const rL = content.goods.magnetRecipe.light;
  for (const id of REGIONS) {
    const r = R[id];
    const pL = state.prices['oxide.light'][id] / content.goods.markets['oxide.light'].basePrice - sr.priceTrigger;
    const pH = state.prices['oxide.heavy'][id] / content.goods.markets['oxide.heavy'].basePrice - sr.priceTrigger;
    const pM = state.prices.magnet[id] / content.goods.markets.magnet.basePrice - sr.priceTrigger;
    const useL = r.magnetCap * rL + r.oxideOtherUse.light;
    if (pL > 0) r.recycling.light = Math.min(sr.maxRecyclingShare * useL, r.recycling.light + sr.recyclingPerPremium * pL * useL * frac);
    if (pH > 0) r.recycling.heavy = Math.min(sr.maxRecyclingShare * useL * 0.03, r.recycling.heavy + sr.recyclingPerPremium * pH * useL * 0.03 * frac);
    if (pM > 0 || pH > 0) r.thrift = Math.min(sr.maxThrift, r.thrift + sr.thriftPerPremium * Math.max(pM, pH) * frac);
    for (const s of STAGES) {
      const ratio = state.prices[s][id] / content.goods.markets[s].basePrice;
      const target = pow(ratio, content.goods.markets[s].longRunElasticity);
      r.demandAdj[s] += sr.demandAdjustSpeed * q * (target - r.demandAdj[s]);
    }
  }
}
