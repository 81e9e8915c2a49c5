// Where a deal overrode the player's own order: the engine writes the order's news ("JPN sets its tariffs on USA: cars
// 25% (was 2.5%).") before the turn's deals bind the policies (engine/turn.ts, enforceDeals), so a tariff above a deal's
// cap, an export ban a deal keeps open, or defence below a deal's floor read as done when they were not. The digest's
// "Your moves" says so under the order, from the policies in force after the turn and the deals that bind them.
import { REGIONS, STAGE_NAMES, TARIFF_GOOD_NAMES, type CountryId, type RegionId, type StageKey, type TariffGood } from '../../engine/lite.ts';
import type { CountryView } from '../../engine/lite.ts';
import { num, t } from './i18n.ts';
import { countryIn, goodName, levelName, stageAttr } from './labels.ts';

type Commitment = CountryView['deals'][number]['give'][number];

const GOOD_BY_NAME = new Map(Object.entries(TARIFF_GOOD_NAMES).map(([g, n]) => [n, g as TariffGood]));
const STAGE_BY_NAME = new Map(Object.entries(STAGE_NAMES).map(([s, n]) => [n.replace(/s$/, ''), s as StageKey]));

/** The active deal that holds `me` to a commitment matching `hit` towards `partner` on turn `turn`, or null. */
function binding(view: CountryView, me: CountryId, partner: RegionId, turn: number, hit: (k: Commitment) => boolean): string | null {
  for (const d of view.deals) {
    if (d.status !== 'active' || d.startTurn > turn) continue;
    const mine = d.from === me && d.to === partner ? d.give : d.to === me && d.from === partner ? d.get : [];
    if (mine.some(hit)) return d.id;
  }
  return null;
}

const pct = (v: number) => `${num(v, 2).replace(/[.,]?0+$/, '')}%`;

/** Notes for one of the player's own news lines whose order a deal overrode (none for most lines). `view`: the
 * player's view after the turn (its policies are the ones in force). */
export function overrideNotes(line: string, me: CountryId, view: CountryView | null | undefined, turn: number): string[] {
  if (!view || !line.startsWith(`${me} `)) return [];
  const pol = view.self.policies;
  const out: string[] = [];
  let m = new RegExp(`^${me} sets its tariffs on (\\w{3}): (.*)\\.$`).exec(line);
  if (m) {
    const p = m[1] as RegionId;
    for (const part of m[2]!.split(', ')) {
      const x = /^(.+) ([\d.]+)% \(was [\d.]+%\)$/.exec(part);
      const g = x ? GOOD_BY_NAME.get(x[1]!) : undefined;
      if (!x || !g) continue;
      const ordered = Number(x[2]);
      const now = pol.tariffs[p]?.[g];
      if (now === undefined || now >= ordered) continue;
      const id = binding(view, me, p, turn, (k) => k.type === 'tariffCap' && k.good === g);
      if (id) out.push(t('notes.overrideTariff', { id, who: countryIn(p), good: goodName(g), ordered: pct(ordered), now: pct(now) }));
    }
    return out;
  }
  m = new RegExp(`^${me} (bans|licenses \\d+% of the usual) (.+) exports to (.+)\\.$`).exec(line);
  if (m) {
    const st = STAGE_BY_NAME.get(m[2]!);
    if (!st) return [];
    const to = m[3] === 'everyone' ? REGIONS.filter((r) => r !== me) : (m[3]!.split(', ') as RegionId[]);
    const level = m[1] === 'bans' ? 'banned' : 'licensed';
    for (const p of to) {
      if (pol.controls[p]?.[st]?.level !== 'open') continue;
      const id = binding(view, me, p, turn, (k) => k.type === 'openExports' && k.stage === st);
      if (id) out.push(t('notes.overrideControl', { id, who: countryIn(p), what: stageAttr(st), ordered: levelName(level), now: levelName('open') }));
    }
    return out;
  }
  m = new RegExp(`^${me} (raises|cuts) defence spending to ([\\d.]+)% of GDP\\.$`).exec(line);
  if (m && pol.defensePct > Number(m[2]) + 0.005) {
    for (const p of REGIONS) {
      const id = p === me ? null : binding(view, me, p, turn, (k) => k.type === 'defenseFloor' && pol.defensePct >= k.minPct - 1e-9);
      if (id) return [t('notes.overrideDefence', { id, who: countryIn(p), ordered: pct(Number(m[2])), now: pct(pol.defensePct) })];
    }
  }
  return out;
}
