// A finished plant's ramp-up (docs/MODEL.md S10, "Ramp-up"): the share of its capacity in place a number of turns
// after the turn it finished. The engine adds the steps (engine/projects.ts), agents count what is still to come
// (engine/held.ts) and the page shows a plant ramping (src/ui/panels.ts): one formula for all three.

/** The number of turns a ramp-up's steps take: its quarters in whole turns, at least one. */
export function rampSteps(ramp: { quarters: number }, quartersPerTurn: number): number {
  return Math.max(1, Math.ceil(ramp.quarters / quartersPerTurn));
}

/** The share of a finished plant's capacity in place `k` turns after the turn it finished (k = 0: that turn), with a
 * ramp-up of `firstShare` at first and the rest in even steps over `quarters`. */
export function rampShare(ramp: { firstShare: number; quarters: number }, quartersPerTurn: number, k: number): number {
  const steps = rampSteps(ramp, quartersPerTurn);
  if (k <= 0) return ramp.firstShare;
  if (k >= steps) return 1;
  return ramp.firstShare + ((1 - ramp.firstShare) * k * quartersPerTurn) / ramp.quarters;
}

/** Scratch for rampIncrements: step i comes RAMP_AT[i] turns after the turn the plant finished and adds RAMP_ADD[i]
 * of its capacity (rewritten by each call; the guard below bounds the steps). */
export const RAMP_AT = new Int32Array(402);
export const RAMP_ADD = new Float64Array(402);

/** A ramp-up as the capacity each step adds, at a stride of `stride` turns from the turn the plant finished (k = 0,
 * `firstShare`) until all of it is in place; steps that add nothing are left out. The state's plants take it a turn
 * at a time (engine/projects.ts), private capacity a year at a time (engine/pipeline.ts). Into RAMP_AT and RAMP_ADD;
 * returns how many steps. */
export function rampIncrements(ramp: { firstShare: number; quarters: number }, quartersPerTurn: number, stride: number): number {
  let n = 0;
  let last = 0;
  // k <= 400: a guard against a share that never reaches 1 (content bounds quarters to 1-40)
  for (let k = 0; last < 1 && k <= 400; k += stride) {
    const share = rampShare(ramp, quartersPerTurn, k);
    if (share > last) {
      RAMP_AT[n] = k;
      RAMP_ADD[n] = share - last;
      n++;
    }
    last = share;
  }
  return n;
}

/** Quarters until a plant that finished `k` turns ago runs at its whole capacity (0 once it does). */
export function rampQuartersLeft(ramp: { quarters: number }, quartersPerTurn: number, k: number): number {
  const steps = rampSteps(ramp, quartersPerTurn);
  return Math.max(0, steps - Math.max(0, k)) * quartersPerTurn;
}

/** The shortest build among the project types, quarters (those that take none, as a stockpile lot bought at once,
 * left out; null when every type is bought at once). The start screen and the class form set it against a game's
 * length: in a shorter game no project started in it is finished before it ends. */
export function quickestBuild(types: Iterable<{ leadQuarters: number }>): number | null {
  let q: number | null = null;
  for (const t of types) if (t.leadQuarters > 0 && (q === null || t.leadQuarters < q)) q = t.leadQuarters;
  return q;
}
