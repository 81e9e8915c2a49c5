// A class's options and every message a client may send, checked with zod before anything is done with them; orders
// themselves are checked by the engine's own schema and rules (validateOrders).
import { z } from 'zod';
import { COUNTRIES } from '../../engine/index.ts';

export const ClassConfigSchema = z
  .object({
    name: z.string().trim().min(1).max(80).default('Class'),
    scenarioId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).default('rare-earth-gambit'),
    /** parallel worlds */
    worlds: z.number().int().min(1).max(12).default(2),
    /** the same seed in every world (so they can be compared), or seed, seed+1, ... */
    sameSeed: z.boolean().default(true),
    seed: z.number().int().min(0).max(1e9).default(1),
    /** students who share one country in one world, at most */
    seatsPerCountry: z.number().int().min(1).max(6).default(2),
    /** countries students play; the others are bots (personas) */
    countries: z.array(z.enum(COUNTRIES)).min(1).max(5).default([...COUNTRIES]),
    turns: z.number().int().min(1).max(40).default(8),
    roundSeconds: z.number().int().min(2).max(3600).default(180),
    /** what a seat that misses the deadline does: keep its policies, or let its bot decide */
    missed: z.enum(['keep', 'bot']).default('keep'),
    /** seconds without a connected student before a bot takes a seat over (0: never) */
    idleGraceSeconds: z.number().int().min(0).max(3600).default(120),
    /** engine turns (quarters) in one round of the class: 4 plays a year a round */
    quartersPerRound: z.union([z.literal(1), z.literal(2), z.literal(4)]).default(1),
    /** a sandbox: students may fork private what-if timelines and undo there (the teacher can change it in play) */
    sandbox: z.boolean().default(false),
  })
  .strict();

export type ClassConfig = z.infer<typeof ClassConfigSchema>;

/** A join: the class code and a name; `token`, the seat token this browser holds (rejoining its own seat needs no
 * approval); `request`, the id of a request to rejoin that waits for the teacher (access.ts). */
export const JoinSchema = z.object({ code: z.string().trim().min(4).max(12), label: z.string().trim().min(1).max(40), token: z.string().max(200).optional(), request: z.string().max(64).optional() }).strict();

const Country = z.enum(COUNTRIES);
const World = z.number().int().min(0).max(11);

/** Requests over the socket: {id, method, args}. Each method's arguments. */
export const METHOD_ARGS = {
  // a student's Session (src/session/protocol.ts)
  scenarios: z.tuple([]),
  agents: z.tuple([]),
  briefing: z.tuple([Country]).rest(z.unknown()),
  start: z.tuple([]).rest(z.unknown()),
  validate: z.tuple([z.record(z.string(), z.unknown())]),
  submit: z.tuple([z.record(z.string(), z.unknown()), z.number().int().min(0).optional()]),
  undo: z.tuple([z.number()]),
  fork: z.tuple([]),
  switchTimeline: z.tuple([z.number()]),
  compare: z.tuple([]),
  save: z.tuple([]),
  load: z.tuple([z.unknown()]),
  finish: z.tuple([]),
  replayTurn: z.tuple([z.number().int().min(1).max(1000)]),
  projectTypes: z.tuple([]),
  strategyPlan: z.tuple([]),
  strategyRow: z.tuple([z.string().max(100)]),
  snapshot: z.tuple([]),
  // the teacher
  state: z.tuple([]),
  begin: z.tuple([]),
  pause: z.tuple([]),
  resume: z.tuple([]),
  extend: z.tuple([z.number().int().min(5).max(3600), World.nullable()]),
  // the round each world was at when the teacher asked (by index): a world that has moved on since (its last student
  // sent in the meantime) is not ended again
  endRound: z.tuple([World.nullable(), z.array(z.number().int().min(0)).max(64).optional()]),
  move: z.tuple([z.string().max(40), World, Country, z.string().max(40).optional()]),
  captain: z.tuple([World, Country, z.string().max(40).nullable()]),
  revoke: z.tuple([z.string().max(40)]),
  admit: z.tuple([z.string().max(64), z.boolean()]),
  sandbox: z.tuple([z.boolean()]),
  endClass: z.tuple([]),
  debrief: z.tuple([]),
  briefings: z.tuple([]),
  projectorLink: z.tuple([z.string().max(200).nullable()]),
} as const;

export type Method = keyof typeof METHOD_ARGS;

export const STUDENT_METHODS = new Set<Method>(['scenarios', 'agents', 'briefing', 'start', 'validate', 'submit', 'undo', 'fork', 'switchTimeline', 'compare', 'save', 'load', 'finish', 'replayTurn', 'projectTypes', 'strategyPlan', 'strategyRow', 'snapshot']);
export const TEACHER_METHODS = new Set<Method>(['state', 'begin', 'pause', 'resume', 'extend', 'endRound', 'move', 'captain', 'revoke', 'admit', 'sandbox', 'endClass', 'debrief', 'briefings', 'scenarios', 'projectorLink']);
export const PROJECTOR_METHODS = new Set<Method>(['state', 'debrief']);

export const RequestSchema = z.object({ id: z.number().int().min(0), method: z.string().max(40), args: z.array(z.unknown()).max(4).default([]) }).strict();
export const HelloSchema = z.object({ hello: z.string().min(10).max(200) }).strict();

/** One line for a zod failure: where and what. */
export function zodLine(e: z.ZodError): string {
  const i = e.issues[0];
  return `${i.path.length ? i.path.join('.') : 'the message'}: ${i.message}`;
}
