// What the browser's page takes from the engine: the vocabularies, a limit it shows before an order is sent, and the
// sea-lane routing the map draws. Nothing here loads zod, immer or the turn: the page stays small, and the engine
// itself runs in the Web Worker (src/session/worker.ts). tests/page-imports.test.ts keeps it that way.
export * from './ids.ts';
export { maxDefenseStep, shownDefenseStep } from './limits.ts';
export { routeLanes } from './route-lanes.ts';
export type { GameMap, LaneRoute } from './map-schema.ts';
export type { CountryView } from './view.ts';
export type { GameState, TurnReport } from './state.ts';
export type { CountryOrders, Orders } from './schema.ts';
export type { OrderIssue } from './policy.ts';
