// Last turn's market as rows of the chain's inputs: prices, producers' prices, expectations, flows, calibration,
// distrust and hoarding, read from the state's keyed records once a turn (supply.ts builds the rest).
import { REGIONS, STAGES, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { RegionState } from './state.ts';
import type { SupplyContext } from './supply.ts';
import type { ChainInput } from './market/chain.ts';
import { NR } from './market/spe.ts';

const NS = STAGES.length;

/** A row of NR numbers, every one to be written: a literal of doubles is packed and sized, no growing by push. */
export function row(): number[] {
  return [NaN, NaN, NaN, NaN, NaN, NaN];
}
if (NR !== 6) throw new Error(`supply-inputs.ts: row() and rows() are written for 6 regions, not ${NR}`);

/** A record's values in REGIONS order into `r`, or `base` in every region when there is no record. */
function regionRowInto(rec: Record<RegionId, number> | undefined, base: number, r: number[]): void {
  if (rec) valuesInto(rec, r);
  else for (let i = 0; i < NR; i++) r[i] = base;
}

/** Zeros into a row of NR numbers (a loop V8 inlines, not fill's builtin call). */
export function zeroRow(r: number[]): void {
  for (let i = 0; i < NR; i++) r[i] = 0;
}
/** A row of NR numbers into `r`. */
export function copyInto(src: number[], r: number[]): void {
  for (let i = 0; i < NR; i++) r[i] = src[i];
}

/** A record's values in REGIONS order (the record must be there) into `r`, read by name. */
function valuesInto(rec: Record<RegionId, number>, r: number[]): void {
  r[0] = rec.AUS;
  r[1] = rec.CHN;
  r[2] = rec.JPN;
  r[3] = rec.MYS;
  r[4] = rec.ROW;
  r[5] = rec.USA;
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('supply-inputs.ts: valuesInto is written for the regions AUS CHN JPN MYS ROW USA');

/** NR rows of NR numbers, every one to be written. */
export function rows(): number[][] {
  return [row(), row(), row(), row(), row(), row()];
}
/** A row by stage, a literal in STAGES order, every number to be written. */
export function stageRows(): Record<StageKey, number[]> {
  return { 'ore.light': row(), 'ore.heavy': row(), 'oxide.light': row(), 'oxide.heavy': row(), magnet: row() };
}
/** NR rows by stage, a literal in STAGES order, every number to be written. */
export function stageMatrices(): Record<StageKey, number[][]> {
  return { 'ore.light': rows(), 'ore.heavy': rows(), 'oxide.light': rows(), 'oxide.heavy': rows(), magnet: rows() };
}

/** regionRowInto by stage, each stage's base its 2024 price; `recs` undefined: base prices throughout. Each stage read
 * by name. */
function stageRowsInto(content: Content, recs: Record<StageKey, Record<RegionId, number>> | undefined, out: Record<StageKey, number[]>): void {
  const M = content.goods.markets;
  regionRowInto(recs?.['ore.light'], M['ore.light'].basePrice, out['ore.light']);
  regionRowInto(recs?.['ore.heavy'], M['ore.heavy'].basePrice, out['ore.heavy']);
  regionRowInto(recs?.['oxide.light'], M['oxide.light'].basePrice, out['oxide.light']);
  regionRowInto(recs?.['oxide.heavy'], M['oxide.heavy'].basePrice, out['oxide.heavy']);
  regionRowInto(recs?.magnet, M.magnet.basePrice, out.magnet);
}

/** A region-by-region record (one stage's flows [from][to], the distrust [buyer][seller]) into rows. */
function recordRowsInto(fs: Record<RegionId, Record<RegionId, number>>, out: number[][]): void {
  valuesInto(fs.AUS, out[0]);
  valuesInto(fs.CHN, out[1]);
  valuesInto(fs.JPN, out[2]);
  valuesInto(fs.MYS, out[3]);
  valuesInto(fs.ROW, out[4]);
  valuesInto(fs.USA, out[5]);
}
function zeroRows(out: number[][]): void {
  for (let a = 0; a < NR; a++) zeroRow(out[a]);
}

/** Last turn's flows as rows [stage][from][to] (zeros without flows): the record read once, a row at a time (each
 * hot loop after this reads arrays, not three levels of keyed records). */
function lastFlowsInto(x: SupplyContext, out: Record<StageKey, number[][]>): void {
  const f = x.flows;
  if (!f) {
    zeroRows(out['ore.light']);
    zeroRows(out['ore.heavy']);
    zeroRows(out['oxide.light']);
    zeroRows(out['oxide.heavy']);
    zeroRows(out.magnet);
    return;
  }
  recordRowsInto(f['ore.light'], out['ore.light']);
  recordRowsInto(f['ore.heavy'], out['ore.heavy']);
  recordRowsInto(f['oxide.light'], out['oxide.light']);
  recordRowsInto(f['oxide.heavy'], out['oxide.heavy']);
  recordRowsInto(f.magnet, out.magnet);
}

/** Last turn's prices and flows (the warm start), expectations, calibration, distrust and hoarding, as rows, into the
 * chain input `t` (its rows are written, every number; buildChainInput writes the rest). */
export function marketInputsInto(x: SupplyContext, t: ChainInput): void {
  const { content, market } = x;
  lastFlowsInto(x, t.lastFlows);
  const bu = market.baseUse;
  const baseUse = t.baseUse;
  valuesInto(bu['ore.light'], baseUse['ore.light']);
  valuesInto(bu['ore.heavy'], baseUse['ore.heavy']);
  valuesInto(bu['oxide.light'], baseUse['oxide.light']);
  valuesInto(bu['oxide.heavy'], baseUse['oxide.heavy']);
  valuesInto(bu.magnet, baseUse.magnet);
  recordRowsInto(market.distrust, t.distrust);
  stageRowsInto(content, x.prices, t.lastPrice);
  stageRowsInto(content, market.producerPrice, t.lastProducerPrice);
  t.lastTransship = market.transship;
  stageRowsInto(content, market.expPrice, t.expPrice);
  hoardingInto(x, t.lastFlows, t.hoard);
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply-inputs.ts: stageRowsInto, lastFlowsInto and marketInputsInto are written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** A stage's entry of a record by stage, by the stage's index in STAGES (a load by name, not by a stage variable). */
function atStage<T>(rec: Record<StageKey, T>, k: number): T {
  return k === 0 ? rec['ore.light'] : k === 1 ? rec['ore.heavy'] : k === 2 ? rec['oxide.light'] : k === 3 ? rec['oxide.heavy'] : rec.magnet;
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply-inputs.ts: atStage is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** Each region's controls by index, for hoardingInto: written before each use. */
const CONTROLS: RegionState['policies']['controls'][] = [];

/** Precautionary hoarding: importers raise target stocks when a supplier they buy from imposes a control (for a
 * while after it starts) and as tension with a supplier rises (2010-11: Japanese buyers hoarded; Mancheri 2015).
 * `flows` is last turn's flows as rows (lastFlowsInto); `out` written throughout. */
function hoardingInto(x: SupplyContext, flows: Record<StageKey, number[][]>, out: Record<StageKey, number[]>): void {
  const { content, regions } = x;
  const H = content.goods.market.storage;
  for (let k = 0; k < NS; k++) zeroRow(atStage(out, k));
  if (x.open || !x.flows || x.lift?.hoarding) return;
  const tension = x.tension;
  const ctls = CONTROLS;
  for (let a = 0; a < NR; a++) ctls[a] = regions[REGIONS[a]].policies.controls;
  const hq = H.hoardQuarters;
  for (let k = 0; k < NS; k++) {
    const f = atStage(flows, k);
    const o = atStage(out, k);
    for (let d = 0; d < NR; d++) {
      let tot = 0;
      for (let a = 0; a < NR; a++) if (a !== d) tot += f[a][d];
      if (tot <= 0) continue;
      let h = 0;
      const D = REGIONS[d];
      for (let a = 0; a < NR; a++) {
        if (a === d) continue;
        const share = f[a][d] / tot;
        if (share <= 0) continue;
        const A = REGIONS[a];
        const c = atStage(ctls[a][D], k);
        const age = (x.turn - c.sinceTurn) * x.q;
        if (c.level !== 'open' && age < hq) h += share * H.hoardOnControl * (1 - age / hq);
        if (tension && A !== 'ROW' && D !== 'ROW') h += share * H.hoardPerTension * Math.max(0, tension[A][D] - 50);
      }
      o[d] = h;
    }
  }
}
