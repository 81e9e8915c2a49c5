// Last turn's market as arrays for the chain's inputs: prices, producers' prices, expectations, flows, calibration,
// distrust and hoarding, read from the state's keyed records once a turn (supply.ts builds the rest).
import { REGIONS, STAGES, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { RegionState } from './state.ts';
import type { SupplyContext } from './supply.ts';
import { NR } from './market/spe.ts';

const NS = STAGES.length;

/** A row of NR numbers, every one to be written: a literal of doubles is packed and sized, no growing by push. */
export function row(): number[] {
  return [NaN, NaN, NaN, NaN, NaN, NaN];
}
if (NR !== 6) throw new Error(`supply-inputs.ts: row() and zeros() are written for 6 regions, not ${NR}`);

export function zeros(): number[] {
  return [0, 0, 0, 0, 0, 0];
}

/** A record's values in REGIONS order, or `base` in every region when there is no record. */
function regionRow(rec: Record<RegionId, number> | undefined, base: number): number[] {
  if (rec) return valuesOf(rec);
  const r = row();
  for (let i = 0; i < NR; i++) r[i] = base;
  return r;
}

/** A copy of a row of NR numbers (a packed literal, not slice's generic copy). */
export function copyRow(src: number[]): number[] {
  const r = row();
  for (let i = 0; i < NR; i++) r[i] = src[i];
  return r;
}

/** A record's values in REGIONS order (the record must be there), read by name. */
function valuesOf(rec: Record<RegionId, number>): number[] {
  const r = row(); // doubles throughout, as the readers expect (a literal of the values would hold small integers)
  r[0] = rec.AUS;
  r[1] = rec.CHN;
  r[2] = rec.JPN;
  r[3] = rec.MYS;
  r[4] = rec.ROW;
  r[5] = rec.USA;
  return r;
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('supply-inputs.ts: valuesOf is written for the regions AUS CHN JPN MYS ROW USA');

/** A record by stage of regionRow's, each stage's base its 2024 price; `recs` undefined: base prices throughout. A
 * literal in STAGES order, each stage read by name. */
function stageRows(content: Content, recs: Record<StageKey, Record<RegionId, number>> | undefined): Record<StageKey, number[]> {
  const M = content.goods.markets;
  return {
    'ore.light': regionRow(recs?.['ore.light'], M['ore.light'].basePrice),
    'ore.heavy': regionRow(recs?.['ore.heavy'], M['ore.heavy'].basePrice),
    'oxide.light': regionRow(recs?.['oxide.light'], M['oxide.light'].basePrice),
    'oxide.heavy': regionRow(recs?.['oxide.heavy'], M['oxide.heavy'].basePrice),
    magnet: regionRow(recs?.magnet, M.magnet.basePrice),
  };
}

/** One stage's flows [from][to] as arrays. */
function flowRows(fs: Record<RegionId, Record<RegionId, number>>): number[][] {
  return [valuesOf(fs.AUS), valuesOf(fs.CHN), valuesOf(fs.JPN), valuesOf(fs.MYS), valuesOf(fs.ROW), valuesOf(fs.USA)];
}
function zeroRows(): number[][] {
  return [zeros(), zeros(), zeros(), zeros(), zeros(), zeros()];
}

/** Last turn's flows as arrays [stage][from][to] (zeros without flows): the record read once, a row at a time (each
 * hot loop after this reads arrays, not three levels of keyed records). */
function lastFlowsOf(x: SupplyContext): Record<StageKey, number[][]> {
  const f = x.flows;
  if (!f) return { 'ore.light': zeroRows(), 'ore.heavy': zeroRows(), 'oxide.light': zeroRows(), 'oxide.heavy': zeroRows(), magnet: zeroRows() };
  return { 'ore.light': flowRows(f['ore.light']), 'ore.heavy': flowRows(f['ore.heavy']), 'oxide.light': flowRows(f['oxide.light']), 'oxide.heavy': flowRows(f['oxide.heavy']), magnet: flowRows(f.magnet) };
}

/** Last turn's prices and flows (the warm start), expectations, calibration and hoarding, as arrays. */
export function marketInputs(x: SupplyContext) {
  const { content, market } = x;
  const lastFlows = lastFlowsOf(x);
  const bu = market.baseUse;
  const baseUse: Record<StageKey, number[]> = { 'ore.light': valuesOf(bu['ore.light']), 'ore.heavy': valuesOf(bu['ore.heavy']), 'oxide.light': valuesOf(bu['oxide.light']), 'oxide.heavy': valuesOf(bu['oxide.heavy']), magnet: valuesOf(bu.magnet) };
  const di = market.distrust;
  const distrust = [valuesOf(di.AUS), valuesOf(di.CHN), valuesOf(di.JPN), valuesOf(di.MYS), valuesOf(di.ROW), valuesOf(di.USA)];
  return {
    lastPrice: stageRows(content, x.prices),
    lastProducerPrice: stageRows(content, market.producerPrice),
    lastFlows,
    lastTransship: market.transship,
    expPrice: stageRows(content, market.expPrice),
    baseUse,
    hoard: hoarding(x, lastFlows),
    distrust,
  };
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply-inputs.ts: stageRows, lastFlowsOf and marketInputs are written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** A stage's entry of a record by stage, by the stage's index in STAGES (a load by name, not by a stage variable). */
function atStage<T>(rec: Record<StageKey, T>, k: number): T {
  return k === 0 ? rec['ore.light'] : k === 1 ? rec['ore.heavy'] : k === 2 ? rec['oxide.light'] : k === 3 ? rec['oxide.heavy'] : rec.magnet;
}
if (STAGES.join() !== 'ore.light,ore.heavy,oxide.light,oxide.heavy,magnet') throw new Error('supply-inputs.ts: atStage is written for the stages ore.light ore.heavy oxide.light oxide.heavy magnet');

/** Precautionary hoarding: importers raise target stocks when a supplier they buy from imposes a control (for a
 * while after it starts) and as tension with a supplier rises (2010-11: Japanese buyers hoarded; Mancheri 2015).
 * `flows` is last turn's flows as arrays (lastFlowsOf). */
function hoarding(x: SupplyContext, flows: Record<StageKey, number[][]>): Record<StageKey, number[]> {
  const { content, regions } = x;
  const H = content.goods.market.storage;
  // a literal in STAGES order
  const out: Record<StageKey, number[]> = { 'ore.light': zeros(), 'ore.heavy': zeros(), 'oxide.light': zeros(), 'oxide.heavy': zeros(), magnet: zeros() };
  if (x.open || !x.flows || x.lift?.hoarding) return out;
  const tension = x.tension;
  const ctls: RegionState['policies']['controls'][] = [];
  for (let a = 0; a < NR; a++) ctls.push(regions[REGIONS[a]].policies.controls);
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
  return out;
}
