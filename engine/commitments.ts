// What a country's deals in force bind it to, and whether its orders break one: pure functions of the deals and the
// orders, for the turn (engine/deals.ts) and for the page, which says before End turn which deal an order would break
// (engine/lite.ts; nothing here loads immer or the turn).
import { TARIFF_GOOD_NAMES, type CountryId } from './ids.ts';
import type { Deal } from './state.ts';
import type { Commitment, Orders } from './schema.ts';

/** Whether a country's orders break one of its commitments to a partner; says how, or returns null. */
export function violates(c: CountryId, partner: CountryId, list: readonly Commitment[], orders: Orders): string | null {
  const o = orders[c];
  if (!o) return null;
  for (const k of list) {
    if (k.type === 'tariffCap') {
      const v = o.tariffs?.[partner]?.[k.good] ?? o.tariffs?.['*']?.[k.good];
      if (v !== undefined && v > k.max) return `raises its tariff on ${TARIFF_GOOD_NAMES[k.good]} from ${partner} to ${v}% (cap ${k.max}%)`;
    }
    if (k.type === 'openExports') {
      const v = o.exportControls?.[partner]?.[k.stage] ?? o.exportControls?.['*']?.[k.stage];
      if (v !== undefined && v !== 'open') return `restricts ${k.stage} exports to ${partner}`;
    }
    if (k.type === 'defenseFloor' && o.defenseSpendingPct !== undefined && o.defenseSpendingPct < k.minPct - 1e-9) return `cuts defence to ${o.defenseSpendingPct}% of GDP (floor ${k.minPct}%)`;
  }
  return null;
}

/** Commitments a country is bound by in active deals, with the partner they are owed to. */
export function bindingCommitments(c: CountryId, deals: readonly Deal[], turn: number): { partner: CountryId; k: Commitment }[] {
  const out: { partner: CountryId; k: Commitment }[] = [];
  for (const d of deals) {
    if (d.status !== 'active' || d.startTurn > turn) continue;
    if (d.from === c) for (const k of d.give) out.push({ partner: d.to, k });
    if (d.to === c) for (const k of d.get) out.push({ partner: d.from, k });
  }
  return out;
}
