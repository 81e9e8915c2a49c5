// Save files are untrusted input (a file from anywhere): size-capped, schema-checked, and checked against this game's
// engine version, scenario and content before a single turn is replayed (SessionCore.load replays and checks hashes).
import { z } from 'zod';
import { COUNTRIES, ENGINE_VERSION, type Content } from '../../engine/index.ts';

/** Saves are untrusted input (a file from anywhere): at most this many characters (a 40-turn save is some 30 KB). */
export const MAX_SAVE_CHARS = 16 * 1024 * 1024;

export const SaveSchema = z
  .object({
    format: z.literal('rare-earth-gambit-save'),
    version: z.literal(1),
    config: z.object({ scenarioId: z.string(), country: z.enum(COUNTRIES), agents: z.record(z.string(), z.string()), turns: z.number().int().min(1).max(200), seed: z.number().int().min(0) }).strict(),
    contentHash: z.string(),
    engineVersion: z.string(),
    playerOrders: z.array(z.record(z.string(), z.unknown())),
    hashes: z.array(z.string()),
    /** every timeline (a fork is a second one); playerOrders and hashes above are the active one's, for older readers */
    timelines: z
      .array(z.object({ label: z.string().max(40), forkedAt: z.number().int().min(0), playerOrders: z.array(z.record(z.string(), z.unknown())), hashes: z.array(z.string()) }).strict())
      .max(26)
      .optional(),
    active: z.number().int().min(0).optional(),
  })
  .strict();

export type SaveFile = z.infer<typeof SaveSchema>;

/** Parse and check a save's text; every refusal is one line for the player. */
export function readSave(text: unknown, content: Content): { ok: true; save: SaveFile } | { ok: false; error: string } {
  if (typeof text !== 'string') return { ok: false, error: 'this is not a save file' };
  if (text.length > MAX_SAVE_CHARS) return { ok: false, error: `this file is too large to be a save (${(text.length / 1048576).toFixed(1)} MB; a save is at most ${MAX_SAVE_CHARS / 1048576} MB)` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `this is not a save file: it is not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  const p = SaveSchema.safeParse(json);
  if (!p.success) {
    const i = p.error.issues[0];
    const what = /received undefined$/.test(i.message) ? `${i.path.join('.')} is missing` : `${i.path.join('.') || 'the top level'}: ${i.message.replace(/^Invalid input: /, '').replace(/, received /, ', found ')}`;
    return { ok: false, error: i.path[0] === 'format' ? 'this is not a Rare Earth Gambit save file' : `this save file is damaged (${what})` };
  }
  const save = p.data;
  if (save.engineVersion !== ENGINE_VERSION) return { ok: false, error: `this save was made by engine version ${JSON.stringify(save.engineVersion.slice(0, 40))}, and this is version ${ENGINE_VERSION}; it cannot be replayed exactly` };
  if (save.config.scenarioId !== content.scenario.id) return { ok: false, error: `this save is of scenario ${JSON.stringify(save.config.scenarioId.slice(0, 60))}, which this game does not have` };
  if (save.hashes.length !== save.playerOrders.length) return { ok: false, error: 'this save is damaged: it holds a different number of turns of orders and of hashes' };
  for (const [i, tl] of (save.timelines ?? []).entries()) if (tl.hashes.length !== tl.playerOrders.length) return { ok: false, error: `this save is damaged: timeline ${i + 1} holds a different number of turns of orders and of hashes` };
  if (save.timelines && (save.active ?? 0) >= save.timelines.length) return { ok: false, error: 'this save is damaged: its active timeline is not among its timelines' };
  const act = save.timelines?.[save.active ?? 0];
  if (act && (JSON.stringify(act.hashes) !== JSON.stringify(save.hashes) || JSON.stringify(act.playerOrders) !== JSON.stringify(save.playerOrders))) return { ok: false, error: 'this save is damaged: its active timeline differs from its top-level orders and hashes' };
  if (save.contentHash !== content.hash) return { ok: false, error: 'this save was made with different game content, so it cannot be replayed exactly' };
  return { ok: true, save };
}
