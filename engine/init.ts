// createGame: the world at the scenario's start, calibrated so that the first turn starts where CALIBRATION.md says it is.
import { COUNTRIES, REGIONS, STAGES, regionRecord, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import { ENGINE_VERSION, type Deal, type GameState, type Offtake, type Project, type RegionState } from './state.ts';
import { emptyPolicies, mergePolicies } from './policy.ts';
import { newRngState } from './prng.ts';
import { knownProjectType } from './own.ts';
import { newProgramme, stageIndex } from './deepsea.ts';
import { buildChainInput, laneWedges } from './supply.ts';
import { worldNeedOf } from './licence.ts';
import { runChain, type ChainInput, type ChainResult } from './market/chain.ts';
import { distrustAfter, worldPriceOf } from './market/after.ts';
import { supplyRisk, independenceFrom } from './risk.ts';
import { planCars } from './cars.ts';
import { lanesFor } from './lanes.ts';
import { derive } from './derived.ts';
import { NR } from './market/spe.ts';
import { reValue, avgOtherTariffOf, carTariffRevenue } from './macro.ts';
import { objectiveIndex, pollutionAdded, securityIndex, securityInputs, tensionPolicyTerm, tradeWeightsAt } from './economy.ts';
import { pow } from './detmath.ts';
import { cloneLike, cloneTree, copierOf } from './clone.ts';

function stageCapacity(r: RegionState, s: StageKey): number {
  switch (s) {
    case 'ore.light':
      return r.miningReo * r.lightFrac;
    case 'ore.heavy':
      return r.miningReo * r.heavyFrac;
    case 'oxide.light':
      return r.refining.light;
    case 'oxide.heavy':
      return r.refining.heavy;
    default:
      return r.magnetCap;
  }
}

/**
 * The opening state of a game. Only `seed` and `rng` depend on the seed: the rest is worked out once per content
 * (two calibration passes of the chain, car plans, licences, steady states) and each game gets a deep copy. Besides
 * the time, this keeps the set-up code cold, so V8 does not spend a TurboFan compile on code that runs once a game.
 */
export function createGame(content: Content, seed: string | number): GameState {
  let opening = openings.get(content);
  if (!opening) {
    // once through cloneTree, whose objects follow shared shape transitions
    opening = { template: cloneTree(openingState(content)), games: 0, copy: cloneLike };
    openings.set(content, opening);
  }
  // from a content's COPIER_FROM-th game on, the copy is made by generated literals (copierOf); before it, by spreads
  if (++opening.games === COPIER_FROM) opening.copy = copierOf(opening.template);
  // a deep copy, not the template's subtrees shared: hosts and tests may change a new game's state in place before
  // its first turn (sharing, with the template frozen, made createGame ~8x faster again but broke that contract)
  const state = opening.copy(opening.template);
  state.seed = String(seed);
  state.rng = newRngState(String(seed));
  return state;
}
const openings = new WeakMap<Content, { template: GameState; games: number; copy: (s: GameState) => GameState }>();
/**
 * The game of a content (on one thread) from which createGame copies the opening by generated literals instead of by
 * spreads (the first 4,999 are copied by spreads). The generated copier is fast only once V8's optimising compiler has
 * compiled it, and that compile is large: under Node 20 it cost a thread 0.5-0.6 s of CPU (process CPU over 2,000
 * createGames, 483-592 ms more than spreads, 2026-12-05), in every thread of a batch. In a loop of createGame alone
 * the copier was still 40-110 us a copy 3,000 calls after it was made (spreads 57-120 us) and 5-9 us after 10,000, so
 * an optimised copy saves 0.05-0.1 ms a game. Waiting until the copies by spreads have cost what the compile would is
 * the ski-rental rule (Karlin, Manasse, Rudolph and Sleator 1988, "Competitive snoopy caching"): switching at the
 * break-even never pays more than twice the cheaper of the two choices, whatever a run's length. The break-even here
 * is 5,000-12,000 games; 5,000 is its low end (an assumption measured on this machine). Measured on 2,000 status-quo
 * games in one process, three pairs against the copier from the fourth game: 1.0-2.6 s less CPU (of 14-20 s) and
 * 0.4-1.6 s less wall time, more than the compile alone (runs of one tree differ by up to 3.8 s). Under Node 24 the
 * compile cost no measurable CPU, so there the rule only delays the saving (at most about 0.5 s of a run of 5,000
 * games or more).
 */
export const COPIER_FROM = 5000;

function openingState(content: Content): GameState {
  const dv = derive(content);
  const sc = content.scenario;
  const q = sc.quartersPerTurn;
  const frac = q / 4;
  const R = {} as Record<RegionId, RegionState>;
  for (const id of REGIONS) {
    const s = content.countries.regions[id];
    let policies = emptyPolicies(id, s.defensePct);
    if (id !== 'ROW') {
      const p = sc.policies[id];
      policies = mergePolicies(id, policies, { tariffs: p.tariffs, exportControls: p.exportControls, defenseSpendingPct: p.defenseSpendingPct }, 0, () => 0);
    }
    const zeroStages = Object.fromEntries(STAGES.map((x) => [x, 0])) as Record<StageKey, number>;
    R[id] = {
      gdp: s.gdpUsdBn,
      potential: s.gdpUsdBn,
      gap: {},
      approval: s.approval,
      miningReo: s.mining.reo,
      lightFrac: s.mining.lightFrac,
      heavyFrac: s.mining.heavyFrac,
      mudReo: 0,
      refining: { ...s.refining },
      magnetCap: s.magnets,
      recycling: { light: 0, heavy: 0 },
      thrift: 0,
      inventory: { ...zeroStages },
      stockpile: { ...s.stockpile },
      demandAdj: Object.fromEntries(STAGES.map((x) => [x, 1])) as Record<StageKey, number>,
      magnetUse: { ...s.magnetDemand },
      oxideOtherUse: { ...s.oxideOtherUse },
      carDemand: s.carDemand,
      carShares: Object.fromEntries(REGIONS.map((o) => [o, 0])) as Record<RegionId, number>,
      carBias: Object.fromEntries(REGIONS.map((o) => [o, 0])) as Record<RegionId, number>,
      evShare: s.evShare,
      capability: 0,
      security: 50,
      pollution: 0,
      seabed: 0,
      budget: (0.5 * s.budgetPctGdp * s.gdpUsdBn) / 100,
      debt: s.debtPctGdp,
      approvalGrowth: 0,
      policies,
      last: undefined as unknown as RegionState['last'],
      ref: { gdp: s.gdpUsdBn, potential: s.gdpUsdBn, autoProduction: 0, carPriceIndex: 0, security: 50, pollution: 0, approval: s.approval, defensePct: policies.defensePct, reValue: 0, otherExports: 0, otherImports: 0, otherTariff: avgOtherTariffOf({ policies }), tariffRevenue: 0, debt: s.debtPctGdp },
    };
  }
  const lanes = lanesFor(content, []);
  const carWedge = laneWedges(content, lanes, content.rules.trade.freightShareCars);
  const cars = planCars(content, R, carWedge, [], q, false);
  for (let d = 0; d < NR; d++) {
    const r = R[REGIONS[d]];
    for (let o = 0; o < NR; o++) r.carShares[REGIONS[o]] = cars.shares[d][o];
    r.ref.carPriceIndex = cars.priceIndex[d];
  }
  const Z = () => [0, 0, 0, 0, 0, 0];
  const ctx = {
    content,
    regions: R,
    shocks: [],
    offtakes: [] as Offtake[],
    flows: undefined as unknown as GameState['flows'],
    lanes,
    heavyIntensity: 1,
    turn: 0,
    q,
    carPlan: cars.output,
    purchase: { light: Z(), heavy: Z() },
    release: { light: Z(), heavy: Z() },
  };
  // offtakes from the scenario, in t / yr
  const offtakes: Offtake[] = sc.offtakes.map((o) => ({
    from: o.from,
    to: o.to,
    stage: o.stage,
    tonnesPerYear: o.share * stageCapacity(R[o.from], o.stage),
    untilTurn: o.untilTurn,
    source: 'scenario',
  }));
  ctx.offtakes = offtakes;
  // calibration with open trade: plan the chain, set working stocks to their targets and each supply curve's
  // calibration point to the planned 2024 output at the 2024 price, then clear the markets (three passes settle it)
  const base = (s: StageKey) => content.goods.markets[s].basePrice;
  const baseRec = (s: StageKey) => Object.fromEntries(REGIONS.map((r) => [r, base(s)])) as Record<RegionId, number>;
  const market: GameState['market'] = {
    producerPrice: Object.fromEntries(STAGES.map((s) => [s, baseRec(s)])) as GameState['market']['producerPrice'],
    expPrice: Object.fromEntries(STAGES.map((s) => [s, baseRec(s)])) as GameState['market']['expPrice'],
    transship: Object.fromEntries(STAGES.map((s) => [s, {}])) as GameState['market']['transship'],
    detected: Object.fromEntries(STAGES.map((s) => [s, {}])) as GameState['market']['detected'],
    baseUse: Object.fromEntries(STAGES.map((s) => [s, Object.fromEntries(REGIONS.map((r) => [r, 0.8]))])) as GameState['market']['baseUse'],
    magnetHeavy: content.goods.magnetRecipe.heavy,
    underwater: Object.fromEntries(STAGES.map((s) => [s, Object.fromEntries(REGIONS.map((r) => [r, 0]))])) as GameState['market']['underwater'],
    distrust: regionRecord(() => regionRecord(() => 0)),
  };
  // controls in force at the start already weigh on buyers' choices: calibrate with them
  market.distrust = distrustAfter(content, { quartersPerTurn: q, market } as GameState, R);
  const setTargets = (needs: Record<StageKey, number[]>) => {
    for (let i = 0; i < NR; i++) for (const s of STAGES) R[REGIONS[i]].inventory[s] = (needs[s][i] * content.goods.markets[s].inventoryWeeks) / (13 * q);
  };
  let chainIn = buildChainInput({ ...ctx, open: true, market });
  let chain = runChain(chainIn, false); // (the opening's calibration reads no clearing residual)
  for (let pass = 0; pass < 3; pass++) {
    setTargets(chain.needs);
    calibrateSupply(market, chainIn, chain);
    chainIn = buildChainInput({ ...ctx, open: true, market });
    chain = runChain(chainIn, false);
  }
  const flows = {} as GameState['flows'];
  const prices = {} as GameState['prices'];
  const worldPrice = {} as GameState['worldPrice'];
  for (const s of STAGES) {
    const m = chain.markets[s];
    flows[s] = {} as Record<RegionId, Record<RegionId, number>>;
    prices[s] = {} as Record<RegionId, number>;
    for (let i = 0; i < NR; i++) {
      flows[s][REGIONS[i]] = {} as Record<RegionId, number>;
      prices[s][REGIONS[i]] = m.price[i];
      market.producerPrice[s][REGIONS[i]] = m.producerPrice[i];
      market.expPrice[s][REGIONS[i]] = m.price[i];
      for (let j = 0; j < NR; j++) flows[s][REGIONS[i]][REGIONS[j]] = m.flows[i][j];
    }
    worldPrice[s] = worldPriceOf(m.price, m.received);
  }
  market.magnetHeavy = chain.magnetHeavy;
  market.magnetNeed = worldNeedOf(chain.magnetNeed, q);
  // licences measured against the calibrated flows and needs; controls in force at the start are not news (no
  // hoarding on them)
  const before = -Math.ceil(content.goods.market.storage.hoardQuarters / q) - 1;
  for (const c of COUNTRIES) {
    const pol = R[c].policies;
    for (const p of REGIONS) for (const s of STAGES) if (pol.controls[p][s].level !== 'open') pol.controls[p][s] = { ...pol.controls[p][s], baseVolume: flows[s][c][p] / q, baseNeed: market.magnetNeed, sinceTurn: before };
  }
  const carFlows = {} as GameState['carFlows'];
  const otherTrade = {} as GameState['otherTrade'];
  for (let o = 0; o < NR; o++) {
    carFlows[REGIONS[o]] = {} as Record<RegionId, number>;
    otherTrade[REGIONS[o]] = {} as Record<RegionId, number>;
    for (let d = 0; d < NR; d++) {
      carFlows[REGIONS[o]][REGIONS[d]] = cars.plan[o][d] * chain.civilRatio[o];
      otherTrade[REGIONS[o]][REGIONS[d]] = dv.otherBase[o][d];
    }
  }
  // tension and trust; tariffs weigh in tension by the trade they tax at the start
  const tariffWeights = tradeWeightsAt({ flows, prices, carFlows, otherTrade, quartersPerTurn: q }, content.goods.autos.exportValueUsd);
  const tension = {} as GameState['tension'];
  const tensionBase = {} as GameState['tensionBase'];
  const trust = {} as GameState['trust'];
  for (const a of COUNTRIES) {
    tension[a] = {} as Record<CountryId, number>;
    tensionBase[a] = {} as Record<CountryId, number>;
    trust[a] = {} as Record<CountryId, number>;
    for (const b of COUNTRIES) {
      tension[a][b] = 0;
      tensionBase[a][b] = 0;
      trust[a][b] = dv.trustNorm[COUNTRIES.indexOf(a) * COUNTRIES.length + COUNTRIES.indexOf(b)];
    }
  }
  for (let ai = 0; ai < COUNTRIES.length; ai++)
    for (let bi = ai + 1; bi < COUNTRIES.length; bi++) {
      const A = COUNTRIES[ai];
      const B = COUNTRIES[bi];
      const given = sc.tension.find((t) => (t.a === A && t.b === B) || (t.a === B && t.b === A));
      const t0 = given ? given.value : sc.baselineTension;
      const rivals = content.countries.regions[A].rivals.includes(B) || content.countries.regions[B].rivals.includes(A);
      const term = tensionPolicyTerm(content, R[A].policies, R[B].policies, A, B, R[A].ref.defensePct, R[B].ref.defensePct, rivals, tariffWeights);
      const activeDeals = sc.deals.filter((d) => (d.a === A && d.b === B) || (d.a === B && d.b === A)).length;
      tension[A][B] = tension[B][A] = t0;
      tensionBase[A][B] = tensionBase[B][A] = t0 - term + content.rules.diplomacy.dealRelief * activeDeals;
    }
  // defense capability at its steady state, security, pollution at its steady state
  const sec = content.rules.security;
  for (let i = 0; i < NR; i++) {
    const r = R[REGIONS[i]];
    r.capability = ((r.policies.defensePct / 100) * r.gdp * frac * sec.capabilityPerUsdBn) / (sec.depreciation * q);
  }
  for (let i = 0; i < NR; i++) {
    const id = REGIONS[i];
    const r = R[id];
    const { own, allies, rivals } = securityInputs(R, dv, tension, i, trust);
    r.security = securityIndex(own, allies, rivals, sec.allyWeight);
    const added = pollutionAdded(content, chainIn.minedReo[i] * chain.mineUse[i], chain.refined.light[i] + chain.refined.heavy[i], 0, r.gdp);
    r.pollution = added / (1 - pow(1 - content.rules.environment.decay, q));
    let ex = 0;
    let im = 0;
    // the yardstick of car tariffs' deadweight cost (other goods' tariffs work through the gains from trade)
    const rev = carTariffRevenue(carFlows, r, i, content.goods.autos.exportValueUsd, q);
    for (let j = 0; j < NR; j++) {
      ex += dv.otherBase[i][j];
      im += dv.otherBase[j][i];
    }
    const imports = {} as Record<RegionId, number>;
    let impTotal = 0;
    for (let s = 0; s < NR; s++) {
      const v = s === i ? 0 : STAGES.reduce((a, st) => a + chain.markets[st].flows[s][i] * (st === 'magnet' ? content.goods.magnetRecipe.light : 1), 0);
      imports[REGIONS[s]] = v;
      impTotal += v;
    }
    const built = cars.output[i] * chain.civilRatio[i];
    const need = chain.magnetNeed[i];
    r.last = {
      autoProduction: built,
      autoExports: Object.fromEntries(REGIONS.map((d, j) => [d, j === i ? 0 : carFlows[id][d]])) as Record<RegionId, number>,
      magnetSupplyRatio: chain.magnetRatio[i],
      magnetNeed: need,
      importShareFrom: Object.fromEntries(REGIONS.map((s) => [s, impTotal > 0 ? imports[s] / impTotal : 0])) as Record<RegionId, number>,
      mined: chainIn.minedReo[i] * chain.mineUse[i],
      refined: chain.refined.light[i] + chain.refined.heavy[i],
      magnetsMade: chain.magnetsMade[i],
      carPriceIndex: cars.priceIndex[i],
      defenseSpendUsdBn: (r.policies.defensePct / 100) * r.gdp * frac,
      investmentUsdBn: 0,
      objective: 0,
      magnetSources: Object.fromEntries(REGIONS.map((s, j) => [s, need > 0 ? chain.markets.magnet.flows[j][i] / need : 0])) as Record<RegionId, number>,
      magnetInvDraw: 0,
      carPlan: Object.fromEntries(REGIONS.map((d, j) => [d, cars.plan[i][j]])) as Record<RegionId, number>,
      carMagnetFactor: chain.civilRatio[i],
      carMarket: cars.market[i],
      reValue: reValue(content, i, chainIn, chain, prices, q),
      defenseRatio: chain.defenseRatio[i],
      supplyRisk: supplyRisk({ content, markets: chain.markets, policies: (o) => R[REGIONS[o]].policies, recycled: chainIn.recycled.light[i] + chainIn.recycled.heavy[i], thrift: r.thrift }, i),
    };
    r.ref = { ...r.ref, autoProduction: built, security: r.security, pollution: r.pollution, reValue: r.last.reValue, otherExports: ex, otherImports: im, tariffRevenue: rev };
  }
  for (const c of COUNTRIES) {
    const r = R[c];
    r.last.objective = objectiveIndex(content, c, r, independenceFrom(content, r.last.supplyRisk));
  }
  let nextId = 1;
  const projects: Project[] = sc.projects.map((p) => {
    const t = knownProjectType(content, p.type);
    const out: Project = { id: `P${nextId++}`, type: p.type, owner: p.owner, host: p.host, units: p.units, remainingQuarters: p.remainingQuarters, status: 'building', startedTurn: 0, costUsdBn: t.costUsdBn * p.units, private: false };
    // a deep-sea programme under way: the stage it has reached, its cost so far the stages up to it (paid before the game)
    if (t.kind === 'deepSeaMud') {
      out.mud = newProgramme(content, stageIndex(content, p.stage));
      out.costUsdBn = content.projects.deepSea.stages.slice(0, out.mud.stage + 1).reduce((a, st) => a + st.costUsdBn * p.units, 0);
    }
    return out;
  });
  const deals: Deal[] = sc.deals.map((d) => ({ id: `D${nextId++}`, from: d.a, to: d.b, give: d.aGives, get: d.bGives, termTurns: d.untilTurn, status: 'active', proposedTurn: 0, startTurn: 1, endTurn: d.untilTurn }));
  const straits: GameState['straits'] = {};
  for (const s of content.map.straits.map((x) => x.id).sort()) straits[s] = 'open';
  return {
    engineVersion: ENGINE_VERSION,
    scenarioId: sc.id,
    contentHash: content.hash,
    seed: '',
    turn: 0,
    turns: sc.turns,
    quartersPerTurn: q,
    start: sc.start,
    rng: newRngState(''),
    regions: R,
    prices,
    worldPrice,
    flows,
    carFlows,
    tension,
    trust,
    deals,
    projects,
    offtakes,
    shocks: [],
    firedEvents: [],
    straits,
    lanes,
    heavyIntensity: 1,
    nextId,
    otherTrade,
    otherTradeRef: structuredClone(otherTrade),
    pipeline: [],
    tensionBase,
    tariffWeights,
    market,
  };
}

/** Each supply curve passes through the planned 2024 output at the 2024 price: output as a share of capacity,
 * region by region; a region with no capacity yet gets the world's share (new plants run like the old). */
function calibrateSupply(market: GameState['market'], x: ChainInput, chain: ChainResult): void {
  const caps: Record<StageKey, number[]> = { 'ore.light': x.oreOut.light, 'ore.heavy': x.oreOut.heavy, 'oxide.light': x.refCap.light, 'oxide.heavy': x.refCap.heavy, magnet: x.magCap };
  for (const s of STAGES) {
    let P = 0;
    let C = 0;
    for (let i = 0; i < NR; i++) {
      P += chain.planned[s][i];
      C += caps[s][i];
    }
    const world = C > 0 ? Math.min(1, P / C) : 0.8;
    for (let i = 0; i < NR; i++) market.baseUse[s][REGIONS[i]] = caps[s][i] > 0 ? Math.min(1, chain.planned[s][i] / caps[s][i]) : world;
  }
}
