// The chain's inputs and results: plain arrays in REGIONS order (AUS CHN JPN MYS ROW USA).
import type { GoodsFile } from '../schema.ts';
import type { StageKey } from '../ids.ts';
import type { SpeStats } from './spe.ts';

/** Magnet uses, in the order of the magnet market's demand segments. */
export const MAGNET_USES = ['carsEv', 'carsIce', 'defense', 'wind', 'electronics', 'other'] as const;
export type MagnetUse = (typeof MAGNET_USES)[number];

export interface ChainInput {
  goods: GoodsFile;
  /** t REO minable this turn by region at full capacity */
  minedReo: number[];
  /** quarters in this turn */
  q: number;
  /** Dy/Tb per t of magnet made this turn, as a multiple of the recipe (the breakthrough cuts it) */
  heavyIntensity: number;
  /** Dy/Tb per t of magnet held in magnet stocks at the start of the turn, t/t */
  magnetHeavy: number;
  oreOut: { light: number[]; heavy: number[] }; // t this turn
  refCap: { light: number[]; heavy: number[] }; // t this turn (after shocks)
  magCap: number[]; // t this turn (after shocks)
  recycled: { light: number[]; heavy: number[] }; // t this turn
  release: { light: number[]; heavy: number[] }; // stockpile release, t
  purchase: { light: number[]; heavy: number[] }; // stockpile purchase, t
  /** magnet needs this turn by region and use, t */
  magnetNeedByUse: Record<MagnetUse, number[]>;
  oxideOther: { light: number[]; heavy: number[] }; // t this turn
  inv: Record<StageKey, number[]>;
  caps: Record<StageKey, number[][]>;
  reserved: Record<StageKey, number[][]>;
  tariff: Record<StageKey, number[][]>;
  /** extra lane length over the all-open route (a fraction), or a penalty where no sea route exists, s->d */
  laneExtra: number[][];
  /** buyers' distrust of each origin, [buyer][origin], 0..1: a de-risking premium on that origin's goods */
  distrust: number[][];
  /** last turn's buyers' and producers' prices, flows and transshipment: the solver's warm start and planning prices */
  lastPrice: Record<StageKey, number[]>;
  lastProducerPrice: Record<StageKey, number[]>;
  lastFlows: Record<StageKey, number[][]>;
  lastTransship: Record<StageKey, Record<string, number>>;
  /** expected prices (adaptive), by stage and region */
  expPrice: Record<StageKey, number[]>;
  /** output at the 2024 price as a share of capacity (calibrated at the start) */
  baseUse: Record<StageKey, number[]>;
  /** extra target stocks from hoarding, by stage and region (a fraction) */
  hoard: Record<StageKey, number[]>;
  /** plan each stage's run to meet needs (calibration) rather than from each plant's cost curve at expected prices */
  planByNeeds: boolean;
  /** regions whose price was above the rest last turn: their plants plan to run flat out (calibration only) */
  short: { oreLight: boolean[]; oreHeavy: boolean[]; light: boolean[]; heavy: boolean[]; magnet: boolean[] };
}

export interface MarketResult {
  /** buyers' price in each region, USD/kg */
  price: number[];
  /** producers' price in each region, USD/kg */
  producerPrice: number[];
  /** flows[s][d], t, direct; flows[r][r] = own output sold at home */
  flows: number[][];
  /** origin-tracked transshipment: [origin, via, destination, t] */
  transship: [number, number, number, number][];
  /** t each region's buyers obtained (direct + transshipped) */
  received: number[];
  /** t each region's buyers took (uses + stock change + stockpile purchase) */
  demanded: number[];
  /** t each region's producers sold (output, recycling and releases) */
  supplied: number[];
  /** solver iterations; maxGap and maxResidual relative to the reference price and volume */
  stats: SpeStats;
}

export interface ChainResult {
  markets: Record<StageKey, MarketResult>;
  inv: Record<StageKey, number[]>;
  refined: { light: number[]; heavy: number[] };
  magnetsMade: number[];
  magnetNeed: number[];
  magnetUsed: number[];
  magnetRatio: number[];
  defenseRatio: number[];
  civilRatio: number[];
  /** t of each magnet use served, by region */
  useServed: Record<MagnetUse, number[]>;
  toStockpile: { light: number[]; heavy: number[] };
  /** Dy/Tb per t of magnet in stocks at the end of the turn */
  magnetHeavy: number;
  /** material accounting, world totals in t of NdPr and Dy/Tb content */
  consumed: { light: number; heavy: number };
  losses: { light: number; heavy: number };
  /** what users of each stage needed this turn, t (the base for inventory targets) */
  needs: Record<StageKey, number[]>;
  /** fraction of mine capacity used, by region */
  mineUse: number[];
  /** ore actually mined, t of content */
  oreMined: { light: number[]; heavy: number[] };
  /** planned output by stage (before the markets clear), t: the calibration of supply curves at the start */
  planned: Record<StageKey, number[]>;
}

