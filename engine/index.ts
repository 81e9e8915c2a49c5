// The engine's public face: everything a host (CLI, browser, worker, server) needs, and nothing else.
export * from './ids.ts';
export { createGame } from './init.ts';
export { resolveTurn, resolveTurnLean } from './turn.ts';
export { viewFor, beliefState, type CountryView } from './view.ts';
export { validateOrders, InvalidOrdersError, maxDefenseStep, budgetAvailable, budgetAnnual, type OrderIssue } from './policy.ts';
export { compileContent, checkFile, ContentError, formatIssue, SCHEMAS, type Content, type ContentIssue, type ContentKind, type RawBundle } from './content.ts';
export { hashValue, canonicalJson } from './hash.ts';
export { own, persona, projectType } from './own.ts';
export * from './game.ts';
export { turnSummary, type TurnSummary } from './summary.ts';
export { makeAgent, agentNames, AGENT_DESCRIPTIONS, ScriptSchema, SCRIPT_TURN_KEY, scriptedAgent, type Agent, type Script } from './agents/index.ts';
export type { GameState, TurnReport, RegionState, Deal, Project, HeadlineChange, LedgerEntry, Overridden } from './state.ts';
export { ENGINE_VERSION } from './state.ts';
export type { Orders, CountryOrders } from './schema.ts';
export { routeLanes, type GameMap } from './map.ts';
export { OBJECTIVES, type ObjectiveKey } from './economy.ts';
export { riskParts, type RiskParts } from './risk.ts';
