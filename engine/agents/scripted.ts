// Scripted agents: orders read from a file, by turn. A listed turn's partial orders merge onto the standing policies.
import { z } from 'zod';
import { CountryOrdersSchema, type CountryOrders } from '../schema.ts';
import type { Agent } from './types.ts';

/** A script's turn key: a turn number from 1, in decimal, no leading zero. */
export const SCRIPT_TURN_KEY = /^[1-9][0-9]*$/;

export const ScriptSchema = z
  .object({
    description: z.string().optional(),
    turns: z.record(z.string().regex(SCRIPT_TURN_KEY, 'a turn number (1, 2, ...)'), CountryOrdersSchema),
  })
  .strict();
export type Script = z.infer<typeof ScriptSchema>;

export function scriptedAgent(name: string, script: Script): Agent {
  return {
    name,
    needsView: false,
    decide({ view }): CountryOrders {
      return script.turns[String(view.turn + 1)] ?? {};
    },
  };
}
