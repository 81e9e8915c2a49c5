// A snapshot's figures from the content (protocol.ts), the same for a game on its own, a class's world and a class's
// sandbox: what a country can spend this turn, the most it can hold (rules.budget.carryCap years of its programme
// budget), the scale its supply independence is read on (engine/risk.ts independenceFrom), and the output a year a
// dollar of pledged investment moves (engine/macro.ts), and the country's supply risk taken apart (engine/risk.ts
// riskParts) for the Indicators tab's "why?" of supply independence.
import { REGIONS, budgetAnnual, budgetAvailable, riskParts, type Content, type CountryId, type GameState, type RiskParts } from '../../engine/index.ts';

export function contentFigures(content: Content, state: GameState, c: CountryId, opening: GameState): { budget: number; budgetCap: number; riskScale: number; capitalReturn: number; openingRisk: number; riskParts: RiskParts } {
  return { budget: budgetAvailable(content, state, c), budgetCap: content.rules.budget.carryCap * budgetAnnual(content, state, c), riskScale: content.rules.supplyRisk.scale, capitalReturn: content.rules.macro.capitalReturn, openingRisk: opening.regions[c].last.supplyRisk, riskParts: riskParts(content, state, REGIONS.indexOf(c)) };
}

/** For the end screen's sense of scale: the points GDP 1% above the yardstick's in every quarter is worth to country
 * `c` (100 ln 1.01, the GDP objective's points for 1%, times its weight: economy.ts partsInto). */
export function gdpPercentPoints(content: Content, c: CountryId): number {
  return 100 * Math.log(1.01) * (content.countries.regions[c].objectives?.gdp ?? 0);
}
