// What an export control lets through: a ban nothing, a licence a share of the volume before it, growing and
// shrinking with the world's need for magnets (docs/MODEL.md S2.5).
import { MAGNET_USES, type MagnetUse } from './market/types.ts';
import type { Control } from './state.ts';

if (MAGNET_USES.join() !== 'carsEv,carsIce,defense,wind,electronics,other') throw new Error('licence.ts: worldNeed sums the magnet uses carsEv carsIce defense wind electronics other');

/** The need licences are approved against: the world's magnet need this turn (every region and use, before any
 * shortage), t per quarter, summed by region in the uses' order, as the chain sums each region's need. */
export function worldNeed(byUse: Readonly<Record<MagnetUse, readonly number[]>>, q: number): number {
  const { carsEv, carsIce, defense, wind, electronics, other } = byUse;
  let w = 0;
  for (let r = 0; r < carsEv.length; r++) w += carsEv[r] + carsIce[r] + defense[r] + wind[r] + electronics[r] + other[r];
  return w / q;
}

/** The same from the chain's need by region this turn (t): what `market.magnetNeed` keeps for the next turn's new
 * controls. */
export function worldNeedOf(needByRegion: readonly number[], q: number): number {
  let w = 0;
  for (let r = 0; r < needByRegion.length; r++) w += needByRegion[r];
  return w / q;
}

/** What a control lets through to one partner this turn, t (Infinity when open). A licence imposed this turn lets
 * through only what is left of the turn after the licensing delay. Licences are applied for with end-user and end-use
 * documents and decided case by case (Export Control Law, 2020; Regulations on the Export Control of Dual-use Items,
 * 2024), so a standing licence's volume moves with `need`, the world's magnet need now, against `baseNeed`, the need
 * in the quarter before it was imposed; a control with no base need (older states) is a fixed volume. The index is
 * the world's, not the buyer's own: a buyer's need falls as dear magnets make it thrift and sell fewer cars, and a
 * licence indexed to it would tighten itself (seed 11, a 50% licence on everyone: Japan's need -20% in 13 quarters).
 * An assumption (docs/MODEL.md S2.5). */
export function capOf(c: Control, licenceDelayWeeks: number, turn: number, q: number, need: number): number {
  if (c.level === 'open') return Infinity;
  if (c.level === 'banned') return 0;
  const fresh = c.sinceTurn === turn ? Math.max(0, 1 - licenceDelayWeeks / (13 * q)) : 1;
  const base = c.baseNeed;
  return c.share * c.baseVolume * q * fresh * (base > 0 ? need / base : 1);
}
