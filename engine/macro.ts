// After the supply chain: cars built, other-goods trade, GDP by cause, approval by cause, environment, defense, security, tension.
import { COUNTRIES, REGIONS, type CountryId, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { Derived } from './derived.ts';
import type { Deal, GameState, Project, RegionState, Shock } from './state.ts';
import type { ChainInput, ChainResult } from './market/chain.ts';
import type { CarPlan } from './cars.ts';
import { NR } from './market/spe.ts';
import { dealInvestmentFlows } from './deals.ts';
import { objectiveParts, partsInto, sumParts, pollutionAdded, securityIndex, securityInputs } from './economy.ts';
import type { ObjectiveKey } from './economy.ts';
import { independenceFrom, supplyRisks } from './risk.ts';
import { knownProjectType } from './own.ts';
import { mudSpendRate, seabedApproval } from './deepsea.ts';
import { pow } from './detmath.ts';
import { tensionStep } from './tension.ts';
import { rowExcept, rowOf, rowsOf } from './rows.ts';
import { MI, MREF, OT, REF, REVREF, TREV, XREF, X_, otherGoodsTrade } from './othertrade.ts';

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
  /** the objective's parts by country as records (objectiveBy, for the report); false: the objective only */
  parts?: boolean;
}

/** Rare-earth sector value added, USD bn / yr: output at the producers' price less inputs at the buyers' price. */
export function reValue(content: Content, i: number, x: ChainInput, c: ChainResult, prices: GameState['prices'], q: number): number {
  const id = REGIONS[i];
  const rec = content.goods.refiningRecovery;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * x.heavyIntensity;
  const m = c.markets;
  const v =
    c.oreMined.light[i] * m['ore.light'].producerPrice[i] +
    c.oreMined.heavy[i] * m['ore.heavy'].producerPrice[i] +
    c.refined.light[i] * Math.max(0, m['oxide.light'].producerPrice[i] - prices['ore.light'][id] / rec) +
    c.refined.heavy[i] * Math.max(0, m['oxide.heavy'].producerPrice[i] - prices['ore.heavy'][id] / rec) +
    c.magnetsMade[i] * Math.max(0, m.magnet.producerPrice[i] - rL * prices['oxide.light'][id] - rH * prices['oxide.heavy'][id]);
  return (v * 1000 * (4 / q)) / 1e9;
}

if (COUNTRIES.join() !== 'AUS,CHN,JPN,MYS,USA') throw new Error('macro.ts: economyStep writes the objective for the countries AUS, CHN, JPN, MYS, USA in this order');
// scratch of economyStep, every entry written before it is read on every call (nothing carries from one turn, or one
// game, to the next): cars built by origin, the car flows [o * NR + d], each region's supply risk, project spending
// and pollution, output gap, import shares and magnet sources (other-goods trade's are othertrade.ts')
const BUILT = new Float64Array(NR);
const CF = new Float64Array(NR * NR);
const RISK = new Float64Array(NR);
const RECYCLED = new Float64Array(NR);
const THRIFT = new Float64Array(NR);
const SPEND = new Float64Array(NR);
const ENV = new Float64Array(NR);
const GAP = new Float64Array(NR);
const IMP = new Float64Array(NR);
const SRC = new Float64Array(NR);
const REGION_I: Record<string, number> = { AUS: 0, CHN: 1, JPN: 2, MYS: 3, ROW: 4, USA: 5 };
// scratch of the objective's parts when no record of them is kept, every field written by partsInto before it is read
const PARTS: Record<ObjectiveKey, number> = { gdp: 0.5, security: 0.5, approval: 0.5, autoProduction: 0.5, supplySecurity: 0.5, independence: 0.5, environment: 0.5 };

/** regionStep's powers of the content's constants over a turn of q quarters, worked out once per content (the same
 * calls on the same operands, so the same bits): each region's trend growth, the output gap's persistence, the
 * defence impulse's fade and what pollution keeps. */
interface TurnPowers {
  q: number;
  trend: Float64Array;
  gapPersistence: number;
  defenseFade: number;
  pollutionKept: number;
}
const powers = new WeakMap<Content, TurnPowers>();
function turnPowers(content: Content, q: number): TurnPowers {
  let p = powers.get(content);
  if (p && p.q === q) return p;
  const M = content.rules.macro;
  const trend = new Float64Array(NR);
  for (let i = 0; i < NR; i++) trend[i] = pow(1 + content.countries.regions[REGIONS[i]].trendGrowth, q / 4);
  p = { q, trend, gapPersistence: pow(M.gapPersistence, q), defenseFade: pow(M.defenseFade, q), pollutionKept: pow(1 - content.rules.environment.decay, q) };
  powers.set(content, p);
  return p;
}

export function economyStep(x: EconomyInput) {
  const { content, dv, state, R, chain, cars, turn, q, instant } = x;
  const pol = content.rules.politics;
  const sec = content.rules.security;
  // cars built, limited by magnets
  for (let o = 0; o < NR; o++) {
    const plan = cars.plan[o];
    const civil = chain.civilRatio[o];
    let b = 0;
    for (let d = 0; d < NR; d++) {
      const v = plan[d] * civil;
      CF[o * NR + d] = v;
      b += v;
    }
    BUILT[o] = b;
  }
  const carFlows: GameState['carFlows'] = rowsOf(CF);
  otherGoodsTrade(x);
  const otherTrade: GameState['otherTrade'] = rowsOf(OT);
  const otherTradeRef: GameState['otherTrade'] = rowsOf(REF);
  const flows = dealInvestmentFlows(x.deals, turn);
  projectTotals(x);
  // supply risk: every region's at once (the world's supply by origin is the same for each)
  for (let i = 0; i < NR; i++) {
    RECYCLED[i] = x.chainIn.recycled.light[i] + x.chainIn.recycled.heavy[i];
    THRIFT[i] = R[REGIONS[i]].thrift;
  }
  supplyRisks({ content, markets: chain.markets, policies: (o) => R[REGIONS[o]].policies }, RECYCLED, THRIFT, RISK);
  // GDP by cause
  for (let i = 0; i < NR; i++) regionStep(x, i, flows);
  const tension = tensionStep(x);
  for (let i = 0; i < NR; i++) {
    const { own, allies, rivals } = securityInputs(R, dv, tension, i, x.trust);
    R[REGIONS[i]].security = securityIndex(own, allies, rivals, sec.allyWeight);
  }
  // approval, by cause
  // every country's written below, in COUNTRIES order (the keys' order as keyed stores into {} gave it)
  const objective: Record<CountryId, number> = { AUS: 0.5, CHN: 0.5, JPN: 0.5, MYS: 0.5, USA: 0.5 };
  const objectiveBy = {} as Record<CountryId, Record<ObjectiveKey, number>>;
  for (const c of COUNTRIES) {
    const r = R[c];
    const prev = state.regions[c];
    const terms = TERMS;
    termsInto(content, r, GAP[REGION_I[c]], terms);
    // the terms summed in their record's key order (as a for-in over it)
    let target = r.ref.approval;
    target += terms.growth;
    target += terms.jobs;
    target += terms.prices;
    target += terms.environment;
    target += terms.security;
    target += terms.tariffs;
    target += terms.seabed;
    let ap = prev.approval + pol.adjustSpeed * q * (target - prev.approval);
    for (const e of instant) if (e.effect.kind === 'approval' && e.effect.country === c) ap += e.effect.delta;
    r.approval = Math.min(100, Math.max(0, ap));
    // the part of approval growth put there, lagged the same way: the score leaves it out (GDP counts once)
    r.approvalGrowth = prev.approvalGrowth + pol.adjustSpeed * q * (terms.growth - prev.approvalGrowth);
    // the parts as a record only for the report (x.parts false: a batch turn's, summed from scratch)
    if (x.parts === false) {
      partsInto(content, c, r, independenceFrom(content, r.last.supplyRisk), PARTS);
      objective[c] = sumParts(PARTS);
    } else {
      objectiveBy[c] = objectiveParts(content, c, r, independenceFrom(content, r.last.supplyRisk));
      objective[c] = sumParts(objectiveBy[c]);
    }
    r.last.objective = objective[c];
  }
  return { carFlows, otherTrade, otherTradeRef, tension, trust: x.trust, objective, objectiveBy };
}

/** Each region's spending on projects it is building (USD bn / yr) into SPEND and the pollution of its finished
 * projects this turn into ENV, each summed in the projects' order. */
function projectTotals(x: EconomyInput): void {
  const { content, q } = x;
  SPEND.fill(0);
  ENV.fill(0);
  for (const p of x.projects) {
    const h = REGION_I[p.host];
    if (p.status === 'building') {
      const t = knownProjectType(content, p.type);
      SPEND[h] += p.mud ? mudSpendRate(content, p) : (p.costUsdBn / Math.max(1, t.leadQuarters)) * 4;
    } else if (p.status === 'done') ENV[h] += knownProjectType(content, p.type).envPerQuarter * q * 0.1;
  }
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
  let gap = 0;
  for (const k in r.gap) gap += r.gap[k];
  void prev;
  return termsOf(content, r, gap);
}

/** What moves approval's target, in points, by cause (approvalTerms' record). */
type Terms = {
  growth: number;
  jobs: number;
  prices: number;
  environment: number;
  security: number;
  tariffs: number;
  seabed: number;
};

/** approvalTerms given the sum of r.gap over its keys in their order. */
function termsOf(content: Content, r: RegionState, gap: number): Terms {
  const t: Terms = { growth: 0, jobs: 0, prices: 0, environment: 0, security: 0, tariffs: 0, seabed: 0 };
  termsInto(content, r, gap, t);
  return t;
}

/** termsOf into `t`, every field written, in the record's key order. */
function termsInto(content: Content, r: RegionState, gap: number, t: Terms): void {
  const pol = content.rules.politics;
  const ownTariffs = avgOtherTariff(r) - r.ref.otherTariff;
  t.growth = pol.growthWeight * 100 * gap;
  t.jobs = r.ref.autoProduction > 0 ? pol.jobsWeight * 100 * (r.last.autoProduction / (r.ref.autoProduction * (r.potential / r.ref.potential)) - 1) : 0;
  t.prices = -pol.priceWeight * 100 * (r.last.carPriceIndex / r.ref.carPriceIndex - 1);
  t.environment = -pol.environmentWeight * (r.pollution - r.ref.pollution);
  t.security = pol.securityWeight * (r.security - r.ref.security);
  t.tariffs = -pol.tariffPainWeight * Math.max(0, ownTariffs);
  t.seabed = seabedApproval(content, r);
}
// scratch of economyStep's approval: every field written by termsInto before it is read, on every call
const TERMS: Terms = { growth: 0.5, jobs: 0.5, prices: 0.5, environment: 0.5, security: 0.5, tariffs: 0.5, seabed: 0.5 };

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

/** One region's GDP by cause, environment, defence capability and the figures it sees next turn. Kept apart from
 * economyStep (as are the trade and tension steps) so V8 compiles several middling functions, not one huge one.
 * Reads the scratch economyStep filled: BUILT, CF, X_, MI, XREF, MREF, TREV, REVREF, RISK, SPEND, ENV. */
function regionStep(x: EconomyInput, i: number, flows: ReturnType<typeof dealInvestmentFlows>): void {
  const { content, state, R, chain, chainIn, cars, prices, q, instant } = x;
  const frac = q / 4;
  const M = content.rules.macro;
  const sec = content.rules.security;
  const a = content.goods.autos;
  const id = REGIONS[i];
  const r = R[id];
  const was = state.regions[id];
  const pw = turnPowers(content, q);
  // pledged investment moves capital from the source to the host: the host's capacity to produce rises, the
  // source's falls by as much, and neither gets a demand boost from it (a swap of equal pledges changes nothing)
  const isC0 = id !== 'ROW';
  const netCapital = isC0 ? flows.inflow[id as CountryId] - flows.outflow[id as CountryId] : 0;
  r.potential = was.potential * pw.trend[i] + M.capitalReturn * netCapital;
  const growth = r.potential / r.ref.potential;
  const P = r.potential;
  const prodRef = r.ref.autoProduction * growth;
  // carTariffRevenue on the same flows, read from CF
  const tariffs = r.policies.tariffs;
  let carImports = 0;
  for (let o = 0; o < NR; o++) if (o !== i) carImports += (CF[o * NR + i] * tariffs[REGIONS[o]].autos) / 100;
  const carRevenue = (carImports * a.exportValueUsd * (4 / q)) / 1e9;
  TREV[i] += carRevenue;
  const spend = SPEND[i];
  const rv = reValue(content, i, chainIn, chain, prices, q);
  let shock = (was.gap.shocks ?? 0) * pw.gapPersistence;
  for (const e of instant) if (e.effect.kind === 'gdpShock' && e.effect.country === id) shock += e.effect.pct / 100;
  const g = {
    autos: (((BUILT[i] - prodRef) * a.exportValueUsd * a.valueAddedShare * (4 / q)) / 1e9) / P,
    // exports against their no-policy path move demand; imports do not (cutting them is no gain): a change in
    // the share of spending that stays at home moves real income by the ACR formula, lambda-hat^(-1/theta)
    trade: (M.exportMultiplier * (X_[i] - XREF[i])) / P,
    // the home share of gross spending (value added plus imports), kept away from 0
    gainsFromTrade: pow(Math.max(0.05, 1 - MI[i] / (P + MI[i])) / Math.max(0.05, 1 - MREF[i] / (P + MREF[i])), -1 / M.tradeElasticity) - 1,
    magnets: -M.magnetDependentShare * (1 - chain.civilRatio[i]),
    rareEarths: (M.reSectorValueShare * (rv - r.ref.reValue * growth)) / P,
    investment: (M.investmentMultiplier * spend) / P,
    // defence spending: a demand impulse from each change in spending that fades within about two years, and a
    // lasting cost of the taxes or debt that pay for spending above the starting level (no free lunch)
    defense: (was.gap.defense ?? 0) * pw.defenseFade + (M.defenseMultiplier * (r.policies.defensePct - was.policies.defensePct)) / 100,
    // the excess burden of the taxes grows with their square (Harberger): the cost per unit of extra spending
    // doubles when the extra reaches defenseTaxDoubling of GDP
    defenseTaxes: -M.defenseTaxDrag * defenseExtra(r) * (1 + Math.max(0, defenseExtra(r)) / M.defenseTaxDoubling),
    // the deadweight cost of car tariffs (other goods' are in the gains from trade)
    tariffs: (-M.tariffDeadweight * (carRevenue - r.ref.tariffRevenue * growth)) / P,
    shocks: shock,
  };
  r.gap = g;
  // the causes summed in the record's key order (as a for-in over it); approval's growth term reads the sum (GAP)
  let gap = 0;
  gap += g.autos;
  gap += g.trade;
  gap += g.gainsFromTrade;
  gap += g.magnets;
  gap += g.rareEarths;
  gap += g.investment;
  gap += g.defense;
  gap += g.defenseTaxes;
  gap += g.tariffs;
  gap += g.shocks;
  GAP[i] = gap;
  r.gdp = P * (1 + gap);
  // public debt, % of GDP, against its starting ratio: the debt-financed share of defence above its starting level
  // adds to it, tariff revenue above the no-policy path takes from it, and debt above the start is paid down at the
  // fiscal reaction rate (Bohn 1998). Debt above the start shrinks the programme budget (policy.ts, fiscalRoom).
  const F = content.rules.fiscal;
  const deficit = (F.defenseDebtShare * (r.policies.defensePct - r.ref.defensePct) * r.gdp) / 100 - (TREV[i] - REVREF[i] - r.ref.tariffRevenue * growth);
  const d0 = was.debt;
  r.debt = d0 + frac * ((100 * deficit) / r.gdp - F.consolidation * Math.max(0, d0 - r.ref.debt));
  // environment
  const mud = r.mudReo * frac * chain.mineUse[i];
  const mined = chainIn.minedReo[i] * chain.mineUse[i];
  let env = ENV[i];
  for (const e of instant) if (e.effect.kind === 'pollution' && e.effect.region === id) env += e.effect.delta;
  r.pollution = r.pollution * pw.pollutionKept + pollutionAdded(content, mined, chain.refined.light[i] + chain.refined.heavy[i], mud, r.gdp) + env;
  r.seabed += (content.rules.environment.perKtSeabed * mud) / 1000;
  // defense capability: new capability needs heavy-rare-earth magnets
  const defSpend = (r.policies.defensePct / 100) * r.gdp * frac;
  r.capability = r.capability * (1 - sec.depreciation * q) + defSpend * sec.capabilityPerUsdBn * (1 - sec.heavyMagnetNeed * (1 - chain.defenseRatio[i]));
  // results visible next turn
  const mk = chain.markets;
  const oreL = mk['ore.light'].flows;
  const oreH = mk['ore.heavy'].flows;
  const oxL = mk['oxide.light'].flows;
  const oxH = mk['oxide.heavy'].flows;
  const mag = mk.magnet.flows;
  const light = content.goods.magnetRecipe.light;
  let impTotal = 0;
  for (let s = 0; s < NR; s++) IMP[s] = s === i ? 0 : oreL[s][i] + oreH[s][i] + oxL[s][i] + oxH[s][i] + mag[s][i] * light;
  // goods transshipped to us counted at their origin, as supply (below) and the supply risk (risk.ts) count them: the
  // flows are direct arcs only, so Chinese magnets relabelled in Australia were nobody's imports
  addTransshipped(mk['ore.light'].transship, i, 1);
  addTransshipped(mk['ore.heavy'].transship, i, 1);
  addTransshipped(mk['oxide.light'].transship, i, 1);
  addTransshipped(mk['oxide.heavy'].transship, i, 1);
  addTransshipped(mk.magnet.transship, i, light);
  for (let s = 0; s < NR; s++) impTotal += IMP[s];
  for (let s = 0; s < NR; s++) IMP[s] = impTotal > 0 ? IMP[s] / impTotal : 0;
  const importShareFrom = rowOf(IMP, 0);
  const need = chain.magnetNeed[i];
  // magnets obtained by origin, transshipped ones counted at their origin
  for (let s = 0; s < NR; s++) SRC[s] = mag[s][i];
  const ts = mk.magnet.transship;
  for (let k = 0; k < ts.length; k++) if (ts[k][2] === i) SRC[ts[k][0]] += ts[k][3];
  for (let s = 0; s < NR; s++) SRC[s] = need > 0 ? SRC[s] / need : 0;
  const sources = rowOf(SRC, 0);
  const autoExports = rowExcept(CF, i * NR, i);
  const carPlan = rowOf(cars.plan[i], 0);
  r.carShares = rowOf(cars.shares[i], 0);
  r.last = {
    autoProduction: BUILT[i],
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
    magnetInvDraw: need > 0 ? (was.inventory.magnet - r.inventory.magnet) / need : 0,
    carPlan,
    carMagnetFactor: chain.civilRatio[i],
    carMarket: cars.market[i],
    reValue: rv,
    defenseRatio: chain.defenseRatio[i],
    supplyRisk: RISK[i],
  };
}

/** Adds to IMP[origin] the tonnes of one stage transshipped to region `to`, times `weight` (origin != `to`). */
function addTransshipped(ts: readonly (readonly [number, number, number, number])[], to: number, weight: number): void {
  for (let k = 0; k < ts.length; k++) if (ts[k][2] === to && ts[k][0] !== to) IMP[ts[k][0]] += ts[k][3] * weight;
}
