// What the browser's page takes from the engine: the vocabularies, a limit it shows before an order is sent, the
// deals' test of an order (engine/commitments.ts), and the sea-lane routing the map draws. Nothing here loads zod,
// immer or the turn: the page stays small, and the engine itself runs in the Web Worker (src/session/worker.ts).
// tests/page-imports.test.ts keeps it that way.
export * from './ids.ts';
export { maxDefenseStep, shownDefenseStep, ORDER_LIMITS } from './limits.ts';
// which deal in force an order would break (the turn's own test, engine/deals.ts), said beside the field and before End turn
export { bindingCommitments, violates } from './commitments.ts';
export { routeLanes } from './route-lanes.ts';
export { fmtT } from './fmt.ts';
// how far a finished plant has ramped up, shown in the projects panel
export { quickestBuild, rampQuartersLeft, rampShare } from './ramp.ts';
export type { GameMap, LaneRoute } from './map-schema.ts';
export type { CountryView } from './view.ts';
export type { TurnSummary } from './summary.ts';
export type { Deal, GameState, TurnReport } from './state.ts';
export type { Commitment, CountryOrders, Orders } from './schema.ts';
export type { OrderIssue } from './policy.ts';
