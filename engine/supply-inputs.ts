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

/** A record by stage of regionRow's, each stage's base its 2024 price; `recs` undefined: base prices throughout. */
function stageRows(content: Content, recs: Record<StageKey, Record<RegionId, number>> | undefined): Record<StageKey, number[]> {
  const out = {} as Record<StageKey, number[]>;
  for (let k = 0; k < NS; k++) {
    const s = STAGES[k];
    out[s] = regionRow(recs?.[s], content.goods.markets[s].basePrice);
  }
  return out;
}

/** Last turn's flows as arrays [stage][from][to]: the record read once, a row at a time (each hot loop after this
 * reads arrays, not three levels of keyed records). */
function lastFlowsOf(x: SupplyContext): Record<StageKey, number[][]> {
  const f = x.flows;
  const out = {} as Record<StageKey, number[][]>;
  for (let k = 0; k < NS; k++) {
    const s = STAGES[k];
    const rows: number[][] = [];
    if (!f) for (let a = 0; a < NR; a++) rows.push(zeros());
    else {
      const fs = f[s];
      rows.push(valuesOf(fs.AUS), valuesOf(fs.CHN), valuesOf(fs.JPN), valuesOf(fs.MYS), valuesOf(fs.ROW), valuesOf(fs.USA));
    }
    out[s] = rows;
  }
  return out;
}

/** Last turn's prices and flows (the warm start), expectations, calibration and hoarding, as arrays. */
export function marketInputs(x: SupplyContext) {
  const { content, market } = x;
  const lastFlows = lastFlowsOf(x);
  const baseUse = {} as Record<StageKey, number[]>;
  for (let k = 0; k < NS; k++) baseUse[STAGES[k]] = valuesOf(market.baseUse[STAGES[k]]);
  const distrust: number[][] = [];
  for (let b = 0; b < NR; b++) distrust.push(valuesOf(market.distrust[REGIONS[b]]));
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
