// Deterministic sine, cosine and arcsine for the engine: fdlibm 5.3 ports (see engine/detmath.ts for why).
import { fromWords, hi, lo, withLo } from './detmath-words.ts';

// ---- sin and cos (k_sin.c, k_cos.c, s_sin.c, s_cos.c; e_rem_pio2.c up to |x| of 2^19 pi/2) ----
const S1 = -1.66666666666666324348e-1, S2 = 8.33333333332248946124e-3, S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6, S5 = -2.50507602534068634195e-8, S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2, C2 = -1.38888888888741095749e-3, C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7, C5 = 2.08757232129817482790e-9, C6 = -1.13596475577881948265e-11;

function kSin(x: number, y: number, iy: number): number {
  if ((hi(x) & 0x7fffffff) < 0x3e400000) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return iy === 0 ? x + v * (S1 + z * r) : x - (z * (0.5 * y - v * r) - y - v * S1);
}

function kCos(x: number, y: number): number {
  const ix = hi(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const invpio2 = 6.36619772367581382433e-1;
const pio2_1 = 1.57079632673412561417e0, pio2_1t = 6.07710050650619224932e-11;
const pio2_2 = 6.07710050630396597660e-11, pio2_2t = 2.02226624879595063154e-21;
const pio2_3 = 2.02226624871116645580e-21, pio2_3t = 8.47842766036889956997e-32;
const Y = [0, 0];

/** x reduced by n pi/2 into Y[0] + Y[1], |Y[0]| <= pi/4; returns n (e_rem_pio2.c, the small and medium cases). */
function remPio2(x: number): number {
  const hx = hi(x);
  const ix = hx & 0x7fffffff;
  if (ix > 0x413921fb) throw new RangeError(`engine/detmath.ts: sin/cos of ${x} is outside the supported range (|x| < 823,550)`);
  const t = Math.abs(x);
  const n = (t * invpio2 + 0.5) | 0;
  const fn = n;
  let r = t - fn * pio2_1;
  let w = fn * pio2_1t;
  const j = ix >> 20;
  let y0 = r - w;
  let i = j - ((hi(y0) >> 20) & 0x7ff);
  if (i > 16) {
    let tt = r;
    w = fn * pio2_2;
    r = tt - w;
    w = fn * pio2_2t - (tt - r - w);
    y0 = r - w;
    i = j - ((hi(y0) >> 20) & 0x7ff);
    if (i > 49) {
      tt = r;
      w = fn * pio2_3;
      r = tt - w;
      w = fn * pio2_3t - (tt - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  if (hx < 0) {
    Y[0] = -y0;
    Y[1] = -y1;
    return -n;
  }
  Y[0] = y0;
  Y[1] = y1;
  return n;
}

/** The sine of x radians (fdlibm s_sin.c), for |x| < 823,550. */
export function sin(x: number): number {
  const ix = hi(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kSin(x, 0, 0);
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x) & 3;
  if (n === 0) return kSin(Y[0], Y[1], 1);
  if (n === 1) return kCos(Y[0], Y[1]);
  if (n === 2) return -kSin(Y[0], Y[1], 1);
  return -kCos(Y[0], Y[1]);
}

/** The cosine of x radians (fdlibm s_cos.c), for |x| < 823,550. */
export function cos(x: number): number {
  const ix = hi(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x) & 3;
  if (n === 0) return kCos(Y[0], Y[1]);
  if (n === 1) return -kSin(Y[0], Y[1], 1);
  if (n === 2) return -kCos(Y[0], Y[1]);
  return kSin(Y[0], Y[1], 1);
}

// ---- asin (e_asin.c) ----
const pio2_hi = 1.57079632679489655800e0, pio2_lo = 6.12323399573676603587e-17, pio4_hi = 7.85398163397448278999e-1;
const pS0 = 1.66666666666666657415e-1, pS1 = -3.25565818622400915405e-1, pS2 = 2.01212532134862925881e-1;
const pS3 = -4.00555345006794114027e-2, pS4 = 7.91534994289814532176e-4, pS5 = 3.47933107596021167570e-5;
const qS1 = -2.40339491173441421878e0, qS2 = 2.02094576023350569471e0, qS3 = -6.88283971605453293030e-1;
const qS4 = 7.70381505559019352791e-2;

/** The arcsine of x, in radians (fdlibm e_asin.c). */
export function asin(x: number): number {
  const hx = hi(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x3ff00000) {
    if (((ix - 0x3ff00000) | lo(x)) === 0) return x * pio2_hi + x * pio2_lo;
    return NaN;
  }
  if (ix < 0x3fe00000) {
    if (ix < 0x3e400000) return x;
    const t = x * x;
    const p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    const q = 1 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    return x + x * (p / q);
  }
  const w0 = 1 - Math.abs(x);
  let t = w0 * 0.5;
  let p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
  let q = 1 + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
  const s = Math.sqrt(t);
  if (ix >= 0x3fef3333) {
    t = pio2_hi - (2 * (s + s * (p / q)) - pio2_lo);
  } else {
    const w = withLo(s, 0);
    const c = (t - w * w) / (s + w);
    const r = p / q;
    p = 2 * s * r - (pio2_lo - 2 * c);
    q = pio4_hi - 2 * w;
    t = pio4_hi - (p - q);
  }
  return hx > 0 ? t : -t;
}
