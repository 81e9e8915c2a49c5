// Seeded events from content: conditions over a small metric vocabulary, declarative effects, and the shocks they leave running.
import type { Content } from './content.ts';
import type { GameState, Shock } from './state.ts';
import type { GameEvent, Effect } from './schema.ts';
import { REGIONS, isCountry, isRegion, type RegionId, type StageKey } from './ids.ts';

/** Read a metric path such as prices.oxide.heavy.world or countries.MYS.pollution; undefined when the path is unknown. */
export function readMetric(state: GameState, path: string): number | string | undefined {
  const p = path.split('.');
  const head = p[0];
  if (head === 'turn') return state.turn;
  if (head === 'prices') {
    const stage = p[1] === 'magnet' ? 'magnet' : `${p[1]}.${p[2]}`;
    const where = p[1] === 'magnet' ? p[2] : p[3];
    const table = state.prices[stage as StageKey];
    if (!table) return undefined;
    if (where === 'world') return state.worldPrice[stage as StageKey];
    return isRegion(where) ? table[where] : undefined;
  }
  if (head === 'countries' && isRegion(p[1])) {
    const r = state.regions[p[1]];
    switch (p[2]) {
      case 'gdp':
        return r.gdp;
      case 'approval':
        return r.approval;
      case 'pollution':
        return r.pollution;
      case 'seabed':
        return r.seabed;
      case 'security':
        return r.security;
      case 'magnetSupplyRatio':
        return r.last.magnetSupplyRatio;
      case 'autoProduction':
        return r.last.autoProduction;
      case 'defensePct':
        return r.policies.defensePct;
      case 'budget':
        return r.budget;
    }
    return undefined;
  }
  if (head === 'tension' && isCountry(p[1]) && isCountry(p[2])) return p[1] === p[2] ? 0 : state.tension[p[1]][p[2]];
  if (head === 'controls' && isRegion(p[1]) && isRegion(p[2])) {
    const stage = p.slice(3).join('.') as StageKey;
    return state.regions[p[1]].policies.controls[p[2]]?.[stage]?.level;
  }
  if (head === 'tariffs' && isRegion(p[1]) && isRegion(p[2])) {
    const g = p[3] as keyof GameState['regions']['JPN']['policies']['tariffs']['JPN'];
    return state.regions[p[1]].policies.tariffs[p[2]]?.[g];
  }
  if (head === 'straits') return state.straits[p[1]];
  return undefined;
}

export function conditionsHold(state: GameState, ev: GameEvent): boolean {
  for (const c of ev.conditions) {
    const v = readMetric(state, c.metric);
    if (v === undefined) return false;
    const w = c.value;
    let ok: boolean;
    switch (c.op) {
      case '==':
        ok = v === w;
        break;
      case '!=':
        ok = v !== w;
        break;
      case '<':
        ok = v < w;
        break;
      case '<=':
        ok = v <= w;
        break;
      case '>':
        ok = v > w;
        break;
      default:
        ok = v >= w;
    }
    if (!ok) return false;
  }
  return true;
}

/** Which events fire this turn. Draws exactly one uniform per content event, whatever the state, so runs stay aligned across orders. */
export function pickEvents(content: Content, state: GameState, turn: number, draws: number[]): GameEvent[] {
  const out: GameEvent[] = [];
  content.events.events.forEach((ev, i) => {
    if (turn < ev.window.from || turn > ev.window.to) return;
    if (ev.once && state.firedEvents.includes(ev.id)) return;
    if (draws[i] >= ev.chance) return;
    if (!conditionsHold(state, ev)) return;
    out.push(ev);
  });
  return out;
}

export const LASTING: ReadonlySet<Effect['kind']> = new Set(['capacityShock', 'closeStrait', 'demandShock', 'licenceSuspension']);

/** The running shocks as multipliers per region (index order of REGIONS), built once per shock list: one table of plain
 * number arrays, so the hot supply and car code does not walk effects of different shapes (which made V8 deoptimise it). */
interface ShockTable {
  capacity: Record<string, number[]>;
  demand: Record<string, number[]>;
}
const tables = new WeakMap<readonly Shock[], ShockTable>();
function shockTable(shocks: readonly Shock[]): ShockTable {
  let t = tables.get(shocks);
  if (t) return t;
  t = { capacity: {}, demand: {} };
  const row = (rec: Record<string, number[]>, key: string) => (rec[key] ??= [1, 1, 1, 1, 1, 1]);
  // applied in list order, as a multiplier chain per cell, so the products are bit-for-bit those of a walk over the list
  for (const s of shocks) {
    const e = s.effect;
    if (e.kind === 'capacityShock') row(t.capacity, e.stage)[REGIONS.indexOf(e.region)] *= e.factor;
    else if (e.kind === 'licenceSuspension') row(t.capacity, e.stage)[REGIONS.indexOf(e.region)] = 0;
    else if (e.kind === 'demandShock') row(t.demand, e.target)[REGIONS.indexOf(e.region)] *= e.factor;
  }
  tables.set(shocks, t);
  return t;
}

/** Output multiplier on a region's stage from running shocks. */
export function capacityFactor(shocks: readonly Shock[], region: RegionId, stage: StageKey): number {
  const r = shockTable(shocks).capacity[stage];
  return r ? r[REGIONS.indexOf(region)] : 1;
}

/** Demand multiplier on a region's use (cars, electronics, wind, defense, other) from running shocks. */
export function demandFactor(shocks: readonly Shock[], region: RegionId, target: string): number {
  const r = shockTable(shocks).demand[target];
  return r ? r[REGIONS.indexOf(region)] : 1;
}

export function closedStraits(shocks: readonly Shock[]): string[] {
  const set = new Set<string>();
  for (const s of shocks) if (s.effect.kind === 'closeStrait') set.add(s.effect.strait);
  return [...set].sort();
}
