// Seeded randomness: the game's RNG (seedrandom's alea, its state kept in the game state) and stateless draws keyed by name.
// seedrandom's alea module alone: the package root also loads its other generators and Node's crypto (for autoseeding)
import alea from 'seedrandom/lib/alea.js';
import type seedrandom from 'seedrandom';
import { LANE1_START, hashLane1, lane1End, lane1Step } from './hash.ts';

export type RngState = object;

export function newRngState(seed: string): RngState {
  const r = alea(seed, { state: true });
  return r.state();
}

/** Draw n uniforms from a saved state; returns the draws and the new state. */
export function drawN(state: RngState, n: number): { draws: number[]; state: RngState } {
  const r = alea('', { state: state as seedrandom.State.Alea });
  const draws: number[] = new Array(n);
  for (let i = 0; i < n; i++) draws[i] = r();
  return { draws, state: r.state() };
}

/** A seeded generator for agents and rollouts (not part of the game state): seedrandom's alea, bit for bit, seeded at
 * its first draw, so an agent that draws nothing pays nothing for seeding it. Written out here rather than made by
 * the package: its alea builds an object and three closures per generator and mashes the three ' ' of its seeding
 * anew each time: a fifth of the personas' deciding in a profile (tests/rng.test.ts compares the draws with the package's). */
export function makeRng(seed: string): () => number {
  let seeded = false;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let c = 1;
  return () => {
    if (!seeded) {
      seeded = true;
      // Alea's seeding: s0..s2 = mash(' ') three times (the same for every seed: MASHED), less mash(seed) three times
      let n = MASHED.n;
      n = mash(n, seed);
      s0 = MASHED.s0 - toUnit(n);
      if (s0 < 0) s0 += 1;
      n = mash(n, seed);
      s1 = MASHED.s1 - toUnit(n);
      if (s1 < 0) s1 += 1;
      n = mash(n, seed);
      s2 = MASHED.s2 - toUnit(n);
      if (s2 < 0) s2 += 1;
    }
    // Alea's step, its expressions as the package writes them
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    return (s2 = t - c);
  };
}

/** Baagøe's Mash (as in seedrandom's alea.js) over a string, from the running value n; returns the new n. */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}
/** What Mash returns for its running value n. */
const toUnit = (n: number) => (n >>> 0) * 2.3283064365386963e-10;

/** Alea's first three mashes, of ' ', from Mash's starting value: the running value after them and what each gave. */
const MASHED = (() => {
  let n = 0xefc8249d;
  n = mash(n, ' ');
  const s0 = toUnit(n);
  n = mash(n, ' ');
  const s1 = toUnit(n);
  n = mash(n, ' ');
  return { n, s0, s1, s2: toUnit(n) };
})();

/** A uniform in [0,1) that depends only on its key: project risks draw from this, so one project's luck never shifts another's. */
export function keyedUniform(key: string): number {
  // The first 8 hex digits of hashString(key), read as a number: the same value without the string.
  return hashLane1(key) / 4294967296;
}

/** keyedUniform(`${seed}:${what}:${id}:${n}`), the same bits, without building the key (a project's yearly draws). */
export function keyedUniform4(seed: string, what: string, id: string, n: number): number {
  let h = lane1Step(LANE1_START, seed);
  h = lane1Step(h, ':');
  h = lane1Step(h, what);
  h = lane1Step(h, ':');
  h = lane1Step(h, id);
  h = lane1Step(h, ':');
  return lane1End(lane1Step(h, String(n))) / 4294967296;
}
