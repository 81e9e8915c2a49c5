// Deterministic elementary functions for the engine: ports of fdlibm 5.3 (Sun Microsystems, 1993; the library behind
// Java's StrictMath) in plain IEEE 754 arithmetic and bit moves, so every JavaScript engine gives the same bits.
// Math.pow, exp, log, sin, cos and asin are only "implementation-approximated" in ECMAScript: Node 20 and Node 24 differ
// in the last bit of Math.pow, Chromium in exp, log, sin, cos and asin, and one last bit changes a state hash. + - * /
// and Math.sqrt are correctly rounded everywhere and need no port. tests/detmath.test.ts holds each function within an
// ulp of Math's and pins the bits of 20,000 results each by a fingerprint, under Node 20 and 24 (.ci/run).

import { F, W, fromWords, hi, lo, withHi, withLo } from './detmath-words.ts';

export { asin, cos, sin } from './detmath-trig.ts';

// ---- pow (e_pow.c) ----
const bp = [1.0, 1.5];
const dp_h = [0.0, 5.84962487220764160156e-1];
const dp_l = [0.0, 1.35003920212974897128e-8];
const two53 = 9007199254740992.0;
const huge = 1.0e300;
const tiny = 1.0e-300;
const L1 = 5.99999999999994648725e-1, L2 = 4.28571428578550184252e-1, L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1, L5 = 2.30660745775561754067e-1, L6 = 2.06975017800338417784e-1;
const P1 = 1.66666666666666019037e-1, P2 = -2.77777777770155933842e-3, P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6, P5 = 4.13813679705723846039e-8;
const lg2 = 6.93147180559945286227e-1, lg2_h = 6.93147182464599609375e-1, lg2_l = -1.90465429995776804525e-9;
const ovt = 8.0085662595372944372e-17;
const cp = 9.61796693925975554329e-1, cp_h = 9.61796700954437255859e-1, cp_l = -7.02846165095275826516e-9;
const ivln2 = 1.44269504088896338700e0, ivln2_h = 1.44269502162933349609e0, ivln2_l = 1.92596299112661746887e-8;

function scalbn(x: number, n: number): number {
  // exact for the range pow needs (subnormal results)
  while (n > 1023) { x *= 8.98846567431158e307; n -= 1023; }
  while (n < -1022) { x *= 2.2250738585072014e-308; n += 1022; }
  return x * fromWords((n + 0x3ff) << 20, 0);
}

/** x to the power y (fdlibm e_pow.c, with ECMAScript's special cases for NaN and (+-1) ** (+-Infinity)). */
export function pow(x: number, y: number): number {
  // exact shortcuts: fdlibm itself returns x * x for y = 2 and x for y = 1, for every x (NaN, infinities and signed
  // zeros included), after checks these y pass (tests/detmath.test.ts compares on millions of x); the engine's
  // storage curves call pow(x, 2) most
  if (y === 2) return x * x;
  if (y === 1) return x;
  // powFdlibm written out: a call to it inside an inlined pow was not always inlined in turn (V8 weighs a call by how
  // often it ran from pow's own feedback), and then boxed x, y and the result
  POW_IO[0] = x;
  POW_IO[1] = y;
  powSlots();
  return POW_IO[2];
}

/** fdlibm's pow without the shortcuts (exported for the test that holds them to it). Its operands and result go
 * through POW_IO, not as arguments and a return value: fdlibm's pow is far over V8's inlining limit, and a double
 * passed to or returned from a call that is not inlined is a new heap object (three a call, some 600 calls a batch
 * turn); this wrapper is small enough to be inlined where pow is. The same operations in the same order. */
export function powFdlibm(x: number, y: number): number {
  POW_IO[0] = x;
  POW_IO[1] = y;
  powSlots();
  return POW_IO[2];
}
const POW_IO = new Float64Array(3);
function powOut(z: number): void {
  POW_IO[2] = z;
}

/** fdlibm's pow of POW_IO[0] and POW_IO[1] into POW_IO[2] (each return stores its value). */
function powSlots(): void {
  const x = POW_IO[0];
  const y = POW_IO[1];
  // ECMAScript's special cases where C's pow differs: x ** NaN is NaN, and (+-1) ** (+-Infinity) is NaN
  if (y !== y) return powOut(NaN);
  if ((x === 1 || x === -1) && (y === Infinity || y === -Infinity)) return powOut(NaN);
  const hx = hi(x), lx = lo(x), hy = hi(y), ly = lo(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;
  if ((iy | ly) === 0) return powOut(1);
  if (hx === 0x3ff00000 && lx === 0) return powOut(1);
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0) || iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return powOut(NaN);
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yisint = 2;
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if (((j << (52 - k)) >>> 0) === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yisint = 2 - (j & 1);
      }
    }
  }
  if (ly === 0) {
    if (iy === 0x7ff00000) {
      if (((ix - 0x3ff00000) | lx) === 0) return powOut(1);
      if (ix >= 0x3ff00000) return powOut(hy >= 0 ? y : 0);
      return powOut(hy < 0 ? -y : 0);
    }
    if (iy === 0x3ff00000) return powOut(hy < 0 ? 1 / x : x);
    if (hy === 0x40000000) return powOut(x * x);
    if (hy === 0x3fe00000 && hx >= 0) return powOut(Math.sqrt(x));
  }
  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0) z = NaN;
      else if (yisint === 1) z = -z;
    }
    return powOut(z);
  }
  let n = (hx >>> 31) - 1;
  if ((n | yisint) === 0) return powOut(NaN);
  let s = 1;
  if ((n | (yisint - 1)) === 0) s = -1;
  let t1: number, t2: number;
  if (iy > 0x41e00000) {
    if (iy > 0x43f00000) {
      if (ix <= 0x3fefffff) return powOut(hy < 0 ? huge * huge : tiny * tiny);
      if (ix >= 0x3ff00000) return powOut(hy > 0 ? huge * huge : tiny * tiny);
    }
    if (ix < 0x3fefffff) return powOut(hy < 0 ? s * huge * huge : s * tiny * tiny);
    if (ix > 0x3ff00000) return powOut(hy > 0 ? s * huge * huge : s * tiny * tiny);
    const t = ax - 1;
    const w = t * t * (0.5 - t * (3.3333333333333331e-1 - t * 0.25));
    const u = ivln2_h * t;
    const v = t * ivln2_l - w * ivln2;
    t1 = withLo(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      ax *= two53;
      n -= 53;
      ix = hi(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHi(ax, ix);
    let u = ax - bp[k];
    let v = 1 / (ax + bp[k]);
    const ss = u * v;
    const s_h = withLo(ss, 0);
    let t_h = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let t_l = ax - (t_h - bp[k]);
    const s_l = v * (u - s_h * t_h - s_h * t_l);
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += s_l * (s_h + ss);
    s2 = s_h * s_h;
    t_h = withLo(3 + s2 + r, 0);
    t_l = r - (t_h - 3 - s2);
    u = s_h * t_h;
    v = s_l * t_h + t_l * ss;
    const p_h = withLo(u + v, 0);
    const p_l = v - (p_h - u);
    const z_h = cp_h * p_h;
    const z_l = cp_l * p_h + p_l * cp + dp_l[k];
    const t = n;
    t1 = withLo(z_h + z_l + dp_h[k] + t, 0);
    t2 = z_l - (t1 - t - dp_h[k] - z_h);
  }
  const y1 = withLo(y, 0);
  const p_l = (y - y1) * t1 + y * t2;
  let p_h = y1 * t1;
  let z = p_l + p_h;
  let j = hi(z);
  const i0 = lo(z);
  if (j >= 0x40900000) {
    if (((j - 0x40900000) | i0) !== 0) return powOut(s * huge * huge);
    if (p_l + ovt > z - p_h) return powOut(s * huge * huge);
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    if (((j - 0xc090cc00) | i0) !== 0) return powOut(s * tiny * tiny);
    if (p_l <= z - p_h) return powOut(s * tiny * tiny);
  }
  const i = j & 0x7fffffff;
  let k = (i >> 20) - 0x3ff;
  n = 0;
  if (i > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    p_h -= t;
  }
  const t = withLo(p_l + p_h, 0);
  const u = t * lg2_h;
  const v = (p_l - (t - p_h)) * lg2 + t * lg2_l;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tt1 = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tt1) / (tt1 - 2) - (w + z * w);
  z = 1 - (r - z);
  j = hi(z);
  j += n << 20;
  if (j >> 20 <= 0) z = scalbn(z, n);
  else z = withHi(z, j);
  return powOut(s * z);
}

// ---- exp (e_exp.c) ----
const ln2HI = [6.93147180369123816490e-1, -6.93147180369123816490e-1];
const ln2LO = [1.90821492927058770002e-10, -1.90821492927058770002e-10];
const halF = [0.5, -0.5];
const invln2 = 1.44269504088896338700e0;
const twom1000 = 9.33263618503218878990e-302;
const oThreshold = 7.09782712893383973096e2;
const uThreshold = -7.45133219101941108420e2;

/** e to the power x (fdlibm e_exp.c). */
export function exp(x: number): number {
  let hx = hi(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  // the rare cases (NaN, infinities, overflow, underflow) in functions of their own keep this one under V8's
  // inlining limit (460 bytes of bytecode), so hot callers inline it and pass no boxed double: same operations
  if (hx >= 0x40862e42 && (hx >= 0x7ff00000 || x > oThreshold || x < uThreshold)) return expOutside(x, hx, xsb);
  let k = 0, hiPart = 0, loPart = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hiPart = x - ln2HI[xsb];
      loPart = ln2LO[xsb];
      k = 1 - xsb - xsb;
    } else {
      k = (invln2 * x + halF[xsb]) | 0;
      hiPart = x - k * ln2HI[0];
      loPart = k * ln2LO[0];
    }
    x = hiPart - loPart;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (loPart - (x * c) / (2 - c) - hiPart);
  if (k >= -1021) {
    // withHi(y, hi(y) + (k << 20)) written out: where exp is inlined into a caller with its inlining budget spent, a
    // call to withHi stayed a call and boxed y and its result (the solver's demand curves: two objects a use)
    F[0] = y;
    W[1] = W[1] + (k << 20);
    return F[0];
  }
  return expSubnormal(y, k);
}

/** exp's NaN, infinities, overflow and underflow (fdlibm's first branch). */
function expOutside(x: number, hx: number, xsb: number): number {
  if (hx >= 0x7ff00000) {
    if (((hx & 0xfffff) | lo(x)) !== 0) return x + x;
    return xsb === 0 ? x : 0;
  }
  if (x > oThreshold) return huge * huge;
  return twom1000 * twom1000;
}

/** exp's result scaled into the subnormal range (k < -1021). */
function expSubnormal(y: number, k: number): number {
  return withHi(y, hi(y) + ((k + 1000) << 20)) * twom1000;
}

// ---- log (e_log.c) ----
const ln2_hi = 6.93147180369123816490e-1, ln2_lo = 1.90821492927058770002e-10, two54 = 1.80143985094819840000e16;
const Lg1 = 6.666666666666735130e-1, Lg2 = 3.999999999940941908e-1, Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1, Lg5 = 1.818357216161805012e-1, Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/** The natural logarithm (fdlibm e_log.c), its operand and result through LOG_IO as pow's (powFdlibm): fdlibm's
 * log is over V8's inlining limit, this wrapper is not. */
export function log(x: number): number {
  LOG_IO[0] = x;
  logSlots();
  return LOG_IO[1];
}
const LOG_IO = new Float64Array(2);
function logOut(z: number): void {
  LOG_IO[1] = z;
}

/** fdlibm's log of LOG_IO[0] into LOG_IO[1] (each return stores its value). */
function logSlots(): void {
  let x = LOG_IO[0];
  let hx = hi(x);
  const lx = lo(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return logOut(-Infinity);
    if (hx < 0) return logOut(NaN);
    k -= 54;
    x *= two54;
    hx = hi(x);
  }
  if (hx >= 0x7ff00000) return logOut(x + x);
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHi(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return logOut(k === 0 ? 0 : k * ln2_hi + k * ln2_lo);
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return logOut(k === 0 ? f - R : k * ln2_hi - (R - k * ln2_lo - f));
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return logOut(k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f));
  }
  return logOut(k === 0 ? f - s * (f - R) : dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f));
}

