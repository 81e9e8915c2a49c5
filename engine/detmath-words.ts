// IEEE 754 word access for engine/detmath.ts: the high and low 32 bits of a double, read and set.

// little-endian word access through aliased typed arrays (every platform this runs on is little-endian; checked below)
export const F = new Float64Array(1);
/** F's words, low then high (exported for exp's last step, which sets a high word with no call in the way) */
export const W = new Int32Array(F.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('engine/detmath.ts assumes a little-endian platform');
export const hi = (x: number): number => ((F[0] = x), W[1]);
export const lo = (x: number): number => ((F[0] = x), W[0] >>> 0);
export const withLo = (x: number, l: number): number => ((F[0] = x), (W[0] = l | 0), F[0]);
export const withHi = (x: number, h: number): number => ((F[0] = x), (W[1] = h | 0), F[0]);
export const fromWords = (h: number, l: number): number => ((W[1] = h | 0), (W[0] = l | 0), F[0]);

