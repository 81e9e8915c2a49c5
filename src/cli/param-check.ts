// A sweep's parameter values, checked by the content's own rules before any game: a value that `gambit validate`
// would refuse in a content file (goods.autos.sigma=-5: "a number above 0 and at most 20") is refused here too, naming
// the flag, the value and the rule, instead of being played and ranked. A value outside the number's believed range
// ("range" beside "src") is allowed: exploring past it is what a sweep may be for; only the hard rules apply.
import { SCHEMAS, checkFile, formatIssue, type ContentKind, type RawBundle } from '../../engine/index.ts';
import { UsageError } from './args.ts';
import { leafAt } from './batch.ts';

/** Refuse (UsageError, exit 2) the first value of a parameter that its content file's rules reject. `flag`: how the
 * message names the option (--param). Each value is checked alone, with the other parameters at their base. */
export function checkParamValues(raw: RawBundle, params: { path: string; values: number[] }[], flag = '--param'): void {
  for (const p of params) {
    const [part, ...keys] = p.path.split('.');
    const file = (raw as unknown as Record<string, { file: string; json: unknown } | undefined>)[part];
    if (!file || !Object.prototype.hasOwnProperty.call(SCHEMAS, part) || !keys.length) continue;
    for (const value of [...new Set(p.values)]) {
      const json = structuredClone(file.json);
      // the raw file's node holding the number at the compiled-content path (keys with dots walked greedily, as
      // readParam does), or none where the compiled content is not the file's shape there (nothing to check against)
      const at = leafAt(json, keys.join('.'));
      if (!at) break;
      const node = at.parent[at.key];
      if (typeof node === 'number') at.parent[at.key] = value;
      else if (node && typeof node === 'object' && typeof (node as { v?: unknown }).v === 'number') {
        const n = node as { v: number; range?: unknown };
        n.v = value;
        // the believed range stretched to take the value in: a sweep may look past it
        if (Array.isArray(n.range) && n.range.length === 2 && n.range.every((x) => typeof x === 'number')) {
          const [lo, hi] = n.range as [number, number];
          const wide: [number, number] = [Math.min(lo, value), Math.max(hi, value)];
          n.range = wide[0] < wide[1] ? wide : [value - 1, value + 1];
        }
      } else break;
      const r = checkFile(part as ContentKind, file.file, json);
      if (!r.ok) throw new UsageError(`${flag} ${p.path}=${value}: the content does not allow it (${formatIssue(r.issues[0])}); give values the content's rules allow (gambit validate checks a content file by them)`);
    }
  }
}
