// Seeded randomness: the game's RNG (seedrandom's alea, its state kept in the game state) and stateless draws keyed by name.
// seedrandom's alea module alone: the package root also loads its other generators and Node's crypto (for autoseeding)
import alea from 'seedrandom/lib/alea.js';
import { LANE1_START, hashLane1, lane1End, lane1Step } from './hash.ts';

export type RngState = object;

export function newRngState(seed: string): RngState {
  const r = alea(seed, { state: true });
  return r.state();
}

/** drawN's draws (scratch, grown as needed): the engine is synchronous, and each turn reads its draws at once. */
let draws = new Float64Array(64);

/** Draws n uniforms from a saved state; returns them (in a scratch array, at least n long: read them before the next
 * call) and the new state. seedrandom's alea restored from the state and stepped, written out (the package's
 * generator, its seeding and its draws array were 3.5 KiB a turn): the same draws, and a new state with the keys of
 * the package's `state()` in the same order (the state's hash reads them). */
export function drawN(state: RngState, n: number): { draws: Float64Array; state: RngState } {
  const from = state as { c: number; s0: number; s1: number; s2: number };
  let c = from.c;
  let s0 = from.s0;
  let s1 = from.s1;
  let s2 = from.s2;
  if (draws.length < n) draws = new Float64Array(n);
  const out = draws;
  for (let i = 0; i < n; i++) {
    // Alea's step, its expressions as the package writes them
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    out[i] = s2 = t - c;
  }
  return { draws: out, state: { c, s0, s1, s2 } };
}

/** A seeded generator for agents and rollouts (not part of the game state): seedrandom's alea, bit for bit, seeded at
 * its first draw, so an agent that draws nothing pays nothing for seeding it. Written out here rather than made by
 * the package: its alea builds an object and three closures per generator and mashes the three ' ' of its seeding
 * anew each time: a fifth of the personas' deciding in a profile (tests/rng.test.ts compares the draws with the package's). */
export function makeRng(seed: string): () => number {
  return makeRngOf(seed, undefined, undefined, undefined);
}

/** makeRng(`${a}:${b}:${c}`), or with `:${d}` after it when d is given: the same draws, without building the seed
 * (every seat's generator every turn, and every seat's in each rollout turn): Mash reads its seed's characters in
 * order, so mashing the parts in turn gives the joined seed's value. */
export function makeRngJoined(a: string | number, b: string | number, c: string | number, d?: string | number): () => number {
  return makeRngOf(a, b, c, d);
}

/** Mash over the parts of a seed joined by ':' (b, c and d undefined: the seed a alone). */
function mashSeed(n: number, a: string, b: string | undefined, c: string | undefined, d: string | undefined): number {
  n = mash(n, a);
  if (b === undefined) return n;
  n = mash(mash(n, ':'), b);
  n = mash(mash(n, ':'), c!);
  return d === undefined ? n : mash(mash(n, ':'), d);
}

function makeRngOf(a: string | number, b: string | number | undefined, c: string | number | undefined, d: string | number | undefined): () => number {
  let seeded = false;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let k = 1;
  return () => {
    if (!seeded) {
      seeded = true;
      // the parts as a template literal would write them
      const pa = String(a);
      const pb = b === undefined ? undefined : String(b);
      const pc = c === undefined ? undefined : String(c);
      const pd = d === undefined ? undefined : String(d);
      // Alea's seeding: s0..s2 = mash(' ') three times (the same for every seed: MASHED), less mash(seed) three times
      let n = MASHED.n;
      n = mashSeed(n, pa, pb, pc, pd);
      s0 = MASHED.s0 - toUnit(n);
      if (s0 < 0) s0 += 1;
      n = mashSeed(n, pa, pb, pc, pd);
      s1 = MASHED.s1 - toUnit(n);
      if (s1 < 0) s1 += 1;
      n = mashSeed(n, pa, pb, pc, pd);
      s2 = MASHED.s2 - toUnit(n);
      if (s2 < 0) s2 += 1;
    }
    // Alea's step, its expressions as the package writes them
    const t = 2091639 * s0 + k * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    k = t | 0;
    return (s2 = t - k);
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
