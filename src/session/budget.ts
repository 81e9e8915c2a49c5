// A snapshot's budget fields (protocol.ts), the same for a game on its own, a class's world and a class's sandbox:
// what a country can spend this turn, and the most it can hold (rules.budget.carryCap years of its programme budget).
import { budgetAnnual, budgetAvailable, type Content, type CountryId, type GameState } from '../../engine/index.ts';

export function budgetOf(content: Content, state: GameState, c: CountryId): { budget: number; budgetCap: number } {
  return { budget: budgetAvailable(content, state, c), budgetCap: content.rules.budget.carryCap * budgetAnnual(content, state, c) };
}
