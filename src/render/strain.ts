// A country's state on the map (calm, strained, crisis), apart from the Pixi layers so that pages and tests without a
// WebGL context can read it.

/** A country's state for the map: how much of the magnets it needs it got last quarter, read at the tenth of a per
 * cent the labels show (94.996% read "95% · short" beside the glossary's "under 95% the map shows it short"). */
export type Strain = 'calm' | 'strained' | 'crisis';
export function strainOf(ratio: number): Strain {
  const shown = Math.round(ratio * 1000) / 1000;
  return shown >= 0.95 ? 'calm' : shown >= 0.8 ? 'strained' : 'crisis';
}
