// Investment projects (public and private): start, budget, delays, completion, stakes with offtake, and the price-driven supply response.
import { COUNTRIES, REGIONS, STAGES, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, Offtake, Project, RegionState, Shock } from './state.ts';
import type { Orders } from './schema.ts';
import { keyedUniform, keyedUniform4 } from './prng.ts';
import { budgetAvailable } from './policy.ts';
import { knownProjectType, projectType } from './own.ts';
import { advanceMud, newProgramme, slipsWords, stageChance } from './deepsea.ts';
import { pow } from './detmath.ts';
import { addStageCapacity, privateSupply, sortPipeline } from './pipeline.ts';
import { RAMP_ADD, RAMP_AT, rampIncrements } from './ramp.ts';

export { addStageCapacity, expectedProfitability } from './pipeline.ts';

export function startInvestments(
  content: Content,
  state: GameState,
  R: Record<RegionId, RegionState>,
  orders: Orders,
  turn: number,
  purchase: { light: number[]; heavy: number[] },
  news: string[] | null,
): { projects: Project[]; nextId: number } {
  const projects = state.projects.slice();
  let id = state.nextId;
  for (const c of COUNTRIES) {
    const r = R[c];
    r.budget = budgetAvailable(content, state, c);
    const stops = orders[c]?.stopProgrammes;
    if (stops) stopProgrammes(content, projects, c, stops, turn, news);
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
        news?.push(
          `${c} starts a ${t.label} programme (${units} unit${units > 1 ? 's' : ''}): the ${ds.stages[0].label} first (USD ${cost.toFixed(2)} bn, ${p.remainingQuarters} quarters, a ${Math.round(100 * stageChance(p.mud.alpha, p.mud.beta, ds.stages[0].reads, ds.stages[0].pass))}% chance of passing), then ${ds.stages.slice(1).map((st) => st.label).join(', ')}: USD ${later.toFixed(2)} bn more, each paid when it starts.`,
        );
      } else if (t.kind === 'stockpile') {
        const i = REGIONS.indexOf(c);
        if (t.stage === 'oxide.heavy') purchase.heavy[i] += t.capacity * units;
        else purchase.light[i] += t.capacity * units;
        p.status = 'done';
        p.remainingQuarters = 0;
      } else news?.push(`${c} starts ${t.label}${host !== c ? ` in ${host}` : ''} (${units} unit${units > 1 ? 's' : ''}, USD ${cost.toFixed(2)} bn, ${t.leadQuarters} quarters).`);
      projects.push(p);
    }
  }
  // stockpile purchases complete at once: keep only recent ones so the state stays small
  return { projects: projects.filter((p) => !(p.status !== 'building' && turn - p.startedTurn > 8 && projectType(content, p.type)?.kind === 'stockpile')), nextId: id };
}

/** A country's deep-sea programmes stopped by its order (validated: each its own, under way): no later stage is paid
 * and no capacity comes; what was paid is spent. The owner's choice the programme itself has no rule for (it stops
 * only when a failed stage is not worth a retry, deepsea.ts): Japan's bet, taken or cut short. */
function stopProgrammes(content: Content, projects: Project[], c: CountryId, ids: readonly string[], turn: number, news: string[] | null): void {
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    if (p.owner !== c || p.status !== 'building' || !p.mud || !ids.includes(p.id)) continue;
    const stage = content.projects.deepSea.stages[p.mud.stage];
    projects[i] = { ...p, status: 'failed', remainingQuarters: 0, mud: { ...p.mud, waiting: false, stoppedTurn: turn } };
    news?.push(`${c} stops its ${knownProjectType(content, p.type).label} programme ${p.id} ${p.mud.waiting ? `before the ${stage.label} starts` : `during the ${stage.label}`}, after USD ${p.costUsdBn.toFixed(2)} bn: no later stage is paid and no capacity comes of it.`);
  }
}

/** The stockpile releases ordered, out of the stockpiles and into the market. Its own function, called once a turn:
 * releases are rare, and a branch first taken after the turn was compiled threw the whole compiled turn away. */
export function takeReleases(orders: Orders, R: Record<RegionId, RegionState>, release: { light: number[]; heavy: number[] }): void {
  for (const c of COUNTRIES) {
    const rel = orders[c]?.stockpileRelease;
    const i = REGIONS.indexOf(c);
    if (rel?.light) {
      release.light[i] = rel.light;
      R[c].stockpile.light -= rel.light;
    }
    if (rel?.heavy) {
      release.heavy[i] = rel.heavy;
      R[c].stockpile.heavy -= rel.heavy;
    }
  }
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

export function advanceProjects(
  content: Content,
  state: GameState,
  R: Record<RegionId, RegionState>,
  started: Project[],
  instant: Shock[],
  turn: number,
  news: string[] | null,
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
  const projects = buildingStep(content, state, R, started, instant, shocks, turn, news, offtakes, pipeline);
  privateSupply(content, state, R, turn, pipeline);
  priceResponse(content, state, R);
  sortPipeline(pipeline);
  return { projects, offtakes, pipeline };
}

// advanceProjects' steps, kept as separate functions so V8 compiles several middling functions, not one huge one.

function baselineGrowth(content: Content, R: Record<RegionId, RegionState>, frac: number): void {
  const sr = content.goods.supplyResponse;
  // baseline growth of capacity and demand
  const gC = pow(1 + sr.capacityGrowthPerYear, frac);
  const gD = pow(1 + sr.demandGrowthPerYear, frac);
  const gCars = carGrowth(content, frac);
  for (let i = 0; i < REGIONS.length; i++) {
    const r = R[REGIONS[i]];
    r.miningReo *= gC;
    r.refining.light *= gC;
    r.refining.heavy *= gC;
    r.magnetCap *= gC;
    const mu = r.magnetUse;
    mu.defense *= gD;
    mu.electronics *= gD;
    mu.wind *= gD;
    mu.other *= gD;
    r.oxideOtherUse.light *= gD;
    r.oxideOtherUse.heavy *= gD;
    r.carDemand *= gCars[i];
  }
}

/** Each region's car-demand growth factor over `frac` of a year (a pure function of the content and frac, kept). */
const carGrowthCache = new WeakMap<Content, { frac: number; g: number[] }>();
function carGrowth(content: Content, frac: number): number[] {
  const hit = carGrowthCache.get(content);
  if (hit && hit.frac === frac) return hit.g;
  const g = REGIONS.map((id) => pow(1 + content.countries.regions[id].trendGrowth, frac));
  carGrowthCache.set(content, { frac, g });
  return g;
}

/** Projects under way move on a turn (delays, completion, success or failure); finished stakes add offtakes. */
function buildingStep(content: Content, state: GameState, R: Record<RegionId, RegionState>, started: Project[], instant: Shock[], shocks: readonly Shock[], turn: number, news: string[] | null, offtakes: Offtake[], pipeline: GameState['pipeline']): Project[] {
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
      advanceMud(content, state, R, p, instant, shocks, turn, news ?? []);
      projects.push(p);
      continue;
    }
    for (const e of instant) if (e.effect.kind === 'projectDelay' && e.effect.projectType === p.type) p.remainingQuarters = Math.max(0, p.remainingQuarters + e.effect.quarters);
    if (p.startedTurn < turn) {
      p.remainingQuarters -= q;
      if (p.remainingQuarters > 0 && keyedUniform4(state.seed, 'delay', p.id, turn) < t.delayRisk * q) {
        p.remainingQuarters += 1;
        // said, not only counted: a countdown that stood still read as a fault
        news?.push(`${t.label} ${p.id} (${p.owner}${p.host !== p.owner ? ` in ${p.host}` : ''}) ${slipsWords(t.delayRisk, p.remainingQuarters)}`);
      }
    }
    if (p.remainingQuarters <= 0) {
      if (keyedUniform(`${state.seed}:success:${p.id}`) < t.successChance) {
        p.status = 'done';
        const host = R[p.host];
        const tonnes = t.capacity * p.units;
        const ramped = addRamped(content, host, p.host, t, tonnes, turn, q, pipeline);
        if (ramped) p.doneTurn = turn;
        stakeOfftake(content, p, t, host, tonnes, turn, offtakes, ramped);
        const ramp = ramped && t.rampUp ? `: ${Math.round(t.rampUp.firstShare * 100)}% of its capacity now, all of it in ${t.rampUp.quarters} quarters` : '';
        news?.push(`${t.label} ${p.id} (${p.owner}${p.host !== p.owner ? ` in ${p.host}` : ''}) is complete${ramp}.`);
      } else {
        p.status = 'failed';
        news?.push(`${t.label} ${p.id} (${p.owner}) has failed: the money is spent and no capacity comes of it.`);
      }
    }
    projects.push(p);
  }
  return projects;
}

/** A finished plant's capacity: all of it now, or, with a ramp-up, `firstShare` of it now and the rest in even steps
 * over the next `quarters`, as arrivals in the capacity pipeline (docs/MODEL.md S10, "Ramp-up": new mines, separation
 * plants and magnet lines reach nameplate over months to years, McNulty 1998). A mine's steps are written as its
 * light ore (or heavy, for a host without light ore), which the pipeline turns back into t REO of the host's ore.
 * True when it ramps (the news says so). */
function addRamped(content: Content, host: RegionState, region: RegionId, t: ReturnType<typeof knownProjectType>, tonnes: number, turn: number, q: number, pipeline: GameState['pipeline']): boolean {
  const ramp = t.rampUp;
  const stage = t.kind === 'mine' ? (host.lightFrac > 0 ? 'ore.light' : 'ore.heavy') : t.stage;
  if (!ramp || !stage || ramp.firstShare >= 1) {
    addCapacity(content, host, t.stage, t.kind, tonnes);
    return false;
  }
  addCapacity(content, host, t.stage, t.kind, tonnes * ramp.firstShare);
  const per = t.kind === 'mine' ? (stage === 'ore.light' ? host.lightFrac : host.heavyFrac) : 1;
  const n = rampIncrements(ramp, q, 1);
  for (let i = 0; i < n; i++) if (RAMP_AT[i] > 0) pipeline.push({ due: turn + RAMP_AT[i], region, stage, tonnes: tonnes * RAMP_ADD[i] * per });
  return true;
}

/** A finished project abroad gives its owner an offtake of its output: its stake's share of the plant's output, so
 * of what is in place while the plant ramps up (`ramped`). Its own function, called for every finished project, with
 * every comparison made first: the first stake abroad, met after buildingStep was compiled, threw that code away. */
function stakeOfftake(content: Content, p: Project, t: ReturnType<typeof knownProjectType>, host: RegionState, tonnes: number, turn: number, offtakes: Offtake[], ramped: boolean): void {
  const abroad = p.owner !== p.host;
  const row = p.owner === 'ROW';
  const thrift = t.kind === 'thrifting';
  if (!abroad || row || !t.stage || thrift) return;
  const share = content.projects.stakeOfftakeShare;
  const stage: StageKey = t.stage;
  const perYear = t.kind === 'mine' ? tonnes * (stage === 'ore.heavy' ? host.heavyFrac : host.lightFrac) * share : tonnes * share;
  const o: Offtake = { from: p.host, to: p.owner as Exclude<Project['owner'], 'ROW'>, stage, tonnesPerYear: perYear, untilTurn: turn + 40, source: `stake ${p.id}` };
  if (ramped && t.rampUp) o.ramp = { firstShare: t.rampUp.firstShare, quarters: t.rampUp.quarters, doneTurn: turn };
  offtakes.push(o);
}

/** Scratch for priceResponse: one stage's prices in REGIONS order (rewritten whole before each read). */
const PRICE_ROW = new Float64Array(6);
function pricesInto(rec: Record<RegionId, number>, out: Float64Array): Float64Array {
  out[0] = rec.AUS;
  out[1] = rec.CHN;
  out[2] = rec.JPN;
  out[3] = rec.MYS;
  out[4] = rec.ROW;
  out[5] = rec.USA;
  return out;
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('projects.ts: pricesInto is written for the regions AUS CHN JPN MYS ROW USA');

function priceResponse(content: Content, state: GameState, R: Record<RegionId, RegionState>): void {
  const q = state.quartersPerTurn;
  const frac = q / 4;
  const sr = content.goods.supplyResponse;
  // recycling, thrifting and demand adjust to each region's own prices
  const rL = content.goods.magnetRecipe.light;
  const M = content.goods.markets;
  const PL = state.prices['oxide.light'];
  const PH = state.prices['oxide.heavy'];
  const PM = state.prices.magnet;
  const bL = M['oxide.light'].basePrice;
  const bH = M['oxide.heavy'].basePrice;
  const bM = M.magnet.basePrice;
  const trig = sr.priceTrigger;
  const RS = [R.AUS, R.CHN, R.JPN, R.MYS, R.ROW, R.USA];
  for (let i = 0; i < RS.length; i++) {
    const id = REGIONS[i];
    const r = RS[i];
    const pL = PL[id] / bL - trig;
    const pH = PH[id] / bH - trig;
    const pM = PM[id] / bM - trig;
    const useL = r.magnetCap * rL + r.oxideOtherUse.light;
    if (pL > 0) r.recycling.light = Math.min(sr.maxRecyclingShare * useL, r.recycling.light + sr.recyclingPerPremium * pL * useL * frac);
    if (pH > 0) r.recycling.heavy = Math.min(sr.maxRecyclingShare * useL * 0.03, r.recycling.heavy + sr.recyclingPerPremium * pH * useL * 0.03 * frac);
    if (pM > 0 || pH > 0) r.thrift = Math.min(sr.maxThrift, r.thrift + sr.thriftPerPremium * Math.max(pM, pH) * frac);
  }
  // each region's and stage's adjustment stands alone: a stage's prices and curve looked up once for all regions, each
  // stage's adjustment read and written by name
  const speed = sr.demandAdjustSpeed;
  for (let k = 0; k < STAGES.length; k++) {
    const s = STAGES[k];
    const P = pricesInto(state.prices[s], PRICE_ROW);
    const base = M[s].basePrice;
    const el = M[s].longRunElasticity;
    for (let i = 0; i < RS.length; i++) {
      const adj = RS[i].demandAdj;
      const target = pow(P[i] / base, el);
      if (k === 0) adj['ore.light'] += speed * q * (target - adj['ore.light']);
      else if (k === 1) adj['ore.heavy'] += speed * q * (target - adj['ore.heavy']);
      else if (k === 2) adj['oxide.light'] += speed * q * (target - adj['oxide.light']);
      else if (k === 3) adj['oxide.heavy'] += speed * q * (target - adj['oxide.heavy']);
      else adj.magnet += speed * q * (target - adj.magnet);
    }
  }
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('projects.ts: priceResponse is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');
