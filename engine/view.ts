// What one country knows: its own full record and everything public; agents and the UI see views, never the whole state.
import { REGIONS, STAGES, addQuarters, type CountryId, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, RegionState } from './state.ts';
import { newRngState } from './prng.ts';

export type PublicRegion = Omit<RegionState, 'budget' | 'stockpile' | 'inventory'>;

export interface CountryView {
  country: CountryId;
  scenarioId: string;
  turn: number;
  turns: number;
  quartersPerTurn: number;
  start: string;
  /** date of the next turn to be played */
  date: string;
  self: RegionState;
  others: Record<RegionId, PublicRegion>;
  prices: GameState['prices'];
  worldPrice: GameState['worldPrice'];
  flows: GameState['flows'];
  carFlows: GameState['carFlows'];
  tension: GameState['tension'];
  /** the tariff lines' weights in the trade-weighted mean tariff, [importer][exporter], fixed at the start (public) */
  tariffWeights: GameState['tariffWeights'];
  /** this country's trust in each other country */
  trust: Record<CountryId, number>;
  /** deals this country is party to, and every active deal */
  deals: GameState['deals'];
  projects: GameState['projects'];
  offtakes: GameState['offtakes'];
  straits: GameState['straits'];
  lanes: GameState['lanes'];
  shocks: { eventId: string; turnsLeft: number }[];
  heavyIntensity: number;
  /** the markets' public state: producers' prices, expectations, transshipment seen last turn */
  market: GameState['market'];
  /** the US-China leverage track (engine/leverage.ts), public */
  track?: GameState['track'];
}

/** `shared`: public records of this state's regions already made for another country's view of it, filled as they are
 * made (several views of one state made together share them: collectOrders, rollouts); none, each view its own. */
export function viewFor(state: GameState, country: CountryId, shared?: Partial<Record<RegionId, PublicRegion>>): CountryView {
  const others = othersOf(state, country, shared);
  // the deals this country sees, by an index loop (the same elements in the same order as filter): the state's own
  // list when it sees every one (a view shares the state's lists, as it does its projects)
  const all = state.deals;
  let seen = 0;
  for (let i = 0; i < all.length; i++) {
    const d = all[i];
    if (d.from === country || d.to === country || d.status === 'active') seen++;
  }
  let deals: GameState['deals'] = all;
  if (seen < all.length) {
    deals = [];
    for (let i = 0; i < all.length; i++) {
      const d = all[i];
      if (d.from === country || d.to === country || d.status === 'active') deals.push(d);
    }
  }
  const shocks = publicShocks(state.shocks);
  const date = dateOf(state.start, state.turn * state.quartersPerTurn);
  const view: CountryView = {
    country,
    scenarioId: state.scenarioId,
    turn: state.turn,
    turns: state.turns,
    quartersPerTurn: state.quartersPerTurn,
    start: state.start,
    date,
    self: state.regions[country],
    others,
    prices: state.prices,
    worldPrice: state.worldPrice,
    flows: state.flows,
    carFlows: state.carFlows,
    tension: state.tension,
    tariffWeights: state.tariffWeights,
    trust: state.trust[country],
    deals,
    projects: state.projects,
    offtakes: state.offtakes,
    straits: state.straits,
    lanes: state.lanes,
    shocks,
    heavyIntensity: state.heavyIntensity,
    market: state.market,
  };
  // the track last, when there is one (the opening has none)
  if (state.track) view.track = state.track;
  return view;
}

/** The other regions' public records, a literal per country with the keys in REGIONS order (as keyed stores into {}
 * gave them, without the fifth key's property store); `shared` as viewFor's. */
function othersOf(state: GameState, country: CountryId, shared: Partial<Record<RegionId, PublicRegion>> | undefined): Record<RegionId, PublicRegion> {
  const R = state.regions;
  const S = shared;
  switch (country) {
    case 'AUS':
      return { CHN: pub(R, S, 'CHN'), JPN: pub(R, S, 'JPN'), MYS: pub(R, S, 'MYS'), ROW: pub(R, S, 'ROW'), USA: pub(R, S, 'USA') } as Record<RegionId, PublicRegion>;
    case 'CHN':
      return { AUS: pub(R, S, 'AUS'), JPN: pub(R, S, 'JPN'), MYS: pub(R, S, 'MYS'), ROW: pub(R, S, 'ROW'), USA: pub(R, S, 'USA') } as Record<RegionId, PublicRegion>;
    case 'JPN':
      return { AUS: pub(R, S, 'AUS'), CHN: pub(R, S, 'CHN'), MYS: pub(R, S, 'MYS'), ROW: pub(R, S, 'ROW'), USA: pub(R, S, 'USA') } as Record<RegionId, PublicRegion>;
    case 'MYS':
      return { AUS: pub(R, S, 'AUS'), CHN: pub(R, S, 'CHN'), JPN: pub(R, S, 'JPN'), ROW: pub(R, S, 'ROW'), USA: pub(R, S, 'USA') } as Record<RegionId, PublicRegion>;
    case 'USA':
      return { AUS: pub(R, S, 'AUS'), CHN: pub(R, S, 'CHN'), JPN: pub(R, S, 'JPN'), MYS: pub(R, S, 'MYS'), ROW: pub(R, S, 'ROW') } as Record<RegionId, PublicRegion>;
    default:
      return othersByLoop(R, S, country);
  }
}
/** othersOf for any other country a caller names: keyed stores in REGIONS order. */
function othersByLoop(R: GameState['regions'], S: Partial<Record<RegionId, PublicRegion>> | undefined, country: string): Record<RegionId, PublicRegion> {
  const others = {} as Record<RegionId, PublicRegion>;
  for (const r of REGIONS) if (r !== country) others[r] = pub(R, S, r);
  return others;
}
/** Region r's public record: the one in `shared`, made and put there when there is none; without `shared`, a new one. */
function pub(R: GameState['regions'], shared: Partial<Record<RegionId, PublicRegion>> | undefined, r: RegionId): PublicRegion {
  return shared ? (shared[r] ??= publicRegion(R[r])) : publicRegion(R[r]);
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('view.ts: othersOf is written for the regions AUS CHN JPN MYS ROW USA');

/** The running shocks as others see them (event and turns left), the same list for every view of one state's shocks:
 * the last list's kept (several views of a state are made together), when it still says what the shocks do (a host
 * may change a state's list in place before its first turn). */
let shocksOf: GameState['shocks'] | null = null;
let shocksSeen: CountryView['shocks'] = [];
function publicShocks(list: GameState['shocks']): CountryView['shocks'] {
  if (list === shocksOf && sameShocks(list, shocksSeen)) return shocksSeen;
  const out: CountryView['shocks'] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = { eventId: list[i].eventId, turnsLeft: list[i].turnsLeft };
  shocksOf = list;
  shocksSeen = out;
  return out;
}
function sameShocks(list: GameState['shocks'], seen: CountryView['shocks']): boolean {
  if (list.length !== seen.length) return false;
  for (let i = 0; i < list.length; i++) if (list[i].eventId !== seen[i].eventId || list[i].turnsLeft !== seen[i].turnsLeft) return false;
  return true;
}

/** addQuarters(start, n), kept per start and n: a view's date, the same string for every view of a turn. */
const dates = new Map<string, string[]>();
function dateOf(start: string, n: number): string {
  let byN = dates.get(start);
  if (!byN) {
    if (dates.size > 64) dates.clear();
    dates.set(start, (byN = []));
  }
  if (!Number.isInteger(n) || n < 0 || n > 4096) return addQuarters(start, n);
  return (byN[n] ??= addQuarters(start, n));
}

/** What others see of a region record, in the order the engine writes the keys (init.ts, then cloneRegion each turn). */
const PUBLIC_KEYS = ['gdp', 'potential', 'gap', 'approval', 'miningReo', 'lightFrac', 'heavyFrac', 'mudReo', 'refining', 'magnetCap', 'recycling', 'thrift', 'demandAdj', 'magnetUse', 'oxideOtherUse', 'carDemand', 'carShares', 'carBias', 'evShare', 'capability', 'security', 'pollution', 'seabed', 'debt', 'approvalGrowth', 'policies', 'last', 'ref'];

const isPrivate = (k: string) => k === 'budget' || k === 'stockpile' || k === 'inventory';

/** Whether the record's keys other than the private ones are PUBLIC_KEYS, in that order (the engine's records, and a
 * belief state's, which puts the private ones last). Read by for-in, which lists a plain JSON record's own keys in
 * Object.keys order without building the array. */
function publicKeysInOrder(r: RegionState): boolean {
  let j = 0;
  for (const k in r) {
    if (k === 'budget' || k === 'stockpile' || k === 'inventory') continue;
    if (k !== PUBLIC_KEYS[j]) return false;
    j++;
  }
  return j === PUBLIC_KEYS.length;
}

/** A region's record without what only its own government sees: every other key, in the record's order, as
 * `const { budget, stockpile, inventory, ...pub } = r` gives it (V8 runs that rest copy in its runtime, several times
 * slower). A record whose public keys are the engine's, in the engine's order, is copied by one literal; any other
 * (one a host built) by a key loop (the state is a plain JSON tree: its keys are its own enumerable ones). */
export function publicRegion(r: RegionState): PublicRegion {
  if (publicKeysInOrder(r))
    return {
      gdp: r.gdp,
      potential: r.potential,
      gap: r.gap,
      approval: r.approval,
      miningReo: r.miningReo,
      lightFrac: r.lightFrac,
      heavyFrac: r.heavyFrac,
      mudReo: r.mudReo,
      refining: r.refining,
      magnetCap: r.magnetCap,
      recycling: r.recycling,
      thrift: r.thrift,
      demandAdj: r.demandAdj,
      magnetUse: r.magnetUse,
      oxideOtherUse: r.oxideOtherUse,
      carDemand: r.carDemand,
      carShares: r.carShares,
      carBias: r.carBias,
      evShare: r.evShare,
      capability: r.capability,
      security: r.security,
      pollution: r.pollution,
      seabed: r.seabed,
      debt: r.debt,
      approvalGrowth: r.approvalGrowth,
      policies: r.policies,
      last: r.last,
      ref: r.ref,
    };
  const pub: Record<string, unknown> = {};
  for (const k in r) if (!isPrivate(k)) pub[k] = r[k as keyof RegionState];
  return pub as PublicRegion;
}

/**
 * A full state built from a view, with what the country cannot see filled by estimates:
 * others' budgets and stockpiles are taken as empty, their stocks as normal working levels, the RNG as fresh.
 * The planner rolls this forward to test its options.
 */
export function beliefState(content: Content, view: CountryView, rngSeed: string): GameState {
  const regions = {} as Record<RegionId, RegionState>;
  const q = view.quartersPerTurn;
  const rL = content.goods.magnetRecipe.light;
  for (const r of REGIONS) {
    if (r === view.country) {
      regions[r] = view.self;
      continue;
    }
    const o = view.others[r];
    const w = (s: (typeof STAGES)[number]) => content.goods.markets[s].inventoryWeeks / (13 * q);
    regions[r] = {
      ...o,
      budget: 0,
      stockpile: { light: 0, heavy: 0 },
      inventory: {
        'ore.light': (o.last.refined / content.goods.refiningRecovery) * w('ore.light'),
        'ore.heavy': 0,
        'oxide.light': o.last.magnetsMade * rL * w('oxide.light'),
        'oxide.heavy': 0,
        magnet: o.last.magnetNeed * w('magnet'),
      },
    };
  }
  const tensionBase = {} as GameState['tensionBase'];
  for (const a of Object.keys(view.tension) as CountryId[]) tensionBase[a] = { ...view.tension[a] };
  return {
    engineVersion: 'belief',
    scenarioId: view.scenarioId,
    contentHash: content.hash,
    seed: rngSeed,
    turn: view.turn,
    turns: view.turns,
    quartersPerTurn: q,
    start: view.start,
    rng: newRngState(rngSeed),
    regions,
    prices: view.prices,
    worldPrice: view.worldPrice,
    flows: view.flows,
    carFlows: view.carFlows,
    tension: view.tension,
    trust: Object.fromEntries(Object.keys(view.tension).map((a) => [a, Object.fromEntries(Object.keys(view.tension).map((b) => [b, a === view.country ? view.trust[b as CountryId] : content.countries.regions[a as CountryId].allies.includes(b as CountryId) ? content.rules.diplomacy.allyTrust : 50]))])) as GameState['trust'], // others' trust unseen: each pair's usual level
    deals: view.deals,
    projects: view.projects,
    offtakes: view.offtakes,
    shocks: [],
    firedEvents: [],
    straits: view.straits,
    lanes: view.lanes,
    heavyIntensity: view.heavyIntensity,
    nextId: 1_000_000,
    otherTrade: estimateOtherTrade(content),
    otherTradeRef: estimateOtherTrade(content),
    pipeline: [],
    tensionBase,
    tariffWeights: view.tariffWeights,
    market: view.market,
    ...(view.track ? { track: view.track } : {}),
  };
}

function estimateOtherTrade(content: Content): GameState['otherTrade'] {
  const out = {} as GameState['otherTrade'];
  for (const s of REGIONS) {
    out[s] = {} as Record<RegionId, number>;
    for (const d of REGIONS) out[s][d] = s === d ? 0 : (content.countries.regions[s].otherExports[d] ?? 0);
  }
  return out;
}
