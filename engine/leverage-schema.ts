// The US-China leverage track's content (rules.json, "leverage"): what a year of escalation costs each side, and how
// a truce is reached and renewed. Mechanism and sources: docs/MODEL.md S8a; engine/leverage.ts.
import { z } from 'zod';
import { N, Frac } from './sourced.ts';

export const LeverageSchema = z
  .object({
    /** share of GDP in output that stops without magnets */
    magnetStake: Frac,
    /** share of that output lost over a year per unit of magnet supply cut */
    squeezeLoss: Frac,
    /** share of the usual Chinese volume a year of squeeze withholds */
    squeezeCut: Frac,
    /** the US's answer to a squeeze: tariff points on China's other goods */
    escalationPts: N,
    /** share of the exports lost to a US tariff that China sells elsewhere */
    redirect: Frac,
    /** domestic value added per dollar of China's exports */
    valueAdded: Frac,
    /** the US's trade-weighted mean tariff on China above its start (points) that counts as escalation */
    escalationTrigger: N,
    ripeTurns: N,
    truceTurns: N,
    dealTurns: N,
    acceptTolerance: N,
    /** share of the way the dependence figures move toward this quarter's each quarter */
    smoothing: Frac,
    reportStep: N,
  })
  .strict();
export type LeverageRules = z.infer<typeof LeverageSchema>;
