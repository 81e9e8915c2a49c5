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

/** A seeded generator for agents and rollouts (not part of the game state): seedrandom's alea, made at its first draw,
 * so an agent that draws nothing (most persona turns) pays nothing for seeding it. */
export function makeRng(seed: string): () => number {
  let r: (() => number) | undefined;
  return () => (r ??= alea(seed))();
}

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
