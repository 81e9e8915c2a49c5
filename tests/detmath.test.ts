// The engine's deterministic math (engine/detmath.ts): each function within an ulp of Math's, the special cases of
// ECMAScript, and the exact bits of 20,000 results each pinned by a fingerprint. .ci/run runs this file under Node 20
// and Node 24, so a port that leaned on a runtime's Math would show here as a changed fingerprint.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { asin, cos, exp, log, pow, powFdlibm, sin } from '../engine/detmath.ts';

const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);
const bits = (x: number): bigint => ((F[0] = x), B[0]);
/** Distance in units in the last place (0 for equal values, both NaN, or +0 and -0 only when Object.is agrees). */
const ulps = (a: number, b: number): number => (Object.is(a, b) ? 0 : Number.isNaN(a) && Number.isNaN(b) ? 0 : Math.abs(Number(bits(a) - bits(b))));

function args(n: number): [number, number][] {
  let s = 12345;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => [next(), next()]);
}

/** 2 to an integer power by exact doublings (no runtime's pow in the arguments). */
function twoTo(k: number): number {
  let s = 1;
  for (let i = 0; i < Math.abs(k); i++) s = k > 0 ? s * 2 : s / 2;
  return s;
}

// the domains the engine uses and wider: prices to elasticities, growth factors, decay, latitudes and half-longitudes
const CASES: Record<string, { ours: (a: number, b: number) => number; math: (a: number, b: number) => number }> = {
  pow: { ours: (a, b) => pow(a * 3, (b - 0.5) * 10), math: (a, b) => Math.pow(a * 3, (b - 0.5) * 10) },
  powWide: { ours: (a, b) => pow(a * 1e6, (b - 0.5) * 40), math: (a, b) => Math.pow(a * 1e6, (b - 0.5) * 40) },
  exp: { ours: (a) => exp((a - 0.5) * 1400), math: (a) => Math.exp((a - 0.5) * 1400) },
  log: { ours: (a, b) => log(a * twoTo(Math.round((b - 0.5) * 200))), math: (a, b) => Math.log(a * twoTo(Math.round((b - 0.5) * 200))) },
  sin: { ours: (a) => sin((a - 0.5) * 2000), math: (a) => Math.sin((a - 0.5) * 2000) },
  cos: { ours: (a) => cos((a - 0.5) * 2000), math: (a) => Math.cos((a - 0.5) * 2000) },
  asin: { ours: (a) => asin((a - 0.5) * 2), math: (a) => Math.asin((a - 0.5) * 2) },
};

// sha1 of the 20,000 results' IEEE 754 bytes, first 16 hex digits: pinned when the module was written (Node 20.20)
const FINGERPRINTS: Record<string, string> = {
  pow: '293302e8f159d656',
  powWide: '3e83781ff34c93fe',
  exp: '645b555a09f84223',
  log: '7b629a2c11cea2b1',
  sin: '44f8fd8fe85cc4f0',
  cos: '822784a97d58c12b',
  asin: '094e2ed7626f8895',
};

describe('engine/detmath.ts', () => {
  const xs = args(20000);
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: within one ulp of Math.${name.replace('Wide', '')} on 20,000 arguments, and the same bits as when pinned`, () => {
      let worst = 0;
      const h = createHash('sha1');
      const out = new Float64Array(xs.length);
      xs.forEach(([a, b], i) => {
        const v = c.ours(a, b);
        worst = Math.max(worst, ulps(v, c.math(a, b)));
        out[i] = v;
      });
      h.update(new Uint8Array(out.buffer));
      expect(worst).toBeLessThanOrEqual(1);
      const got = h.digest('hex').slice(0, 16);
      expect(got).toBe(FINGERPRINTS[name]);
    });
  }

  it("pow's shortcuts for y = 2 and y = 1 give fdlibm's own bits: 2,000,000 arguments over the whole double range and every special value", () => {
    // random bit patterns cover every exponent, subnormals, NaNs and infinities; plus the values the engine meets
    const x = new Float64Array(2_000_000);
    const words = new Uint32Array(x.buffer);
    let s = 987654321;
    for (let i = 0; i < words.length; i++) words[i] = s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    for (let i = 0; i < 200_000; i++) x[i] = (i / 1000) * (i % 2 ? 1 : -1); // 0..200 in 0.001 steps, both signs
    const specials = [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-160, 1e154, 1e155];
    let differ = 0;
    for (const y of [2, 1]) {
      for (let i = 0; i < x.length; i++) if (!Object.is(pow(x[i], y), powFdlibm(x[i], y))) differ++;
      for (const v of specials) expect(Object.is(pow(v, y), powFdlibm(v, y)), `pow(${v}, ${y})`).toBe(true);
    }
    expect(differ).toBe(0);
  });

  it('gives ECMAScript special values', () => {
    const specials: [number, number][] = [[0, 0], [-8, 1 / 3], [-8, 3], [0, -1], [-0, -3], [Infinity, 0.5], [-Infinity, 3], [2, 1024], [2, -1075], [1, NaN], [NaN, 0], [-1, Infinity], [0.5, Infinity], [4, 0.5], [3, 2], [10, -1]];
    for (const [x, y] of specials) expect(pow(x, y), `pow(${x}, ${y})`).toBe(Math.pow(x, y));
    for (const x of [0, -0, Infinity, -Infinity, NaN, -1, 1, 5e-324, 709.8, -746, 1e-300]) {
      expect(ulps(exp(x), Math.exp(x)), `exp(${x})`).toBeLessThanOrEqual(1);
      expect(ulps(log(x), Math.log(x)), `log(${x})`).toBe(0);
    }
    for (const x of [0, -0, 1, -1, 1.0000001, 2, NaN]) expect(ulps(asin(x), Math.asin(x)), `asin(${x})`).toBe(0);
    for (const x of [0, -0, Math.PI, -Math.PI / 2, 1e5, NaN, Infinity]) {
      expect(ulps(sin(x), Math.sin(x)), `sin(${x})`).toBeLessThanOrEqual(1);
      expect(ulps(cos(x), Math.cos(x)), `cos(${x})`).toBeLessThanOrEqual(1);
    }
    expect(() => sin(1e7)).toThrow(/outside the supported range/);
  });
});
