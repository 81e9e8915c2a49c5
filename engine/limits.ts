// Limits the page shows before an order is sent (no schema or immer here: the browser's page loads it).

/** Largest change in defense spending (points of GDP) a government can carry in one turn, given its approval. */
export function maxDefenseStep(approval: number): number {
  return Math.min(0.5, Math.max(0.1, 0.25 * (approval / 50)));
}
