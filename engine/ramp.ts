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

/** Quarters until a plant that finished `k` turns ago runs at its whole capacity (0 once it does). */
export function rampQuartersLeft(ramp: { quarters: number }, quartersPerTurn: number, k: number): number {
  const steps = rampSteps(ramp, quartersPerTurn);
  return Math.max(0, steps - Math.max(0, k)) * quartersPerTurn;
}
