// Seeded events from content: conditions over a small metric vocabulary, declarative effects, and the shocks they leave running.
import type { Content } from './content.ts';
import type { GameState, Shock } from './state.ts';
import type { GameEvent, Effect } from './schema.ts';
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS, isCountry, isRegion, type RegionId, type StageKey } from './ids.ts';
import { isBuiltinName, own } from './own.ts';

/** Read a metric path such as prices.oxide.heavy.world or countries.MYS.pollution; undefined when the path is unknown. */
export function readMetric(state: GameState, path: string): number | string | undefined {
  const p = splitPath(path);
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
      case 'pollutionRise':
        return r.pollution - r.ref.pollution; // over the start (the 2025 level)
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
    const stage = p[3] as StageKey;
    return own(state.regions[p[1]].policies.controls[p[2]], stage)?.level;
  }
  if (head === 'tariffs' && isRegion(p[1]) && isRegion(p[2])) {
    return own(state.regions[p[1]].policies.tariffs[p[2]], p[3]);
  }
  if (head === 'straits' && p.length === 2) return own(state.straits, p[1]);
  return undefined;
}

/** A metric path split at its dots (controls and tariffs paths: four parts, the stage or good such as oxide.heavy
 * joined again as the fourth), kept per path: the events' conditions read the same few paths every turn. A pure
 * function of the string, so the cache carries nothing between games. */
const SPLIT = new Map<string, readonly string[]>();
function splitPath(path: string): readonly string[] {
  let p = SPLIT.get(path);
  if (p === undefined) {
    const parts = path.split('.');
    p = parts[0] === 'controls' || parts[0] === 'tariffs' ? [parts[0], parts[1], parts[2], parts.slice(3).join('.')] : parts;
    if (SPLIT.size >= 4096) SPLIT.clear();
    SPLIT.set(path, p);
  }
  return p;
}

const METRIC_FIELDS = ['gdp', 'approval', 'pollution', 'pollutionRise', 'seabed', 'security', 'magnetSupplyRatio', 'autoProduction', 'defensePct', 'budget'];
const METRIC_HELP = 'a metric: turn, prices.STAGE.REGION|world, countries.REGION.FIELD, tension.C.C, controls.R.R.STAGE, tariffs.R.R.GOOD or straits.ID';

/** What a condition's metric reads, checked against the vocabulary readMetric knows and the map's straits: null when
 * fine, else what was expected (a misspelt metric would make readMetric return undefined and the event never fire).
 * `straits` null: any strait id (the map is checked with the whole bundle). */
export function conditionProblem(straits: readonly string[] | null, c: GameEvent['conditions'][number]): { at: 'metric' | 'value'; expected: string } | null {
  const p = c.metric.split('.');
  const strings = metricStrings(straits, p);
  if (strings === undefined) return { at: 'metric', expected: METRIC_HELP };
  if (typeof strings === 'string') return { at: 'metric', expected: strings };
  if (strings === null) return typeof c.value === 'number' && Number.isFinite(c.value) ? null : { at: 'value', expected: `a number (${c.metric} is a number)` };
  if (typeof c.value !== 'string' || !strings.includes(c.value) || (c.op !== '==' && c.op !== '!='))
    return { at: 'value', expected: `== or != with one of ${strings.map((x) => JSON.stringify(x)).join(', ')} (${c.metric} is a word)` };
  return null;
}

/** null for a numeric metric, the words it can take for a word metric, a string saying what was expected, or undefined. */
function metricStrings(straits: readonly string[] | null, p: string[]): string[] | null | string | undefined {
  const [head, a, b] = p;
  if (head === 'turn') return p.length === 1 ? null : undefined;
  if (head === 'prices') {
    const stage = a === 'magnet' ? 'magnet' : `${a}.${b}`;
    const where = a === 'magnet' ? p[2] : p[3];
    if (!(STAGES as readonly string[]).includes(stage) || p.length !== (a === 'magnet' ? 3 : 4)) return `prices.STAGE.REGION with a stage from ${STAGES.join(', ')}`;
    return where === 'world' || isRegion(where) ? null : `prices.${stage}.REGION with a region from ${REGIONS.join(', ')} or world`;
  }
  if (head === 'countries') return p.length === 3 && isRegion(a) && METRIC_FIELDS.includes(b) ? null : `countries.REGION.FIELD with a region from ${REGIONS.join(', ')} and a field from ${METRIC_FIELDS.join(', ')}`;
  if (head === 'tension') return p.length === 3 && isCountry(a) && isCountry(b) && a !== b ? null : `tension.A.B with two different countries from ${COUNTRIES.join(', ')}`;
  if (head === 'controls' || head === 'tariffs') {
    const last = p.slice(3).join('.');
    const ok = head === 'controls' ? (STAGES as readonly string[]).includes(last) : (TARIFF_GOODS as readonly string[]).includes(last);
    if (!isRegion(a) || !isRegion(b) || a === b || !ok) return `${head}.FROM.TO.${head === 'controls' ? 'STAGE' : 'GOOD'} with two different regions and a ${head === 'controls' ? `stage from ${STAGES.join(', ')}` : `good from ${TARIFF_GOODS.join(', ')}`}`;
    return head === 'controls' ? ['open', 'licensed', 'banned'] : null;
  }
  if (head === 'straits') {
    const ok = p.length === 2 && (straits ? straits.includes(a) : /^[^.]+$/.test(a) && !isBuiltinName(a));
    return ok ? ['open', 'closed'] : `straits.ID with a strait id from the map${straits ? ` (${straits.join(', ')})` : ''}`;
  }
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
export function pickEvents(content: Content, state: GameState, turn: number, draws: ArrayLike<number>): GameEvent[] {
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

/** The running shocks as multipliers per region, for one shock list at a time: a flat table of doubles, a row of NR
 * (REGIONS order) per stage (STAGES order) for capacity, then one per demand target (DEMAND_TARGETS order), every cell
 * 1 until a shock multiplies it, so the hot supply and car code does not walk effects of different shapes (which made
 * V8 deoptimise it). A cell no shock touches is 1, as an absent row was. Remade in place when another list is asked
 * about (a list is not changed once the turn that made it asks: lists pushed to after that would need a new one);
 * a table per list in a WeakMap, each a record of rows made on first use, cost 0.7% of a status-quo game. */
// cars: the cars bought in the region (a recession); carMagnets: the magnets per car its plants build (an EV swing)
const DEMAND_TARGETS = ['cars', 'carMagnets', 'electronics', 'wind', 'defense', 'other'] as const;
const NS = STAGES.length;
const NREG = REGIONS.length;
const TABLE = new Float64Array((NS + DEMAND_TARGETS.length) * NREG);
let tableOf: readonly Shock[] | undefined;
function shockTable(shocks: readonly Shock[]): Float64Array {
  if (shocks === tableOf) return TABLE;
  const t = TABLE.fill(1);
  // applied in list order, as a multiplier chain per cell, so the products are bit-for-bit those of a walk over the list
  for (let k = 0; k < shocks.length; k++) {
    const e = shocks[k].effect;
    if (e.kind !== 'capacityShock' && e.kind !== 'licenceSuspension' && e.kind !== 'demandShock') continue;
    // the schema allows no other region, stage or target; one would have no cell (nobody asks for it)
    const r = REGIONS.indexOf(e.region);
    const row = e.kind === 'demandShock' ? NS + DEMAND_TARGETS.indexOf(e.target) : STAGES.indexOf(e.stage);
    if (r < 0 || row < 0 || (e.kind === 'demandShock' && row < NS)) continue;
    if (e.kind === 'licenceSuspension') t[row * NREG + r] = 0;
    else t[row * NREG + r] *= e.factor;
  }
  tableOf = shocks;
  return t;
}

/** Output multiplier on a region's stage from running shocks. */
export function capacityFactor(shocks: readonly Shock[], region: RegionId, stage: StageKey): number {
  // no shocks: every factor is 1
  if (shocks.length === 0) return 1;
  const s = STAGES.indexOf(stage);
  const r = REGIONS.indexOf(region);
  return s < 0 || r < 0 ? 1 : shockTable(shocks)[s * NREG + r];
}

/** Demand multiplier on a region's use (cars, carMagnets, electronics, wind, defense, other) from running shocks. */
export function demandFactor(shocks: readonly Shock[], region: RegionId, target: string): number {
  if (shocks.length === 0) return 1;
  const d = DEMAND_TARGETS.indexOf(target as (typeof DEMAND_TARGETS)[number]);
  const r = REGIONS.indexOf(region);
  return d < 0 || r < 0 ? 1 : shockTable(shocks)[(NS + d) * NREG + r];
}

export function closedStraits(shocks: readonly Shock[]): string[] {
  // none closed (most turns): no set to build and spread
  let any = false;
  for (let i = 0; i < shocks.length && !any; i++) any = shocks[i].effect.kind === 'closeStrait';
  if (!any) return [];
  const set = new Set<string>();
  for (const s of shocks) if (s.effect.kind === 'closeStrait') set.add(s.effect.strait);
  return [...set].sort();
}

/** The names of the events fired so far, sorted, built by pushes into a fresh list: the spread this replaces (and a
 * concat, tried) met arrays of another elements kind after the turn was compiled, which threw the compiled turn away. */
export function withFired(before: readonly string[], fired: readonly { id: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < before.length; i++) out.push(before[i]);
  for (let i = 0; i < fired.length; i++) out.push(fired[i].id);
  return out.sort();
}
