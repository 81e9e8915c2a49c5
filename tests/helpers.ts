// Shared test helpers: the compiled default content, and short games with scripted orders.
import { loadContent } from '../src/content/load.ts';
import { createGame, resolveTurn, type Content, type GameState, type Orders, type TurnReport } from '../engine/index.ts';

export const content: Content = loadContent('rare-earth-gambit');

/** Play `turns` turns from a fresh game with orders by turn (1-based); returns the state after each turn. */
export function play(seed: number, turns: number, ordersByTurn: Record<number, Orders> = {}, c: Content = content): { states: GameState[]; reports: TurnReport[] } {
  let s = createGame(c, seed);
  const states: GameState[] = [];
  const reports: TurnReport[] = [];
  for (let t = 1; t <= turns; t++) {
    const r = resolveTurn(c, s, ordersByTurn[t] ?? {});
    s = r.state;
    states.push(s);
    reports.push(r.report);
  }
  return { states, reports };
}

export function share(values: Record<string, number>, key: string): number {
  const tot = Object.values(values).reduce((a, b) => a + b, 0);
  return values[key] / tot;
}

/** String order as `<` sees it (the engine's sorted iteration). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A small deterministic generator for generated test cases (no Math.random: the same cases every run). */
export function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
