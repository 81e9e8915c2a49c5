// resolveTurn: the turn pipeline. Orders -> deals -> investments -> events -> projects -> cars -> supply chain -> economy -> report.
import { COUNTRIES, REGIONS, STAGES, STAGE_NAMES, TARIFF_GOODS, TARIFF_GOOD_NAMES, addQuarters, countryRecord, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, Overridden, RegionState, Shock, TurnReport } from './state.ts';
import type { Orders } from './schema.ts';
import { InvalidOrdersError, mergePolicies, validateOrders } from './policy.ts';
import { drawN } from './prng.ts';
import { LASTING, closedStraits, pickEvents, withFired } from './events.ts';
import { applyDeals, enforceDeals, overriddenOrders } from './deals.ts';
import { advanceProjects, startInvestments, takeReleases } from './projects.ts';
import { mudLicence } from './deepsea.ts';
import { buildChainInput, laneWedges, type SupplyContext } from './supply.ts';
export { worldPriceOf };
import { STOCKPILE_CAUSE, leakConsequences, nextMarketState, pricesWhy, settleStockpiles, worldPriceOf } from './market/after.ts';
import { planCars } from './cars.ts';
import { runChain } from './market/chain.ts';
import { derive } from './derived.ts';
import { NR } from './market/spe.ts';
import { updateLanes } from './lanes.ts';
import { economyStep } from './macro.ts';
import { zeros6 } from './economy.ts';
import { buildReport, type ReportInput } from './report.ts';
import { rowOf } from './rows.ts';
import { trackStep } from './leverage.ts';

export function cloneRegion(r: RegionState, whole = true): RegionState {
  // one literal with every key of a region in the order init.ts writes them (tests/speed.test.ts pins the order):
  // each game's regions then share V8's shapes with every other game's, where a spread of the last turn's region
  // made a shape of its own per game (so the reads of a region all over the engine saw a new shape every game).
  // `whole` false: gap and carShares are last turn's objects, for the turn, whose economy step replaces both whole
  // (macro.ts regionStep) and which writes into neither before that
  return {
    gdp: r.gdp,
    potential: r.potential,
    gap: whole ? { ...r.gap } : r.gap,
    approval: r.approval,
    miningReo: r.miningReo,
    lightFrac: r.lightFrac,
    heavyFrac: r.heavyFrac,
    mudReo: r.mudReo,
    refining: { ...r.refining },
    magnetCap: r.magnetCap,
    recycling: { ...r.recycling },
    thrift: r.thrift,
    inventory: { ...r.inventory },
    stockpile: { ...r.stockpile },
    demandAdj: { ...r.demandAdj },
    magnetUse: { ...r.magnetUse },
    oxideOtherUse: { ...r.oxideOtherUse },
    carDemand: r.carDemand,
    carShares: whole ? { ...r.carShares } : r.carShares,
    carBias: r.carBias,
    evShare: r.evShare,
    capability: r.capability,
    security: r.security,
    pollution: r.pollution,
    seabed: r.seabed,
    budget: r.budget,
    debt: r.debt,
    approvalGrowth: r.approvalGrowth,
    policies: r.policies,
    last: r.last,
    ref: r.ref,
  };
}

export interface ResolveOptions {
  /** split each headline's change into causes (default true); batch self-play turns it off for speed */
  ledger?: boolean;
}

export function resolveTurn(content: Content, state: GameState, ordersRaw: unknown, opts: ResolveOptions = {}): { state: GameState; report: TurnReport } {
  return resolveValidated(content, state, accepted(content, state, ordersRaw), opts);
}

/** The orders as validateOrders accepts them; throws InvalidOrdersError naming every bad field. */
function accepted(content: Content, state: GameState, ordersRaw: unknown): Orders {
  if (state.turn >= state.turns) throw new Error(`the game is over: all ${state.turns} turns have been played`);
  const v = validateOrders(content, state, ordersRaw);
  if (!v.ok) throw new InvalidOrdersError(v.issues);
  return v.orders;
}

/** resolveTurn on orders `validateOrders(content, state, ...)` has just accepted (its `orders`), for callers that
 * validated them already (the planner's rollouts): the same turn without parsing the orders twice. */
export function resolveValidated(content: Content, state: GameState, orders: Orders, opts: ResolveOptions = {}): { state: GameState; report: TurnReport } {
  const r = resolveParts(content, state, orders, opts, true);
  return { state: r.state, report: buildReport(r.reportInput!) };
}

/**
 * resolveTurn without the report, for batch games and rollouts that read only the new state and the objective (the
 * report's `objective`, the same object). The state does not depend on the report (nor on the news it carries, which
 * the engine never reads), so it is the same state, bit for bit; what only the report needs is not worked out.
 */
export function resolveTurnLean(content: Content, state: GameState, ordersRaw: unknown, opts: ResolveOptions = {}): { state: GameState; objective: TurnReport['objective'] } {
  return resolveValidatedLean(content, state, accepted(content, state, ordersRaw), opts);
}

/** resolveTurnLean on orders validateOrders has just accepted (resolveValidated without the report). */
export function resolveValidatedLean(content: Content, state: GameState, orders: Orders, opts: ResolveOptions = {}): { state: GameState; objective: TurnReport['objective'] } {
  const r = resolveParts(content, state, orders, opts, false);
  return { state: r.state, objective: r.objective };
}

/** The turn; `full`: also what the report is built from (otherwise null, and the news of policy changes not written). */
function resolveParts(content: Content, state: GameState, orders: Orders, opts: ResolveOptions, full: boolean): { state: GameState; reportInput: ReportInput | null; objective: TurnReport['objective'] } {
  if (state.turn >= state.turns) throw new Error(`the game is over: all ${state.turns} turns have been played`);
  const dv = derive(content);
  const turn = state.turn + 1;
  const q = state.quartersPerTurn;
  const news: string[] = [];
  // the news goes only into the report: a lean turn's steps are handed none, and write none (their state is the same)
  const told = full ? news : null;
  const R = {} as Record<RegionId, RegionState>;
  for (const r of REGIONS) R[r] = cloneRegion(state.regions[r], false);

  // 1. orders onto standing policies
  for (const c of COUNTRIES) {
    const o = orders[c];
    if (!o) continue;
    R[c].policies = mergePolicies(c, state.regions[c].policies, o, turn, (s, p) => state.flows[s][c][p] / q, () => state.market.magnetNeed ?? 0);
    if (full) news.push(...policyNews(c, state.regions[c].policies, R[c].policies));
  }
  // 2. deals: answers, breaches, proposals; active deals bind policies
  const dealStep = applyDeals(content, state, orders, turn, told);
  const overridden: Overridden[] = [];
  for (const c of COUNTRIES) {
    const ordered = R[c].policies;
    R[c].policies = enforceDeals(c, ordered, dealStep.deals, turn, (s, p) => state.flows[s][c][p] / q);
    // (every country: a deal accepted by the other side moves the proposer's policies in force, orders or none)
    if (full) overridden.push(...overriddenOrders(c, state.regions[c].policies, ordered, R[c].policies, dealStep.deals, turn));
  }
  // 3. budgets and new investments
  const purchase = { light: zeros6(), heavy: zeros6() };
  const release = { light: zeros6(), heavy: zeros6() };
  const started = startInvestments(content, state, R, orders, turn, purchase, told);
  takeReleases(orders, R, release);
  // 4. events
  const { draws, state: rng } = drawN(state.rng, content.events.events.length);
  const fired = pickEvents(content, state, turn, draws);
  const shocks: Shock[] = [];
  for (const s of state.shocks)
    if (s.turnsLeft > 1) {
      const left = { ...s };
      left.turnsLeft = s.turnsLeft - 1;
      shocks.push(left);
    }
  const instant: Shock[] = [];
  for (const ev of fired) {
    if (full) news.push(`${ev.title}: ${ev.text}`);
    for (const e of ev.effects) {
      if (LASTING.has(e.kind)) {
        if (ev.durationTurns > 0) shocks.push({ eventId: ev.id, effect: e, turnsLeft: ev.durationTurns });
      } else instant.push({ eventId: ev.id, effect: e, turnsLeft: 0 });
    }
  }
  // the deep-sea mud lifting licence: a chance, rising with seabed damage, that lifting is suspended for some turns
  shocks.push(...mudLicence(content, state, shocks, turn, news));
  let heavyIntensity = state.heavyIntensity;
  const lanes = updateLanes(content, state, closedStraits(shocks));
  // 5. projects, private capacity, baseline growth
  const proj = advanceProjects(content, state, R, started.projects, instant, turn, told, shocks);
  for (const e of instant) if (e.effect.kind === 'heavyIntensity') heavyIntensity *= e.effect.factor;
  // 6. cars planned
  const carWedge = laneWedges(content, lanes.lanes, content.rules.trade.freightShareCars);
  const cars = planCars(content, R, carWedge, shocks, q, true);
  // 7. supply chain
  const ctx: SupplyContext = {
    content,
    regions: R,
    shocks,
    offtakes: proj.offtakes,
    dealReserved: dealStep.reserved(state, q),
    flows: state.flows,
    lanes: lanes.lanes,
    heavyIntensity,
    turn,
    q,
    carPlan: cars.output,
    purchase,
    release,
    prices: state.prices,
    market: state.market,
    tension: state.tension,
  };
  const chainIn = buildChainInput(ctx);
  const chain = runChain(chainIn, full); // (the markets' clearing residuals: the report's alone)
  const why = opts.ledger !== false ? pricesWhy(ctx, chainIn, chain, R) : undefined;
  settleStockpiles(R, chain, purchase, release, told, why?.runs[STOCKPILE_CAUSE]);
  // 8. prices, flows, stocks
  const mk = chain.markets;
  const prices = byStage(rowOf(mk['ore.light'].price, 0), rowOf(mk['ore.heavy'].price, 0), rowOf(mk['oxide.light'].price, 0), rowOf(mk['oxide.heavy'].price, 0), rowOf(mk.magnet.price, 0));
  const flows = byStage(flowRec(mk['ore.light'].flows), flowRec(mk['ore.heavy'].flows), flowRec(mk['oxide.light'].flows), flowRec(mk['oxide.heavy'].flows), flowRec(mk.magnet.flows));
  const worldPrice = byStage(priceOf(mk['ore.light']), priceOf(mk['ore.heavy']), priceOf(mk['oxide.light']), priceOf(mk['oxide.heavy']), priceOf(mk.magnet));
  const market = nextMarketState(content, state, chain, R);
  const stockBefore = full ? stockTotals(state.regions, state.market.magnetHeavy, content) : null;
  const inv = chain.inv;
  for (let i = 0; i < NR; i++) {
    const r = R[REGIONS[i]];
    // each stage by name, in STAGES' order (a keyed store with a varying key is a megamorphic store)
    const ri = r.inventory;
    ri['ore.light'] = inv['ore.light'][i];
    ri['ore.heavy'] = inv['ore.heavy'][i];
    ri['oxide.light'] = inv['oxide.light'][i];
    ri['oxide.heavy'] = inv['oxide.heavy'][i];
    ri.magnet = inv.magnet[i];
    r.stockpile.light += chain.toStockpile.light[i];
    r.stockpile.heavy += chain.toStockpile.heavy[i];
  }
  const stockAfter = full ? stockTotals(R, chain.magnetHeavy, content) : null;
  let minedL = 0;
  let minedH = 0;
  let recL = 0;
  let recH = 0;
  for (let i = 0; full && i < NR; i++) {
    minedL += chain.oreMined.light[i];
    minedH += chain.oreMined.heavy[i];
    recL += chainIn.recycled.light[i];
    recH += chainIn.recycled.heavy[i];
  }
  // 9. economy: cars built, trade, GDP, approval, environment, security, tension
  const econ = economyStep({
    content,
    dv,
    state,
    R,
    chain,
    chainIn,
    cars,
    prices,
    turn,
    q,
    instant,
    deals: dealStep.deals,
    trust: dealStep.trust,
    breaches: dealStep.breaches,
    projects: proj.projects,
    news,
    parts: full,
  });
  // the tension the economy step computed security with, for the report's security ledger (leaks found now raise
  // tension after it: their effect on security shows next turn)
  const tensionNow = full && opts.ledger !== false ? copyTension(econ.tension) : econ.tension;
  leakConsequences(content, chain, econ.tension, told);
  // the US-China leverage track: each side's stake in escalation, the bargaining balance, the phase (leverage.ts)
  const track = trackStep(content, state.track, turn, { flows, transship: market.transship, gdp: (c) => R[c].gdp, policies: (c) => R[c].policies, deals: dealStep.deals, tariffWeights: state.tariffWeights }, told);
  // 10. private response to prices, for next turn
  const pipeline = proj.pipeline;
  const markets = {} as TurnReport['markets'];
  for (let k = 0; full && k < STAGES.length; k++) {
    const st = chain.markets[STAGES[k]].stats;
    markets[STAGES[k]] = { outer: st.outer, newton: st.newton, gap: st.maxGap, residual: st.maxResidual };
  }
  const reportInput: ReportInput | null = !full || !stockBefore || !stockAfter ? null : {
    markets,
    priceWhy: why?.ledger,
    ledger: opts.ledger !== false,
    content,
    state,
    R,
    turn,
    date: addQuarters(state.start, (turn - 1) * q),
    fired,
    news,
    deals: dealStep.deals,
    objective: econ.objective,
    objectiveBy: econ.objectiveBy,
    tension: tensionNow,
    trust: econ.trust,
    instant,
    breaches: dealStep.breaches,
    overridden,
    instantApproval: countryRecord((c) => instant.reduce((a, e) => a + (e.effect.kind === 'approval' && e.effect.country === c ? e.effect.delta : 0), 0)),
    balance: {
      light: { mined: minedL, recycled: recL, stockChange: stockAfter.light - stockBefore.light, consumed: chain.consumed.light, losses: chain.losses.light },
      heavy: { mined: minedH, recycled: recH, stockChange: stockAfter.heavy - stockBefore.heavy, consumed: chain.consumed.heavy, losses: chain.losses.heavy },
    },
  };
  // the new state: last turn's with this turn's parts put in (policies and deals go through immer where they
  // change), as one literal with every key of GameState in the order init.ts writes them and the track last (the
  // opening has none: the first turn adds it). A spread of the last state made a V8 shape of its own per game, so
  // every read of the state saw a new shape each game; tests/speed.test.ts pins the key order
  const next: GameState = {
    engineVersion: state.engineVersion,
    scenarioId: state.scenarioId,
    contentHash: state.contentHash,
    seed: state.seed,
    turn,
    turns: state.turns,
    quartersPerTurn: state.quartersPerTurn,
    start: state.start,
    rng,
    regions: R,
    prices,
    worldPrice,
    flows,
    carFlows: econ.carFlows,
    tension: econ.tension,
    trust: econ.trust,
    deals: dealStep.deals,
    projects: proj.projects,
    offtakes: proj.offtakes,
    shocks,
    firedEvents: fired.length ? withFired(state.firedEvents, fired) : state.firedEvents,
    straits: lanes.straits,
    lanes: lanes.lanes,
    heavyIntensity,
    nextId: Math.max(state.nextId, dealStep.nextId, started.nextId),
    otherTrade: econ.otherTrade,
    otherTradeRef: econ.otherTradeRef,
    pipeline,
    tensionBase: state.tensionBase,
    tariffWeights: state.tariffWeights,
    market,
    track,
  };
  return { state: next, reportInput, objective: econ.objective };
}

function copyTension(t: GameState['tension']): GameState['tension'] {
  return { AUS: { ...t.AUS }, CHN: { ...t.CHN }, JPN: { ...t.JPN }, MYS: { ...t.MYS }, USA: { ...t.USA } };
}

/** A stage-keyed record, keys in STAGES' order (the literal for-of over STAGES built, one shape, no keyed stores). */
function byStage<T>(oreL: T, oreH: T, oxL: T, oxH: T, magnet: T): Record<StageKey, T> {
  return { 'ore.light': oreL, 'ore.heavy': oreH, 'oxide.light': oxL, 'oxide.heavy': oxH, magnet };
}
/** A market's flows as a record of region-keyed rows (as regionRecord over regionRecord built them). */
function flowRec(f: number[][]): Record<RegionId, Record<RegionId, number>> {
  return { AUS: rowOf(f[0], 0), CHN: rowOf(f[1], 0), JPN: rowOf(f[2], 0), MYS: rowOf(f[3], 0), ROW: rowOf(f[4], 0), USA: rowOf(f[5], 0) };
}
function priceOf(m: { price: number[]; received: number[] }): number {
  return worldPriceOf(m.price, m.received);
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('turn.ts: byStage and the inventories are written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** Plain-words news of a country's policy changes this turn (tariffs grouped per partner, controls, defense). */
export function policyNews(c: CountryId, before: GameState['regions']['JPN']['policies'], after: GameState['regions']['JPN']['policies']): string[] {
  if (before === after) return [];
  const out: string[] = [];
  const controls = new Map<string, RegionId[]>();
  // a record that is the same object as before is unchanged (mergePolicies keeps what an order does not change)
  for (const p of REGIONS) {
    if (p === c) continue;
    const at = after.tariffs[p];
    const bt = before.tariffs[p];
    if (at !== bt) {
      let changed = '';
      for (const g of TARIFF_GOODS) if (at[g] !== bt[g]) changed += `${changed ? ', ' : ''}${TARIFF_GOOD_NAMES[g]} ${at[g]}% (was ${bt[g]}%)`;
      if (changed) out.push(`${c} sets its tariffs on ${p}: ${changed}.`);
    }
    const ac = after.controls[p];
    const bc = before.controls[p];
    if (ac !== bc)
      for (const st of STAGES) {
        const a = ac[st];
        const b = bc[st];
        if (a.level === b.level && a.share === b.share) continue;
        const what = a.level === 'banned' ? 'bans' : a.level === 'open' ? 'reopens' : `licenses ${Math.round(a.share * 100)}% of the usual`;
        const key = `${what} ${STAGE_NAMES[st].replace(/s$/, '')} exports to`;
        controls.set(key, [...(controls.get(key) ?? []), p]);
      }
  }
  for (const [what, partners] of controls) out.push(`${c} ${what} ${partners.length === REGIONS.length - 1 ? 'everyone' : partners.join(', ')}.`);
  if ((after.outputPct ?? 100) !== (before.outputPct ?? 100)) out.push(`${c} sets its rare-earth mining and separation quotas to ${after.outputPct ?? 100}% of normal (was ${before.outputPct ?? 100}%).`);
  if (after.defensePct !== before.defensePct) out.push(`${c} ${after.defensePct > before.defensePct ? 'raises' : 'cuts'} defence spending to ${after.defensePct.toFixed(2)}% of GDP.`);
  return out;
}


/** Rare-earth content held in stocks (ore, oxide, magnets, stockpiles), world totals, t. */
export function stockTotals(regions: Record<RegionId, RegionState>, magnetHeavy: number, content: Content): { light: number; heavy: number } {
  let light = 0;
  let heavy = 0;
  const rL = content.goods.magnetRecipe.light;
  const rH = magnetHeavy;
  for (const id of REGIONS) {
    const r = regions[id];
    light += r.inventory['ore.light'] + r.inventory['oxide.light'] + r.inventory.magnet * rL + r.stockpile.light;
    heavy += r.inventory['ore.heavy'] + r.inventory['oxide.heavy'] + r.inventory.magnet * rH + r.stockpile.heavy;
  }
  return { light, heavy };
}

export type { CountryId, StageKey };
