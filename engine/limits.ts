// Limits the page shows before an order is sent (no schema or immer here: the browser's page loads it).

/** Largest change in defense spending (points of GDP) a government can carry in one turn, given its approval. */
export function maxDefenseStep(approval: number): number {
  return Math.min(0.5, Math.max(0.1, 0.25 * (approval / 50)));
}

/** The step as the page and the order issue say it: rounded down to hundredths, so that a change of the figure shown
 * is allowed (at approval 49.9 the step is 0.2495: "0.25" refused a change of 0.25, "0.24" does not mislead). */
export function shownDefenseStep(step: number): number {
  return Math.floor(step * 100 + 1e-9) / 100;
}
