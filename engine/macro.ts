// After the supply chain: cars built, other-goods trade, GDP by cause, approval by cause, environment, defense, security, tension.
import { COUNTRIES, REGIONS, STAGES, regionRecord, type CountryId, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { Derived } from './derived.ts';
import type { Deal, GameState, Project, RegionState, Shock } from './state.ts';
import type { ChainInput, ChainResult } from './market/chain.ts';
import type { CarPlan } from './cars.ts';
import { NR } from './market/spe.ts';
import { dealInvestmentFlows } from './deals.ts';
import { objectiveParts, sumParts, otherTradeTarget, pollutionAdded, securityIndex, securityInputs, tensionPolicyTerm } from './economy.ts';
import type { ObjectiveKey } from './economy.ts';
import { independenceFrom, supplyRisk } from './risk.ts';
import { knownProjectType } from './own.ts';
import { mudSpendRate, seabedApproval } from './deepsea.ts';
import { pow } from './detmath.ts';

export interface EconomyInput {
  content: Content;
  dv: Derived;
  state: GameState;
  R: Record<RegionId, RegionState>;
  chain: ChainResult;
  chainIn: ChainInput;
  cars: CarPlan;
  prices: GameState['prices'];
  turn: number;
  q: number;
  instant: Shock[];
  deals: Deal[];
  trust: GameState['trust'];
  breaches: { breaker: CountryId; victim: CountryId }[];
  projects: Project[];
  news: string[];
}

/** Rare-earth sector value added, USD bn / yr: output at the producers' price less inputs at the buyers' price. */
export function reValue(content: Content, i: number, x: ChainInput, c: ChainResult, prices: GameState['prices'], q: number): number {
  const id = REGIONS[i];
  const rec = content.goods.refiningRecovery;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * x.heavyIntensity;
  const p = (s: (typeof STAGES)[number]) => prices[s][id];
  const pp = (s: (typeof STAGES)[number]) => c.markets[s].producerPrice[i];
  const v =
    c.oreMined.light[i] * pp('ore.light') +
    c.oreMined.heavy[i] * pp('ore.heavy') +
    c.refined.light[i] * Math.max(0, pp('oxide.light') - p('ore.light') / rec) +
    c.refined.heavy[i] * Math.max(0, pp('oxide.heavy') - p('ore.heavy') / rec) +
    c.magnetsMade[i] * Math.max(0, pp('magnet') - rL * p('oxide.light') - rH * p('oxide.heavy'));
  return (v * 1000 * (4 / q)) / 1e9;
}

export function economyStep(x: EconomyInput) {
  const { content, dv, state, R, chain, cars, turn, q, instant } = x;
  const pol = content.rules.politics;
  const sec = content.rules.security;
  // cars built, limited by magnets
  const carFlows: GameState['carFlows'] = regionRecord((_, o) => regionRecord((__, d) => cars.plan[o][d] * chain.civilRatio[o]));
  const built = [0, 0, 0, 0, 0, 0];
  for (let o = 0; o < NR; o++) for (let d = 0; d < NR; d++) built[o] += cars.plan[o][d] * chain.civilRatio[o];
  const { X, Mi, Xref, Mref, tariffRevenue, revenueRef, ot, ref } = otherGoodsTrade(x);
  const otherTrade: GameState['otherTrade'] = regionRecord((_, s) => regionRecord((__, d) => ot[s][d]));
  const otherTradeRef: GameState['otherTrade'] = regionRecord((_, s) => regionRecord((__, d) => ref[s][d]));
  const flows = dealInvestmentFlows(x.deals, turn);
  // GDP by cause
  for (let i = 0; i < NR; i++) regionStep(x, i, { carFlows, built, X, Mi, Xref, Mref, tariffRevenue, revenueRef, flows });
  const tension = tensionStep(x);
  for (let i = 0; i < NR; i++) {
    const { own, allies, rivals } = securityInputs(R, dv, tension, i, x.trust);
    R[REGIONS[i]].security = securityIndex(own, allies, rivals, sec.allyWeight);
  }
  // approval, by cause
  const objective = {} as Record<CountryId, number>;
  const objectiveBy = {} as Record<CountryId, Record<ObjectiveKey, number>>;
  for (const c of COUNTRIES) {
    const r = R[c];
    const terms = approvalTerms(content, r, state.regions[c]);
    let target = r.ref.approval;
    for (const k in terms) target += terms[k];
    let ap = state.regions[c].approval + pol.adjustSpeed * q * (target - state.regions[c].approval);
    for (const e of instant) if (e.effect.kind === 'approval' && e.effect.country === c) ap += e.effect.delta;
    r.approval = Math.min(100, Math.max(0, ap));
    // the part of approval growth put there, lagged the same way: the score leaves it out (GDP counts once)
    r.approvalGrowth = state.regions[c].approvalGrowth + pol.adjustSpeed * q * (terms.growth - state.regions[c].approvalGrowth);
    objectiveBy[c] = objectiveParts(content, c, r, independenceFrom(content, r.last.supplyRisk));
    objective[c] = sumParts(objectiveBy[c]);
    r.last.objective = objective[c];
  }
  return { carFlows, otherTrade, otherTradeRef, tension, trust: x.trust, objective, objectiveBy };
}

/** Defence spending above its starting level, as a share of GDP (negative below it). */
function defenseExtra(r: RegionState): number {
  return (r.policies.defensePct - r.ref.defensePct) / 100;
}

/** Tariff revenue on car imports, USD bn / yr. */
export function carTariffRevenue(carFlows: GameState['carFlows'], r: RegionState, i: number, value: number, q: number): number {
  let v = 0;
  for (let o = 0; o < NR; o++) if (o !== i) v += (carFlows[REGIONS[o]][REGIONS[i]] * r.policies.tariffs[REGIONS[o]].autos) / 100;
  return (v * value * (4 / q)) / 1e9;
}

/** What moves approval's target, in points, by cause. */
export function approvalTerms(content: Content, r: RegionState, prev: RegionState): Record<string, number> {
  const pol = content.rules.politics;
  let gap = 0;
  for (const k in r.gap) gap += r.gap[k];
  const ownTariffs = avgOtherTariff(r) - r.ref.otherTariff;
  void prev;
  return {
    growth: pol.growthWeight * 100 * gap,
    jobs: r.ref.autoProduction > 0 ? pol.jobsWeight * 100 * (r.last.autoProduction / (r.ref.autoProduction * (r.potential / r.ref.potential)) - 1) : 0,
    prices: -pol.priceWeight * 100 * (r.last.carPriceIndex / r.ref.carPriceIndex - 1),
    environment: -pol.environmentWeight * (r.pollution - r.ref.pollution),
    security: pol.securityWeight * (r.security - r.ref.security),
    tariffs: -pol.tariffPainWeight * Math.max(0, ownTariffs),
    seabed: seabedApproval(content, r),
  };
}

function avgOtherTariff(r: RegionState): number {
  let s = 0;
  for (const p of REGIONS) s += r.policies.tariffs[p].other;
  return s / (REGIONS.length - 1);
}
export function avgOtherTariffOf(r: Pick<RegionState, 'policies'>): number {
  return avgOtherTariff(r as RegionState);
}

export function initialTension(content: Content, a: RegionId, b: RegionId): number {
  for (const t of content.scenario.tension) if ((t.a === a && t.b === b) || (t.a === b && t.b === a)) return t.value;
  return content.scenario.baselineTension;
}

/** Trade in other goods this turn: flows, each region's exports, imports and tariff revenue on them. */
function otherGoodsTrade(x: EconomyInput) {
  const { content, dv, state, R, q } = x;
  const trade = content.rules.trade;
  const ot: number[][] = [];
  const X = [0, 0, 0, 0, 0, 0];
  const Mi = [0, 0, 0, 0, 0, 0];
  const Xref = [0, 0, 0, 0, 0, 0];
  const Mref = [0, 0, 0, 0, 0, 0];
  const tariffRevenue = [0, 0, 0, 0, 0, 0];
  const revenueRef = [0, 0, 0, 0, 0, 0];
  const ref: number[][] = [];
  for (let s = 0; s < NR; s++) {
    ot.push([0, 0, 0, 0, 0, 0]);
    ref.push([0, 0, 0, 0, 0, 0]);
    for (let d = 0; d < NR; d++) {
      if (s === d) continue;
      const sid = REGIONS[s];
      const did = REGIONS[d];
      const tar = R[did].policies.tariffs[sid].other / 100;
      const tar0 = dv.otherTariff0[d][s];
      const growth = R[did].potential / R[did].ref.potential;
      const excess = sid !== 'ROW' && did !== 'ROW' ? state.tension[sid][did] - dv.tension0[s][d] : 0;
      const target = otherTradeTarget(dv.otherBase[s][d], tar, tar0, trade.otherSigma, growth, excess, trade.tensionTradeDrag);
      const prev = state.otherTrade[sid][did];
      const v = prev + trade.otherAdjustSpeed * q * (target - prev);
      ot[s][d] = v;
      X[s] += v;
      Mi[d] += v;
      tariffRevenue[d] += v * tar;
      // the same flow on the path with no policy changed: it grows with the buyer's demand, with the same lag. The
      // output gap counts trade against this path, so a status-quo game does not drift (exports grow with partners'
      // demand, not with the exporter's own growth)
      const prevRef = state.otherTradeRef[sid][did];
      const r = prevRef + trade.otherAdjustSpeed * q * (dv.otherBase[s][d] * growth - prevRef);
      ref[s][d] = r;
      Xref[s] += r;
      Mref[d] += r;
      revenueRef[d] += r * tar0;
    }
  }
  return { X, Mi, Xref, Mref, tariffRevenue, revenueRef, ot, ref };
}

interface TurnTrade {
  carFlows: GameState['carFlows'];
  built: number[];
  X: number[];
  Mi: number[];
  Xref: number[];
  Mref: number[];
  tariffRevenue: number[];
  /** tariff revenue on other goods on the no-policy path, USD bn / yr */
  revenueRef: number[];
  flows: ReturnType<typeof dealInvestmentFlows>;
}

/** One region's GDP by cause, environment, defence capability and the figures it sees next turn. Kept apart from
 * economyStep (as are the trade and tension steps) so V8 compiles several middling functions, not one huge one. */
function regionStep(x: EconomyInput, i: number, tt: TurnTrade): void {
  const { content, state, R, chain, chainIn, cars, prices, q, instant } = x;
  const { carFlows, built, X, Mi, Xref, Mref, tariffRevenue, revenueRef, flows } = tt;
  const frac = q / 4;
  const M = content.rules.macro;
  const sec = content.rules.security;
  const a = content.goods.autos;
  const id = REGIONS[i];
  const r = R[id];
  const spec = content.countries.regions[id];
  // pledged investment moves capital from the source to the host: the host's capacity to produce rises, the
  // source's falls by as much, and neither gets a demand boost from it (a swap of equal pledges changes nothing)
  const isC0 = id !== 'ROW';
  const netCapital = isC0 ? flows.inflow[id as CountryId] - flows.outflow[id as CountryId] : 0;
  r.potential = state.regions[id].potential * pow(1 + spec.trendGrowth, frac) + M.capitalReturn * netCapital;
  const growth = r.potential / r.ref.potential;
  const P = r.potential;
  const prodRef = r.ref.autoProduction * growth;
  const carRevenue = carTariffRevenue(carFlows, r, i, a.exportValueUsd, q);
  tariffRevenue[i] += carRevenue;
  let spend = 0;
  for (const p of x.projects) {
    if (p.host !== id || p.status !== 'building') continue;
    const t = knownProjectType(content, p.type);
    spend += p.mud ? mudSpendRate(content, p) : (p.costUsdBn / Math.max(1, t.leadQuarters)) * 4;
  }
  const rv = reValue(content, i, chainIn, chain, prices, q);
  let shock = (state.regions[id].gap.shocks ?? 0) * pow(M.gapPersistence, q);
  for (const e of instant) if (e.effect.kind === 'gdpShock' && e.effect.country === id) shock += e.effect.pct / 100;
  r.gap = {
    autos: (((built[i] - prodRef) * a.exportValueUsd * a.valueAddedShare * (4 / q)) / 1e9) / P,
    // exports against their no-policy path move demand; imports do not (cutting them is no gain): a change in
    // the share of spending that stays at home moves real income by the ACR formula, lambda-hat^(-1/theta)
    trade: (M.exportMultiplier * (X[i] - Xref[i])) / P,
    // the home share of gross spending (value added plus imports), kept away from 0
    gainsFromTrade: pow(Math.max(0.05, 1 - Mi[i] / (P + Mi[i])) / Math.max(0.05, 1 - Mref[i] / (P + Mref[i])), -1 / M.tradeElasticity) - 1,
    magnets: -M.magnetDependentShare * (1 - chain.civilRatio[i]),
    rareEarths: (M.reSectorValueShare * (rv - r.ref.reValue * growth)) / P,
    investment: (M.investmentMultiplier * spend) / P,
    // defence spending: a demand impulse from each change in spending that fades within about two years, and a
    // lasting cost of the taxes or debt that pay for spending above the starting level (no free lunch)
    defense: (state.regions[id].gap.defense ?? 0) * pow(M.defenseFade, q) + (M.defenseMultiplier * (r.policies.defensePct - state.regions[id].policies.defensePct)) / 100,
    // the excess burden of the taxes grows with their square (Harberger): the cost per unit of extra spending
    // doubles when the extra reaches defenseTaxDoubling of GDP
    defenseTaxes: -M.defenseTaxDrag * defenseExtra(r) * (1 + Math.max(0, defenseExtra(r)) / M.defenseTaxDoubling),
    // the deadweight cost of car tariffs (other goods' are in the gains from trade)
    tariffs: (-M.tariffDeadweight * (carRevenue - r.ref.tariffRevenue * growth)) / P,
    shocks: shock,
  };
  let gap = 0;
  for (const k in r.gap) gap += r.gap[k];
  r.gdp = P * (1 + gap);
  // public debt, % of GDP, against its starting ratio: the debt-financed share of defence above its starting level
  // adds to it, tariff revenue above the no-policy path takes from it, and debt above the start is paid down at the
  // fiscal reaction rate (Bohn 1998). Debt above the start shrinks the programme budget (policy.ts, fiscalRoom).
  const F = content.rules.fiscal;
  const deficit = (F.defenseDebtShare * (r.policies.defensePct - r.ref.defensePct) * r.gdp) / 100 - (tariffRevenue[i] - revenueRef[i] - r.ref.tariffRevenue * growth);
  const d0 = state.regions[id].debt;
  r.debt = d0 + frac * ((100 * deficit) / r.gdp - F.consolidation * Math.max(0, d0 - r.ref.debt));
  // environment
  const mud = r.mudReo * frac * chain.mineUse[i];
  const mined = chainIn.minedReo[i] * chain.mineUse[i];
  let env = 0;
  for (const p of x.projects) if (p.host === id && p.status === 'done') env += knownProjectType(content, p.type).envPerQuarter * q * 0.1;
  for (const e of instant) if (e.effect.kind === 'pollution' && e.effect.region === id) env += e.effect.delta;
  r.pollution = r.pollution * pow(1 - content.rules.environment.decay, q) + pollutionAdded(content, mined, chain.refined.light[i] + chain.refined.heavy[i], mud, r.gdp) + env;
  r.seabed += (content.rules.environment.perKtSeabed * mud) / 1000;
  // defense capability: new capability needs heavy-rare-earth magnets
  const defSpend = (r.policies.defensePct / 100) * r.gdp * frac;
  r.capability = r.capability * (1 - sec.depreciation * q) + defSpend * sec.capabilityPerUsdBn * (1 - sec.heavyMagnetNeed * (1 - chain.defenseRatio[i]));
  // results visible next turn
  const mk = chain.markets;
  const imp = (s: number) =>
    s === i ? 0 : mk['ore.light'].flows[s][i] + mk['ore.heavy'].flows[s][i] + mk['oxide.light'].flows[s][i] + mk['oxide.heavy'].flows[s][i] + mk.magnet.flows[s][i] * content.goods.magnetRecipe.light;
  let impTotal = 0;
  for (let s = 0; s < NR; s++) impTotal += imp(s);
  const importShareFrom = regionRecord((_, s) => (impTotal > 0 ? imp(s) / impTotal : 0));
  const need = chain.magnetNeed[i];
  // magnets obtained by origin, transshipped ones counted at their origin
  const sources = regionRecord((_, s) => {
    let t = mk.magnet.flows[s][i];
    for (const [a, , b, v] of mk.magnet.transship) if (a === s && b === i) t += v;
    return need > 0 ? t / need : 0;
  });
  const autoExports = regionRecord((_, d) => (d === i ? 0 : carFlows[id][REGIONS[d]]));
  const carPlan = regionRecord((_, d) => cars.plan[i][d]);
  r.carShares = regionRecord((_, o) => cars.shares[i][o]);
  r.last = {
    autoProduction: built[i],
    autoExports,
    magnetSupplyRatio: chain.magnetRatio[i],
    magnetNeed: need,
    importShareFrom,
    mined: chainIn.minedReo[i] * chain.mineUse[i],
    refined: chain.refined.light[i] + chain.refined.heavy[i],
    magnetsMade: chain.magnetsMade[i],
    carPriceIndex: cars.priceIndex[i],
    defenseSpendUsdBn: defSpend,
    investmentUsdBn: (spend * q) / 4,
    objective: 0,
    magnetSources: sources,
    magnetInvDraw: need > 0 ? (state.regions[id].inventory.magnet - r.inventory.magnet) / need : 0,
    carPlan,
    carMagnetFactor: chain.civilRatio[i],
    carMarket: cars.market[i],
    reValue: rv,
    defenseRatio: chain.defenseRatio[i],
    supplyRisk: supplyRisk({ content, markets: mk, policies: (o) => R[REGIONS[o]].policies, recycled: chainIn.recycled.light[i] + chainIn.recycled.heavy[i], thrift: r.thrift }, i),
  };
}

/** Tension between each pair of countries after this turn's policies, deals, events and breaches. */
function tensionStep(x: EconomyInput): GameState['tension'] {
  const { content, state, R, q, instant } = x;
  const tension = {} as GameState['tension'];
  for (const c of COUNTRIES) tension[c] = { ...state.tension[c] };
  const dip = content.rules.diplomacy;
  for (let ai = 0; ai < COUNTRIES.length; ai++) {
    for (let bi = ai + 1; bi < COUNTRIES.length; bi++) {
      const A = COUNTRIES[ai];
      const B = COUNTRIES[bi];
      const rivals = content.countries.regions[A].rivals.includes(B) || content.countries.regions[B].rivals.includes(A);
      let target = state.tensionBase[A][B] + tensionPolicyTerm(content, R[A].policies, R[B].policies, A, B, R[A].ref.defensePct, R[B].ref.defensePct, rivals);
      for (const d of x.deals) if (d.status === 'active' && ((d.from === A && d.to === B) || (d.from === B && d.to === A))) target -= dip.dealRelief;
      let t = state.tension[A][B] + dip.tensionDecay * q * (target - state.tension[A][B]);
      for (const e of instant) if (e.effect.kind === 'tension' && ((e.effect.a === A && e.effect.b === B) || (e.effect.a === B && e.effect.b === A))) t += e.effect.delta;
      for (const br of x.breaches) if ((br.breaker === A && br.victim === B) || (br.breaker === B && br.victim === A)) t += dip.breachTension;
      t = Math.min(100, Math.max(0, t));
      tension[A][B] = t;
      tension[B][A] = t;
    }
  }
  return tension;
}
