// The deep-sea mud programme's content (projects.json, "deepSea"): its stages, what the programme believes about the
// deposit and lift system before it starts, the commercial design it scales to, retries, and the seabed's consequences.
import { z } from 'zod';
import { N, Frac, Count } from './sourced.ts';

/** One stage of the programme: paid from the budget when it starts, it runs for `quarters` (slips as plants do), then
 * gives `reads` independent reads on the performance of the deposit and lift system, of which `pass` must be good. */
export const MudStageSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z]*$/),
    label: z.string().min(3),
    costUsdBn: N,
    quarters: N,
    reads: Count,
    pass: Count,
    /** t of REO lifted by the stage's own trials (seabed damage; no capacity comes of it) */
    liftTonnesReo: N,
    /** true if the stage lifts mud (it stops while the lifting licence is suspended) */
    lifts: z.boolean(),
  })
  .strict();

export const DeepSeaSchema = z
  .object({
    /** Beta prior on the programme's performance: the share of the technical best case the deposit and lift deliver */
    prior: z.object({ alpha: N, beta: N }).strict(),
    stages: z.array(MudStageSchema).min(1).max(8),
    /** the commercial system at full performance: capacity = lift x days x grade x performance (t REO / yr per unit) */
    design: z.object({ liftTonnesPerDay: N, daysPerYear: N, bestGradeKgPerTonne: N }).strict(),
    /** a failed stage may be run again at a share of its cost and a time, if its chance of passing is still high enough */
    retry: z.object({ costShare: Frac, quarters: N, maxRetries: Count, minChance: Frac }).strict(),
    seabed: z
      .object({
        /** approval points lost per point of cumulative seabed damage */
        approvalPerPoint: N,
        /** chance per quarter, per point of seabed damage, that lifting is suspended; capped at maxChance */
        suspendPerPoint: N,
        maxChance: Frac,
        suspendTurns: Count,
      })
      .strict(),
  })
  .strict();
export type DeepSea = z.infer<typeof DeepSeaSchema>;
