// Region-keyed records built from arrays with a fixed shape and no closures (the hot loops' form of ids.ts regionRecord).
import { REGIONS, type RegionId } from './ids.ts';

/** A region-keyed record of a[off] .. a[off + 5], keys in REGIONS order (as regionRecord builds it, without closures). */
export function rowOf(a: ArrayLike<number>, off: number): Record<RegionId, number> {
  return { AUS: a[off], CHN: a[off + 1], JPN: a[off + 2], MYS: a[off + 3], ROW: a[off + 4], USA: a[off + 5] };
}
/** rowOf with region i's own entry 0. */
export function rowExcept(a: ArrayLike<number>, off: number, i: number): Record<RegionId, number> {
  return { AUS: i === 0 ? 0 : a[off], CHN: i === 1 ? 0 : a[off + 1], JPN: i === 2 ? 0 : a[off + 2], MYS: i === 3 ? 0 : a[off + 3], ROW: i === 4 ? 0 : a[off + 4], USA: i === 5 ? 0 : a[off + 5] };
}
/** The entries of a region-keyed record into out[0..5], read by name. */
export function readRow(row: Record<RegionId, number>, out: Float64Array): void {
  out[0] = row.AUS;
  out[1] = row.CHN;
  out[2] = row.JPN;
  out[3] = row.MYS;
  out[4] = row.ROW;
  out[5] = row.USA;
}
/** A region-keyed record of rowOf's of a[0..5], a[6..11], ... a[30..35] (a flat NR x NR table, row by row). */
export function rowsOf(a: ArrayLike<number>): Record<RegionId, Record<RegionId, number>> {
  return { AUS: rowOf(a, 0), CHN: rowOf(a, 6), JPN: rowOf(a, 12), MYS: rowOf(a, 18), ROW: rowOf(a, 24), USA: rowOf(a, 30) };
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('rows.ts: rowOf assumes the regions AUS, CHN, JPN, MYS, ROW, USA in this order');
