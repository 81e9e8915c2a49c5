// The price why-ledger: each market's price this turn split into causes, by re-clearing the whole chain with one
// cause lifted at a time (an export-control regime, an output quota, rare-earth tariffs, hoarding, stockpile purchases and releases,
// this turn's events). A cause's share is the price now less the price without it; what the one-at-a-time
// removals do not add up to is reported as their interaction. Only run when the report's ledger is wanted.
import { REGIONS, STAGES, type RegionId, type StageKey } from '../ids.ts';
import type { ChainInput, ChainResult } from './types.ts';
import type { Lift } from '../supply.ts';
import { runChain } from './chain.ts';

export interface PriceCause {
  cause: string;
  /** USD/kg this cause adds to the price (negative: it lowers it) */
  amount: number;
}
export interface PriceWhy {
  /** the price, USD/kg */
  value: number;
  /** the price with every listed cause lifted at once, USD/kg */
  without: number;
  causes: PriceCause[];
}
export type PriceLedger = Record<StageKey, { world: PriceWhy; CHN: PriceWhy }>;

const CHN = REGIONS.indexOf('CHN');

function seriesOf(c: ChainResult, s: StageKey, worldPriceOf: (p: number[], q: number[]) => number): { world: number; CHN: number } {
  const m = c.markets[s];
  return { world: worldPriceOf(m.price, m.received), CHN: m.price[CHN] };
}

/** Which causes are in force this turn: export-control regimes by country, output policies by country (`quotas`: each
 * country whose output policy is not 100%, with its %), tariffs on rare earths, hoarding, stockpile trades, events. */
export function causesInForce(x: ChainInput, restricting: RegionId[], events: boolean, quotas: [RegionId, number][] = []): { name: string; lift: Lift; stockpiles?: boolean }[] {
  const out: { name: string; lift: Lift; stockpiles?: boolean }[] = [];
  for (const r of restricting) out.push({ name: `export controls by ${r}`, lift: { controlsBy: [r] } });
  // a production quota cut China's NdPr output by 30% and the price more than doubled, "no control, tariff, hoarding,
  // stockpile trade or event behind it" (an economist's review): named as a cause of its own
  // (an output policy above 100%, a dominant producer flooding the market, is a push, not a quota)
  for (const [r, pct] of quotas) out.push({ name: `${pct < 100 ? 'output quota' : 'output push'} of ${r}`, lift: { quotasBy: [r] } });
  let tariffs = false;
  for (const s of STAGES) for (const row of x.tariff[s]) for (const t of row) if (t > 0) tariffs = true;
  if (tariffs) out.push({ name: 'tariffs on rare earths', lift: { tariffs: true } });
  let hoard = false;
  for (const s of STAGES) for (const h of x.hoard[s]) if (h > 0) hoard = true;
  if (hoard) out.push({ name: 'hoarding', lift: { hoarding: true } });
  let stock = false;
  for (const g of ['light', 'heavy'] as const) for (let i = 0; i < REGIONS.length; i++) if (x.purchase[g][i] > 0 || x.release[g][i] > 0) stock = true;
  if (stock) out.push({ name: 'stockpile purchases and releases', lift: {}, stockpiles: true });
  if (events) out.push({ name: "this turn's events", lift: { events: true } });
  return out;
}

/** Split every market's price into causes. `rebuild` makes this turn's chain input with the given causes lifted. */
export function priceLedger(
  actual: ChainResult,
  causes: { name: string; lift: Lift; stockpiles?: boolean }[],
  rebuild: (lift: Lift, noStockpiles: boolean) => ChainInput,
  worldPriceOf: (p: number[], q: number[]) => number,
): { ledger: PriceLedger; runs: Record<string, ChainResult> } {
  const runs: Record<string, ChainResult> = {};
  const now = {} as Record<StageKey, { world: number; CHN: number }>;
  for (const s of STAGES) now[s] = seriesOf(actual, s, worldPriceOf);
  const each: { name: string; p: Record<StageKey, { world: number; CHN: number }> }[] = [];
  const all: Lift = {};
  let allStock = false;
  for (const c of causes) {
    const r = runChain(rebuild(c.lift, c.stockpiles === true), false); // (no clearing residuals: only the actual chain's reach the report)
    runs[c.name] = r;
    const p = {} as Record<StageKey, { world: number; CHN: number }>;
    for (const s of STAGES) p[s] = seriesOf(r, s, worldPriceOf);
    each.push({ name: c.name, p });
    if (c.lift.controlsBy) all.controlsBy = [...(all.controlsBy ?? []), ...c.lift.controlsBy];
    if (c.lift.quotasBy) all.quotasBy = [...(all.quotasBy ?? []), ...c.lift.quotasBy];
    if (c.lift.tariffs) all.tariffs = true;
    if (c.lift.hoarding) all.hoarding = true;
    if (c.lift.events) all.events = true;
    if (c.stockpiles) allStock = true;
  }
  // every cause lifted at once
  const none = causes.length ? runChain(rebuild(all, allStock), false) : actual;
  const ledger = {} as PriceLedger;
  for (const s of STAGES) {
    const row = {} as { world: PriceWhy; CHN: PriceWhy };
    for (const k of ['world', 'CHN'] as const) {
      const value = now[s][k];
      const without = seriesOf(none, s, worldPriceOf)[k];
      const list: PriceCause[] = each.map((e) => ({ cause: e.name, amount: value - e.p[s][k] }));
      const sum = list.reduce((a, c) => a + c.amount, 0);
      const rest = value - without - sum;
      if (Math.abs(rest) > 1e-9) list.push({ cause: 'interaction of these causes', amount: rest });
      list.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.cause < b.cause ? -1 : 1));
      row[k] = { value, without, causes: list };
    }
    ledger[s] = row;
  }
  return { ledger, runs };
}
