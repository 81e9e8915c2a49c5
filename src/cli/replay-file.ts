// Replay files are untrusted input: read with a size cap, checked against the schema, and their scenario id resolved
// only through the registry of built-in scenarios, never used as a path (a path is the user's own --scenario flag).
import { z } from 'zod';
import { COUNTRIES, ENGINE_VERSION, REPLAY_VERSION, formatIssue, type Content, type Replay } from '../../engine/index.ts';
import { zodIssues } from '../../engine/content.ts';
import { builtinKeyIssues } from '../../engine/content-check.ts';
import { builtinScenarioPath, listScenarios, loadContent } from '../content/load.ts';
import { FileError, polishIssue } from './errors.ts';
import { LIMITS, parseJsonText, readTextCapped, resultLinesWhy } from './files.ts';
import { loadScenarioContent } from './content.ts';

const HASH = z.string().regex(/^[0-9a-f]{16}$/, 'a state hash (16 hex digits)');

export const ReplaySchema = z
  .object({
    format: z.literal('rare-earth-gambit-replay'),
    version: z.literal(REPLAY_VERSION),
    scenarioId: z.string().max(200),
    contentHash: HASH,
    engineVersion: z.string().max(100),
    seed: z.string().regex(/^\d{1,16}$/, 'a seed (a whole number)'),
    agents: z.record(z.enum(COUNTRIES), z.string().min(1).max(4096)), // every seat: fork names the agent it replaces
    turns: z.number().int().min(1).max(1000),
    orders: z.array(z.record(z.string(), z.unknown())).max(1000),
    hashes: z.array(HASH).max(1000),
    finalHash: HASH,
  })
  .strict();

/** Parse a replay file (exit 2 if there is no such file, exit 1 with one line per problem if it is too large, not a
 * replay or a damaged one). Nothing in it is used as a path. */
export function readReplay(file: string): Replay {
  const text = readTextCapped(file, file, LIMITS.replay);
  // game results given for a replay read "not valid JSON (... line 2 column 1)" (an analyst's review)
  const results = resultLinesWhy(text);
  if (results) throw new FileError(`${file}: not a replay file: ${results}; write a replay with gambit run --out`);
  const json = parseJsonText(text, file);
  if (json === null || typeof json !== 'object' || Array.isArray(json) || (json as { format?: unknown }).format !== 'rare-earth-gambit-replay')
    throw new FileError(`${file}: not a replay file (write one with gambit run --out)`);
  const builtin = builtinKeyIssues(file, json);
  if (builtin.length) throw new FileError(builtin.map(formatIssue).join('\n'));
  const v = (json as { version?: unknown }).version;
  if (v !== REPLAY_VERSION)
    throw new FileError(
      `${file}: ${v === undefined ? 'a replay with no format version' : `a replay in format version ${JSON.stringify(v).slice(0, 40)}`}; this program reads version ${REPLAY_VERSION}, which records the turn count and final hash (so a cut replay cannot pass); record it again with gambit run --out`,
    );
  const p = ReplaySchema.safeParse(json);
  if (!p.success) throw new FileError(zodIssues(file, json, p.error).map(polishIssue).map(formatIssue).join('\n'));
  const r = p.data as unknown as Replay;
  if (r.engineVersion !== ENGINE_VERSION)
    throw new FileError(`${file}: recorded by engine version ${JSON.stringify(r.engineVersion)}, and this is engine version ${ENGINE_VERSION}; a replay verifies only on the engine version that recorded it`);
  return r;
}

/** The content to check a replay against: the user's --scenario (an id or a path), else the scenario the replay names,
 * which must be a built-in one. */
export function replayContent(file: string, replay: Replay, scenario: string | undefined): Content {
  if (scenario !== undefined) return loadScenarioContent(scenario);
  const path = builtinScenarioPath(replay.scenarioId);
  if (!path)
    throw new FileError(
      `${file}: the replay names scenario ${JSON.stringify(replay.scenarioId.slice(0, 80))}, which is not a built-in scenario (${listScenarios()
        .map((s) => s.id)
        .join(', ')}); to check it against a scenario file, give --scenario PATH`,
    );
  return loadContent(path);
}
