// Sourced numbers in content files: {"v": 270000, "src": "USGS MCS 2025"}, with an optional plausible range for assumptions.
import { z } from 'zod';

/** A number with its source, compiled to the bare number. An assumption may add the range it could take, "range": [lo, hi]
 * (lo < hi, v inside), which `gambit sweep --method sobol` samples; the compiled number does not carry it
 * (src/content/ranges.ts reads it from the files). */
const sourced = (num: z.ZodNumber) =>
  z
    .object({ v: num, src: z.string().min(3, 'a source of at least 3 characters'), note: z.string().optional(), range: z.tuple([num, num]).optional() })
    .strict()
    .refine((o) => !o.range || (o.range[0] < o.range[1] && o.range[0] <= o.v && o.v <= o.range[1]), { path: ['range'], message: 'a range [lo, hi] with lo < hi and lo <= v <= hi' })
    .transform((o) => o.v);

/** Any finite sourced number. */
export const N = sourced(z.number().finite());
/** A sourced fraction in [0, 1] (its range too). */
export const Frac = sourced(z.number().min(0).max(1));
/** A sourced whole number from 0 to 1000 (a count: reads, retries, turns). */
export const Count = sourced(z.number().int().min(0).max(1000));
