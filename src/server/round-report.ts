// A class round of several quarters as one report for the digest and the Indicators tab: the last quarter's report
// with the events and news of the whole round, and each country's headline changes over the round, their causes
// summed over its quarters. A year's round said "Magnet supply -1.4 percentage points" (its last quarter) of a fall
// from 99.6% to 57.0%, and the ban of its first quarter that caused it was in no ledger (a teacher's walkthrough).
import { COUNTRIES, HEADLINES, type HeadlineChange, type LedgerEntry, type TurnReport } from '../../engine/index.ts';

/** The turns played before the class round that holds turn `turn` (rounds of `k` quarters; 0 before any): where that
 * round's reports start. */
export function roundStart(turn: number, k: number): number {
  return turn > 0 ? Math.floor((turn - 1) / k) * k : 0;
}

/** Causes under 2% of the largest figure go into "other", as the engine's own ledgers (engine/report.ts tidy). */
const SMALL = 0.02;

/** One headline's changes over consecutive quarters as one: from the first quarter's previous value to the last's
 * value, each cause's amounts summed as the quarters' ledgers name them (each quarter has already put its causes under
 * 2% into "other", so a cause named in one quarter and small in another counts the named part; the quarters' causes
 * add up to their changes, so these add up to the whole). */
export function mergeChanges(hs: readonly HeadlineChange[]): HeadlineChange {
  const sums = new Map<string, number>();
  let change = 0;
  for (const x of hs) {
    change += x.change;
    for (const c of x.causes) sums.set(c.cause, (sums.get(c.cause) ?? 0) + c.amount);
  }
  const scale = Math.max(Math.abs(change), ...[...sums.values()].map(Math.abs), 1e-12);
  const causes: LedgerEntry[] = [];
  let other = 0;
  for (const [cause, amount] of sums) {
    if (cause !== 'other' && Math.abs(amount) >= SMALL * scale) causes.push({ cause, amount });
    else other += amount;
  }
  if (Math.abs(other) > 1e-12 * scale) causes.push({ cause: 'other', amount: other });
  causes.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
  return { value: hs[hs.length - 1]!.value, prev: hs[0]!.prev, change, causes };
}

/** The round's reports (in order) as one report. */
export function mergeRound(rs: readonly TurnReport[]): TurnReport {
  const last = rs[rs.length - 1]!;
  if (rs.length === 1) return last;
  const headlines = Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(HEADLINES.map((hd) => [hd, mergeChanges(rs.map((r) => r.headlines[c][hd]))]))])) as TurnReport['headlines'];
  return { ...last, events: rs.flatMap((r) => r.events), news: rs.flatMap((r) => r.news), headlines };
}
