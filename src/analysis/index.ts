// Public entry point of the payoff-table analysis: game-theoretic summaries of tournament results.
export * from './table.ts';
export * from './equilibria.ts';
export * from './replicator.ts';
export * from './alpharank.ts';
export * from './confidence.ts';
export * from './analyze.ts';
export * from './format.ts';
export * from './paired.ts';
export * from './stats.ts';
