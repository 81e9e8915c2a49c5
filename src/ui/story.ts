// The figures the first screen shows with the story's rounding (a change, its unit and the why ledger's sums agree) and
// the memory of restrictions on the player; the digest's story itself (news in plain words, the biggest changes and
// their causes, the news sorted) is story-news.ts, loaded with the digest, after the map (the page's JavaScript budget).
import { STAGES, type CountryView, type Headline, type RegionId, type StageKey } from '../../engine/lite.ts';
import { num, t } from './i18n.ts';

/** Others' export controls in force on the player, by country: the strictest level and the stages. */
/** The restrictions on the player, by country and level: the stages, each one's licensed share (`shares`, in the stages'
 * order; 0 for a ban) and the smallest of them (`share`). */
export function restrictionsOn(view: Pick<CountryView, 'country' | 'others'>): { who: RegionId; level: 'banned' | 'licensed'; stages: StageKey[]; share: number; shares: number[] }[] {
  const out: { who: RegionId; level: 'banned' | 'licensed'; stages: StageKey[]; share: number; shares: number[] }[] = [];
  for (const [who, o] of Object.entries(view.others) as [RegionId, CountryView['others'][RegionId]][]) {
    if (who === view.country || !o) continue;
    const ctl = o.policies.controls[view.country];
    if (!ctl) continue;
    for (const level of ['banned', 'licensed'] as const) {
      const stages = STAGES.filter((s) => ctl[s]?.level === level);
      const shares = stages.map((s) => (level === 'licensed' ? ctl[s]!.share : 0));
      if (stages.length) out.push({ who, level, stages, share: Math.min(...shares), shares });
    }
  }
  return out;
}

/** A restriction as the memory knows it: who, the level, the stages and their shares (China's scenario licences cut
 * from 90% and 96% to 70% and 85% were a restriction "in force since before the game began" when the key left the
 * shares out). */
const restrictionKey = (r: { who: RegionId; level: string; stages: StageKey[]; shares: number[] }): string => `${r.who}|${r.level}|${r.stages.join(',')}|${r.shares.join(',')}`;

/** Remembers the turn each restriction on the player began, from the turns as they come (a delayed effect names it). */
export class RestrictionMemory {
  private since = new Map<string, number>();
  observe(turn: number, view: Pick<CountryView, 'country' | 'others'>): void {
    const now = new Set<string>();
    for (const r of restrictionsOn(view)) {
      const k = restrictionKey(r);
      now.add(k);
      if (!this.since.has(k)) this.since.set(k, turn);
    }
    for (const k of [...this.since.keys()]) if (!now.has(k)) this.since.delete(k);
  }
  sinceOf(r: { who: RegionId; level: string; stages: StageKey[]; shares: number[] }): number | undefined {
    return this.since.get(restrictionKey(r));
  }
}

/** A headline's change, signed, in its unit: "+1.2" (approval, security), "−12,000", and magnet supply in percentage
 * points ("−7.2 percentage points" in the story, "−7.2 pp" where room is short: the ledger and the table); "±0" when it rounds to
 * nothing. The one formatter of changes for the story and the digest. */
/** How each headline is shown: magnet supply in percent to a tenth, approval and security to a tenth, the others in
 * whole units. The one table behind a figure, its change and the why ledger's rounding, so the three agree. */
export const SHOWN: Record<Headline, { scale: number; digits: number }> = {
  gdp: { scale: 1, digits: 0 },
  autoProduction: { scale: 1, digits: 0 },
  autoExports: { scale: 1, digits: 0 },
  magnetSupplyRatio: { scale: 100, digits: 1 },
  approval: { scale: 1, digits: 1 },
  security: { scale: 1, digits: 1 },
};

/** The step a headline is shown in (SHOWN): a whole unit, a tenth of approval and security, a tenth of a point of
 * supply. */
export const STEP = (hd: Headline): number => 10 ** -SHOWN[hd].digits / SHOWN[hd].scale;

/** `values` rounded to multiples of `step` so that they add up to `total` rounded (largest remainders: each value is
 * rounded down, and the units still missing go to the largest fractions), not each on its own: GDP's causes read +4,
 * +2, −1, −1, +1 beside a change of +4. */
export function roundedToSum(values: readonly number[], total: number, step: number): number[] {
  const units = values.map((v) => v / step);
  const floor = units.map(Math.floor);
  let missing = Math.round(total / step) - floor.reduce((a, b) => a + b, 0);
  const order = units.map((u, i) => i).sort((a, b) => units[b]! - floor[b]! - (units[a]! - floor[a]!) || a - b);
  const out = floor.slice();
  for (let k = 0; k < order.length && missing !== 0; k++) {
    out[order[k]!] += missing > 0 ? 1 : -1; // missing < 0 only if `total` is not the values' sum: taken from the largest
    missing += missing > 0 ? -1 : 1;
  }
  return out.map((u) => u * step);
}

/** A headline's change as its two figures shown differ (48.6 → 47.9 is −0.7, not the −0.65 rounded to −0.6). */
export function shownChange(hd: Headline, x: { prev: number; value: number }): number {
  const step = STEP(hd);
  return (Math.round(x.value / step) - Math.round(x.prev / step)) * step;
}

/** A headline's change as shown, and its causes rounded to add up to it (by position), as every screen says them: the
 * why ledger, the digest's box and an event's note. */
export function shownWithCauses(hd: Headline, x: { prev: number; value: number; causes: readonly { amount: number }[] }): { shown: number; amounts: number[] } {
  const shown = shownChange(hd, x);
  return { shown, amounts: roundedToSum(x.causes.map((c) => c.amount), shown, STEP(hd)) };
}

/** A headline's figure as shown, without its unit. */
export const shownFigure = (hd: Headline, v: number): string => num(v * SHOWN[hd].scale, SHOWN[hd].digits);

export function fmtChange(hd: Headline, v: number, unit: 'points' | 'pt' = 'points'): string {
  const a = Math.abs(v);
  const mag = shownFigure(hd, a);
  if (!/[1-9]/.test(mag)) return '±0';
  const s = v >= 0 ? '+' : '−';
  return hd === 'magnetSupplyRatio' ? `${s}${mag} ${t(unit === 'pt' ? 'digest.pt' : 'digest.points')}` : `${s}${mag}`;
}
