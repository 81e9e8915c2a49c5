// The game state: one plain JSON tree (no classes, Maps or cycles) holding everything, the RNG's state included.
import type { CountryId, RegionId, StageKey, TariffGood, Use, Headline } from './ids.ts';
import type { Commitment, Effect } from './schema.ts';
import type { PriceLedger } from './market/why.ts';
import type { ObjectiveKey } from './economy.ts';

/** The model's version: raised with every change that moves a game's results, so replays, saves, self-play journals
 * and experiment folders of another model are refused, not replayed or mixed in (0.2.0: licences grow with the
 * world's magnet need, docs/MODEL.md S2.5). */
export const ENGINE_VERSION = '0.2.0';

export type ControlLevel = 'open' | 'licensed' | 'banned';
export interface Control {
  level: ControlLevel;
  /** licensed: share of baseVolume that may still go each quarter */
  share: number;
  /** t per quarter flowing to this partner in the quarter before the control was imposed */
  baseVolume: number;
  /** the need a licence is approved against: the world's magnet need in the quarter before the control was imposed,
   * t per quarter (engine/licence.ts); the cap grows and shrinks with the need. 0: a fixed volume (open controls) */
  baseNeed: number;
  sinceTurn: number;
}

export interface Policies {
  /** percent, on imports from each partner */
  tariffs: Record<RegionId, Record<TariffGood, number>>;
  /** on exports to each partner */
  controls: Record<RegionId, Record<StageKey, Control>>;
  defensePct: number;
  /** production quotas on own mines and separators, % of normal capacity (100 if absent: older saves) */
  outputPct?: number;
}

export interface RegionState {
  gdp: number; // USD bn, annual rate
  potential: number; // USD bn, annual rate
  /** output-gap components, fractions of potential GDP, by cause */
  gap: Record<string, number>;
  approval: number;
  miningReo: number; // t REO / yr
  lightFrac: number;
  heavyFrac: number;
  /** deep-sea mud (JPN) mining capacity, t REO / yr, with its own heavy-rich composition */
  mudReo: number;
  refining: { light: number; heavy: number }; // t oxide / yr
  magnetCap: number; // t magnet / yr
  recycling: { light: number; heavy: number }; // t oxide / yr recovered from scrap
  thrift: number; // fraction cut in magnet use per car by research
  inventory: Record<StageKey, number>; // working stocks held by users, t
  stockpile: { light: number; heavy: number }; // national strategic oxide stocks, t
  /** long-run demand adjustment by stage (1 = no adjustment) */
  demandAdj: Record<StageKey, number>;
  magnetUse: Record<Exclude<Use, 'cars'>, number>; // t magnet / yr wanted, before adjustment
  oxideOtherUse: { light: number; heavy: number }; // t / yr
  carDemand: number; // vehicles / yr
  /** Armington shares of this market's car purchases by origin (lagged) */
  carShares: Record<RegionId, number>;
  /** Armington weights calibrated at the start */
  carBias: Record<RegionId, number>;
  evShare: number;
  capability: number; // defense capability stock
  security: number; // 0..100
  pollution: number; // index
  seabed: number; // cumulative seabed damage index
  budget: number; // USD bn available for projects
  /** general government gross debt, % of GDP: defence above its starting level adds to it, tariff revenue above
   * the starting path takes from it, and debt above the start shrinks the programme budget (engine/macro.ts) */
  debt: number;
  /** the part of approval that economic growth put there (lagged as approval is): the score counts GDP once, so
   * its approval objective leaves this out */
  approvalGrowth: number;
  policies: Policies;
  /** last turn's results, visible to views */
  last: RegionResults;
  /** values at the start of the game, the yardsticks of scoring and approval */
  ref: { gdp: number; potential: number; autoProduction: number; carPriceIndex: number; security: number; pollution: number; approval: number; defensePct: number; reValue: number; otherExports: number; otherImports: number; otherTariff: number; tariffRevenue: number; debt: number };
}

export interface RegionResults {
  autoProduction: number; // vehicles this turn
  autoExports: Record<RegionId, number>; // vehicles this turn
  magnetSupplyRatio: number;
  magnetNeed: number; // t this turn
  importShareFrom: Record<RegionId, number>;
  mined: number; // t REO this turn
  refined: number; // t oxide (light+heavy) this turn
  magnetsMade: number; // t this turn
  carPriceIndex: number;
  defenseSpendUsdBn: number; // this turn
  investmentUsdBn: number; // this turn
  objective: number;
  /** magnets obtained by source, as fractions of need (own region = own production), and inventory drawn: for the why ledger */
  magnetSources: Record<RegionId, number>;
  magnetInvDraw: number;
  /** planned car output by destination before magnet limits, vehicles this turn */
  carPlan: Record<RegionId, number>;
  carMagnetFactor: number;
  carMarket: number; // vehicles bought in this market this turn
  reValue: number; // rare-earth sector value, USD bn / yr
  defenseRatio: number;
  /** supply risk of the country's rare-earth sourcing, EU criticality method (engine/risk.ts); 0 = none */
  supplyRisk: number;
}

export interface Project {
  id: string;
  type: string;
  owner: CountryId | 'ROW';
  host: RegionId;
  units: number;
  remainingQuarters: number;
  status: 'building' | 'done' | 'failed';
  startedTurn: number;
  costUsdBn: number;
  private: boolean;
  /** the turn a project with a ramp-up finished (engine/projects.ts, addRamped): the rest of its capacity is still arriving */
  doneTurn?: number;
  /** a deep-sea mud programme's progress through its stages (engine/deepsea.ts); only on deepSeaMud projects */
  mud?: MudProgramme;
}

export interface MudProgramme {
  /** the stage under way or waiting to start, an index into content.projects.deepSea.stages */
  stage: number;
  /** the programme's Beta belief on its performance, updated by every stage's reads */
  alpha: number;
  beta: number;
  /** 1 on a stage's first run, 2 on its first retry, ... */
  attempt: number;
  /** the stage has not started: the budget was short when it was due (it starts when the budget allows) */
  waiting: boolean;
  /** commercial capacity when it came into service, t REO / yr (all units) */
  capacity?: number;
  /** the turn its owner stopped it (an order, stopProgrammes): status 'failed', no capacity */
  stoppedTurn?: number;
}

export interface Offtake {
  from: RegionId;
  to: CountryId;
  stage: StageKey;
  tonnesPerYear: number;
  untilTurn: number;
  source: string;
  /** a stake's offtake from a plant that ramps up: its share of the plant's output, so a share of tonnesPerYear
   * (engine/ramp.ts rampShare) from the turn the plant finished, `doneTurn`, to all of it */
  ramp?: { firstShare: number; quarters: number; doneTurn: number };
}

export interface Deal {
  id: string;
  from: CountryId;
  to: CountryId;
  /** what `from` commits to */
  give: Commitment[];
  /** what `to` commits to */
  get: Commitment[];
  termTurns: number;
  status: 'proposed' | 'active' | 'rejected' | 'expired' | 'broken' | 'completed';
  proposedTurn: number;
  startTurn: number;
  endTurn: number;
  brokenBy?: CountryId;
}

export interface Shock {
  eventId: string;
  effect: Effect;
  turnsLeft: number;
}

export interface GameState {
  engineVersion: string;
  scenarioId: string;
  contentHash: string;
  seed: string;
  /** turns resolved so far (0 at the start) */
  turn: number;
  turns: number;
  quartersPerTurn: number;
  start: string;
  rng: object;
  regions: Record<RegionId, RegionState>;
  /** USD/kg by stage and region; world = weighted price paid outside China */
  prices: Record<StageKey, Record<RegionId, number>>;
  worldPrice: Record<StageKey, number>;
  /** t moved last turn, by stage, from -> to */
  flows: Record<StageKey, Record<RegionId, Record<RegionId, number>>>;
  carFlows: Record<RegionId, Record<RegionId, number>>;
  tension: Record<CountryId, Record<CountryId, number>>;
  trust: Record<CountryId, Record<CountryId, number>>;
  deals: Deal[];
  projects: Project[];
  offtakes: Offtake[];
  shocks: Shock[];
  firedEvents: string[];
  straits: Record<string, 'open' | 'closed'>;
  /** length of each lane in km given the straits open now, and its length with all open */
  lanes: Record<string, { lengthKm: number; baseKm: number; blocked: boolean }>;
  heavyIntensity: number;
  nextId: number;
  /** other goods trade, USD bn / yr, from -> to */
  otherTrade: Record<RegionId, Record<RegionId, number>>;
  /** the same flows on the path with no policy changed (the output gap's yardstick), USD bn / yr */
  otherTradeRef: Record<RegionId, Record<RegionId, number>>;
  /** privately financed capacity under construction (called forth by high prices) */
  pipeline: { due: number; region: RegionId; stage: StageKey; tonnes: number }[];
  /** tension each pair would settle at with no policies in force (derived at the start) */
  tensionBase: Record<CountryId, Record<CountryId, number>>;
  /** tariffWeights[a][b]: the share of each tariff line in what b shipped a at the start (value, summing to 1), the
   * weights of a's trade-weighted mean tariff on b (economy.ts meanTariff); fixed at the start */
  tariffWeights: TariffWeights;
  /** the rare-earth markets' own state (engine/market/) */
  market: MarketState;
  /** the US-China leverage track after the last turn (engine/leverage.ts); absent before the first turn */
  track?: TrackState;
}

/** The share of each tariff line in one country's imports from another at the start, [importer][exporter]. */
export type TariffWeights = Record<CountryId, Record<CountryId, Record<TariffGood, number>>>;

/** The US-China track: each side's stake in escalation, the bargaining balance and the phase (engine/leverage.ts). */
export interface TrackState {
  phase: 'calm' | 'escalation' | 'truce' | 'deal';
  /** the turn the phase began */
  since: number;
  /** shares of the US's rare-earth supply (oxide and magnets, by value) from China and from Japan */
  usFromChina: number;
  usFromJapan: number;
  /** USD bn a year each side would lose in a year of escalation */
  usCost: number;
  chinaCost: number;
  /** (chinaCost - usCost) / (chinaCost + usCost): positive when the US has less to lose */
  usHand: number;
  /** Nash bargaining: tariff points the US would cut on Chinese goods for a truce (0 when China has more to lose) */
  concession: number;
  /** the figures when the US's hand was last in the news */
  reported: { usHand: number; usFromChina: number; usFromJapan: number; usCost: number; chinaCost: number };
}

export interface MarketState {
  /** producers' price by stage and region last turn, USD/kg (buyers' prices are GameState.prices) */
  producerPrice: Record<StageKey, Record<RegionId, number>>;
  /** the price buyers and stock holders expect, by stage and region (adaptive expectations), USD/kg */
  expPrice: Record<StageKey, Record<RegionId, number>>;
  /** origin-tracked transshipment last turn, t, keyed "ORIGIN>VIA>DESTINATION" (sorted keys, zeros left out) */
  transship: Record<StageKey, Record<string, number>>;
  /** the part of it the origin's authorities found (detection rises with volume), same keys: what its agents know */
  detected: Record<StageKey, Record<string, number>>;
  /** output at the 2024 price as a share of capacity, by stage and region: where each supply curve is calibrated */
  baseUse: Record<StageKey, Record<RegionId, number>>;
  /** t of Dy/Tb per t of magnet in magnet stocks */
  magnetHeavy: number;
  /** quarters in a row each region's producers have sold below cash cost (plus input cost), by stage: exits follow */
  underwater: Record<StageKey, Record<RegionId, number>>;
  /** buyers' distrust of each supplier, [buyer][origin], 0..1: rises at once with the supplier's export controls
   * and fades slowly after; it adds a de-risking premium to that supplier's goods (engine/market/after.ts) */
  distrust: Record<RegionId, Record<RegionId, number>>;
  /** the world's magnet need last turn (every region and use, before any shortage), t per quarter: what licences are
   * approved against (Control.baseNeed); absent in states from before it was kept */
  magnetNeed?: number;
}

export interface LedgerEntry {
  cause: string;
  amount: number;
}
export interface HeadlineChange {
  value: number;
  prev: number;
  change: number;
  /** the change split into causes; amounts add up to change */
  causes: LedgerEntry[];
}

/** An order this turn that a deal in force overrode: the policy the order set, and the one the deal held it to. */
/** A policy a deal held elsewhere than the country left it: an order it overrode, or (`standing`) a policy in force
 * that a deal coming into force moved (a tariff above its cap lowered, exports opened, defence raised to its floor). */
export type Overridden = { country: CountryId; deal: string; partner: CountryId; standing?: true } & (
  | { kind: 'tariff'; good: TariffGood; ordered: number; now: number }
  | { kind: 'control'; stage: StageKey; ordered: ControlLevel; now: ControlLevel }
  | { kind: 'defence'; ordered: number; now: number }
);

export interface TurnReport {
  turn: number;
  date: string;
  events: { id: string; title: string; text: string }[];
  news: string[];
  headlines: Record<CountryId, Record<Headline, HeadlineChange>>;
  /** biggest changes across countries, largest first */
  biggest: { country: CountryId; headline: Headline; change: number; relative: number }[];
  objective: Record<CountryId, number>;
  /** the objective split into its weighted parts (gdp, security, approval, ...), summing to objective */
  objectiveBy: Record<CountryId, Record<ObjectiveKey, number>>;
  deals: { id: string; status: Deal['status']; from: CountryId; to: CountryId }[];
  /** material balance this turn (t): inflows = outflows + stock change; used by property tests */
  balance: { light: MaterialBalance; heavy: MaterialBalance };
  /** how each market's equilibrium was found: solver iterations and how exactly the conditions hold
   * (largest complementarity gap as a share of the 2024 price; largest clearing residual as a share of volume) */
  markets: Record<StageKey, { outer: number; newton: number; gap: number; residual: number }>;
  /** each market's price (outside China and in China) split into causes; only when the why ledger is on */
  priceWhy?: PriceLedger;
  /** the orders this turn that a deal in force overrode (a tariff above a deal's cap, an export control a deal keeps
   * open, defence below a deal's floor), each with the deal; only when there are any */
  overridden?: Overridden[];
}

export interface MaterialBalance {
  mined: number;
  recycled: number;
  stockChange: number;
  consumed: number;
  losses: number;
}

export type Uses = Use;
