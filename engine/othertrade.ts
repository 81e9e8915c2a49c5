// Trade in other goods each turn (the economy step's, macro.ts): flows between the regions against their no-policy path.
import { REGIONS } from './ids.ts';
import type { EconomyInput } from './macro.ts';
import { NR } from './market/spe.ts';
import { otherTradeTarget } from './economy.ts';
import { readRow } from './rows.ts';

// scratch, every entry written by otherGoodsTrade before it is read on every call (nothing carries from one turn, or
// one game, to the next): the flows OT[s * NR + d] and REF (the same on the no-policy path), each region's exports
// X_, imports MI, their no-policy XREF and MREF, tariff revenue TREV and REVREF (macro.ts adds car tariffs to TREV)
export const OT = new Float64Array(NR * NR);
export const REF = new Float64Array(NR * NR);
export const X_ = new Float64Array(NR);
export const MI = new Float64Array(NR);
export const XREF = new Float64Array(NR);
export const MREF = new Float64Array(NR);
export const TREV = new Float64Array(NR);
export const REVREF = new Float64Array(NR);
// its reads: TAR[d * NR + s] buyer d's tariff on seller s (fraction), GROWTH[d], and seller s's rows of last turn
const TAR = new Float64Array(NR * NR);
const GROWTH = new Float64Array(NR);
const PREV = new Float64Array(NR);
const PREVREF = new Float64Array(NR);
const TROW = new Float64Array(NR);
const ROW_I = REGIONS.indexOf('ROW');

/** Trade in other goods this turn into OT (flows [s * NR + d]) and REF (the same on the no-policy path), and each
 * region's exports, imports and tariff revenue on them into X_, MI, XREF, MREF, TREV, REVREF. */
export function otherGoodsTrade(x: EconomyInput): void {
  const { dv, state, R, q } = x;
  const trade = x.content.rules.trade;
  for (let i = 0; i < NR; i++) {
    X_[i] = 0;
    MI[i] = 0;
    XREF[i] = 0;
    MREF[i] = 0;
    TREV[i] = 0;
    REVREF[i] = 0;
  }
  // each buyer's tariffs and growth, and below each seller's rows of last turn, read by name into scratch once (a keyed
  // read with a varying key is a megamorphic lookup); a buyer's tariff on itself is never read
  for (let d = 0; d < NR; d++) {
    const rd = R[REGIONS[d]];
    GROWTH[d] = rd.potential / rd.ref.potential;
    const t = rd.policies.tariffs;
    const off = d * NR;
    if (d !== 0) TAR[off] = t.AUS.other / 100;
    if (d !== 1) TAR[off + 1] = t.CHN.other / 100;
    if (d !== 2) TAR[off + 2] = t.JPN.other / 100;
    if (d !== 3) TAR[off + 3] = t.MYS.other / 100;
    if (d !== 4) TAR[off + 4] = t.ROW.other / 100;
    if (d !== 5) TAR[off + 5] = t.USA.other / 100;
  }
  for (let s = 0; s < NR; s++) {
    const sid = REGIONS[s];
    readRow(state.otherTrade[sid], PREV);
    readRow(state.otherTradeRef[sid], PREVREF);
    const base = dv.otherBase[s];
    const tensionRow = sid !== 'ROW' ? state.tension[sid] : undefined;
    if (tensionRow !== undefined) {
      TROW[0] = tensionRow.AUS;
      TROW[1] = tensionRow.CHN;
      TROW[2] = tensionRow.JPN;
      TROW[3] = tensionRow.MYS;
      TROW[5] = tensionRow.USA;
    }
    for (let d = 0; d < NR; d++) {
      const k = s * NR + d;
      if (s === d) {
        OT[k] = 0;
        REF[k] = 0;
        continue;
      }
      const tar = TAR[d * NR + s];
      const tar0 = dv.otherTariff0[d][s];
      const growth = GROWTH[d];
      const excess = tensionRow !== undefined && d !== ROW_I ? TROW[d] - dv.tension0[s][d] : 0;
      const target = otherTradeTarget(base[d], tar, tar0, trade.otherSigma, growth, excess, trade.tensionTradeDrag);
      const prev = PREV[d];
      const v = prev + trade.otherAdjustSpeed * q * (target - prev);
      OT[k] = v;
      X_[s] += v;
      MI[d] += v;
      TREV[d] += v * tar;
      // the same flow on the path with no policy changed: it grows with the buyer's demand, with the same lag. The
      // output gap counts trade against this path, so a status-quo game does not drift (exports grow with partners'
      // demand, not with the exporter's own growth)
      const prevRef = PREVREF[d];
      const r = prevRef + trade.otherAdjustSpeed * q * (base[d] * growth - prevRef);
      REF[k] = r;
      XREF[s] += r;
      MREF[d] += r;
      REVREF[d] += r * tar0;
    }
  }
}
