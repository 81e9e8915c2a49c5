// Seeded randomness: the game's RNG (seedrandom's alea, its state kept in the game state) and stateless draws keyed by name.
import seedrandom from 'seedrandom';
import { hashLane1 } from './hash.ts';

export type RngState = object;

export function newRngState(seed: string): RngState {
  const r = seedrandom.alea(seed, { state: true });
  return r.state();
}

/** Draw n uniforms from a saved state; returns the draws and the new state. */
export function drawN(state: RngState, n: number): { draws: number[]; state: RngState } {
  const r = seedrandom.alea('', { state: state as seedrandom.State.Alea });
  const draws: number[] = new Array(n);
  for (let i = 0; i < n; i++) draws[i] = r();
  return { draws, state: r.state() };
}

/** Baagoe's Mash as seedrandom's alea runs it (same operations, same order): `n` carried from call to call. */
function mash(n: number, data: string, out: Float64Array, k: number): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  out[k] = (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  return n;
}

/** alea's three mash(' ') at the start of every seeding: the same for every seed, worked out once. */
const SPACE = new Float64Array(3);
const SPACE_N = mash(mash(mash(0xefc8249d, ' ', SPACE, 0), ' ', SPACE, 1), ' ', SPACE, 2);
/** Scratch for a seed's three mashes: written in full by each seeding before it is read. */
const SEED = new Float64Array(3);

/** A seeded generator for agents and rollouts (not part of the game state): seedrandom's alea, draw for draw (the
 * same arithmetic, tests/rng.test.ts), seeded at its first draw, so an agent that draws nothing pays nothing. */
export function makeRng(seed: string): () => number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let c = 0;
  let seeded = false;
  return () => {
    if (!seeded) {
      const m = SEED;
      const data = String(seed);
      mash(mash(mash(SPACE_N, data, m, 0), data, m, 1), data, m, 2);
      c = 1;
      s0 = SPACE[0] - m[0];
      if (s0 < 0) s0 += 1;
      s1 = SPACE[1] - m[1];
      if (s1 < 0) s1 += 1;
      s2 = SPACE[2] - m[2];
      if (s2 < 0) s2 += 1;
      seeded = true;
    }
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    return (s2 = t - (c = t | 0));
  };
}

/** A uniform in [0,1) that depends only on its key: project risks draw from this, so one project's luck never shifts another's. */
export function keyedUniform(key: string): number {
  // The first 8 hex digits of hashString(key), read as a number: the same value without the string.
  return hashLane1(key) / 4294967296;
}
