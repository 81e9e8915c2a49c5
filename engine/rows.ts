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
/** A region-keyed record of six rows. */
export function recOf<T>(rows: T[]): Record<RegionId, T> {
  return { AUS: rows[0], CHN: rows[1], JPN: rows[2], MYS: rows[3], ROW: rows[4], USA: rows[5] };
}
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('rows.ts: rowOf assumes the regions AUS, CHN, JPN, MYS, ROW, USA in this order');
