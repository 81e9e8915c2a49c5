// Orders: validation (every bad field listed, state untouched) and merging onto the standing policies.
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS, isCountry, type CountryId, type RegionId, type StageKey } from './ids.ts';
import { OrdersSchema, type ControlSpec, type CountryOrders, type Orders } from './schema.ts';
import type { Content } from './content.ts';
import type { Control, GameState, Policies } from './state.ts';
import { jsonPath } from './content.ts';
import { projectType } from './own.ts';
import { heldOf } from './held.ts';
import { builtinKeyIssues, investmentProblems } from './content-check.ts';
import { fastCountryOrders } from './orders-fast.ts';

export interface OrderIssue {
  country: CountryId | '*';
  /** JSON path inside the orders, such as $.JPN.tariffs.USA.autos */
  path: string;
  message: string;
}

export class InvalidOrdersError extends Error {
  readonly issues: OrderIssue[];
  constructor(issues: OrderIssue[]) {
    super('invalid orders:\n' + issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'));
    this.name = 'InvalidOrdersError';
    this.issues = issues;
  }
}

import { maxDefenseStep, shownDefenseStep } from './limits.ts';
export { maxDefenseStep };

/** What a country's investments would cost this turn, USD bn. A stockpile purchase is estimated at the buyer's
 * price last quarter (it is paid at this quarter's market price once the market clears: turn.ts). */
export function investmentCost(content: Content, orders: CountryOrders, prices?: GameState['prices'], country?: CountryId): number {
  let cost = 0;
  for (const inv of orders.investments ?? []) cost += unitCost(content, inv.type, prices, country) * (inv.units ?? 1);
  return cost;
}

/** One unit of a project type, USD bn; a stockpile lot at the buyer's last price when prices are given. */
export function unitCost(content: Content, type: string, prices?: GameState['prices'], country?: CountryId): number {
  const t = projectType(content, type);
  if (!t) return 0;
  if (t.kind === 'stockpile' && prices && country) return (t.capacity * prices[t.stage ?? 'oxide.light'][country]) / 1e6;
  return t.costUsdBn;
}

/** Orders checked against the content and the state. Refused orders say whether they are well formed (every
 * country's orders parse, only the rules refuse them: over a limit, a step too large), which a classroom keeps as a
 * seat's draft for the student to mend. */
export function validateOrders(content: Content, state: GameState, orders: unknown): { ok: true; orders: Orders } | { ok: false; issues: OrderIssue[]; wellFormed: boolean } {
  const issues: OrderIssue[] = [];
  const raw = (orders ?? {}) as Record<string, unknown>;
  // shape first, country by country, so one country's malformed orders do not hide another's problems
  const parsedOrders: Orders = {};
  const partial: Orders = {}; // the sections of a country's malformed orders that parse, for the rules' checks alone
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, issues: [{ country: '*', path: '$', message: 'orders must be an object keyed by country' }], wellFormed: false };
  for (const key of Object.keys(raw)) {
    if (!isCountry(key)) {
      issues.push({ country: '*', path: jsonPath([key]), message: `unknown country ${JSON.stringify(key)} (countries: ${COUNTRIES.join(', ')})` });
      continue;
    }
    // no orders at all (a seat that stands still): what the parser would give, without running it
    const v = raw[key];
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0) {
      parsedOrders[key] = {};
      continue;
    }
    // well-formed orders (what agents build): zod's parsed value without running zod (orders-fast.ts); anything else
    // goes through the built-in name check and zod below, whose issues name each bad field
    const fast = fastCountryOrders(v);
    if (fast) {
      parsedOrders[key] = fast;
      continue;
    }
    // a key such as "__proto__" would be swallowed by the parser's records (the order silently lost): refuse it first
    const builtin = builtinKeyIssues('', raw[key]);
    for (const b of builtin) issues.push({ country: key, path: '$.' + key + b.path.slice(1), message: `${b.found} is a built-in JavaScript property name, not a key orders use` });
    if (builtin.length) continue;
    const r = OrdersSchema.shape[key].safeParse(raw[key]);
    if (r.success) {
      if (r.data) parsedOrders[key] = r.data;
      continue;
    }
    const bad = new Set<string>(); // the order sections (top-level keys) with a problem of shape
    for (const i of r.error.issues) {
      const keys = (i as { keys?: string[] }).keys;
      // (unknown keys at the top are each a section of their own; elsewhere the section is the path's first key)
      for (const k of i.path.length === 0 && keys && keys.length ? keys : [i.path[0] ?? '']) bad.add(String(k));
      issues.push({
        country: key,
        path: jsonPath(keys && keys.length ? [key, ...i.path, keys[0]] : [key, ...i.path]),
        message: i.code === 'unrecognized_keys' ? `unknown key${keys && keys.length > 1 ? 's' : ''} ${keys?.join(', ')}` : describeZodIssue(i, raw[key]),
      });
    }
    // the sections that parse are checked against the rules too, so one End turn lists every problem: a tariff of 600
    // hid a defence step beyond the turn's limit until the tariff was mended (a new player's review). Leaving a section
    // out only drops the rules that read it, so no problem is reported that the whole orders would not have.
    // (the units limit on investments counts the programmes stopped by the same orders: without them it could refuse
    // what the whole orders allow)
    if (bad.has('stopProgrammes')) bad.add('investments');
    if (!bad.has('') && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const rest = OrdersSchema.shape[key].safeParse(Object.fromEntries(Object.entries(v).filter(([k]) => !bad.has(k))));
      if (rest.success && rest.data) partial[key] = rest.data;
    }
  }
  const o = parsedOrders;
  const wellFormed = issues.length === 0;
  for (const c of COUNTRIES) {
    const co = o[c] ?? partial[c];
    if (co) countryIssues(content, state, c, co, issues);
  }
  return issues.length ? { ok: false, issues, wellFormed } : { ok: true, orders: o };
}

/** The checks of one country's parsed orders against the state, into `issues`. Apart from the parsing above: a shape
 * of order first met here after validateOrders was compiled (a rare deal, a stockpile release) recompiles this part. */
function countryIssues(content: Content, state: GameState, c: CountryId, co: NonNullable<Orders[CountryId]>, issues: OrderIssue[]): void {
  const reg = state.regions[c];
  const add = (path: (string | number)[], message: string) => issues.push({ country: c, path: jsonPath([c, ...path]), message });
  // (parsed orders are plain records: a key of their own is one of their keys; at most one can be the country)
  if (co.tariffs && Object.hasOwn(co.tariffs, c)) add(['tariffs', c], `a country cannot set a tariff on itself`);
  if (co.exportControls && Object.hasOwn(co.exportControls, c)) add(['exportControls', c], `a country cannot control exports to itself`);
  if (co.defenseSpendingPct !== undefined) {
    const step = maxDefenseStep(reg.approval);
    const delta = Math.abs(co.defenseSpendingPct - reg.policies.defensePct);
    if (delta > step + 1e-9)
      // the step rounded down and approval to the indicators' one decimal: at approval 49.9 the step is 0.2495, and
      // "a change of 0.25 exceeds the 0.25 that approval of 50 allows" contradicted itself
      add(['defenseSpendingPct'], `a change of ${delta.toFixed(2)} percentage points (of GDP) exceeds the ${shownDefenseStep(step).toFixed(2)} that approval of ${reg.approval.toFixed(1)} allows this turn`);
  }
  const invs = co.investments;
  if (invs) {
    for (let i = 0; i < invs.length; i++) {
      const inv = invs[i];
      const t = projectType(content, inv.type);
      if (!t) {
        add(['investments', i, 'type'], `unknown project type ${JSON.stringify(inv.type)} (known: ${Object.keys(content.projects.types).sort().join(', ')})`);
        continue;
      }
      for (const pr of investmentProblems(inv.type, t, c, inv.host ?? c)) add(['investments', i, pr.field], pr.message);
    }
    for (const [type, units] of orderedUnits(co)) {
      const t = projectType(content, type);
      if (!t) continue;
      // a programme stopped by the same orders no longer counts against the limit (stopping one and starting another)
      const stopped = co.stopProgrammes ? state.projects.filter((p) => p.owner === c && p.type === type && p.status === 'building' && co.stopProgrammes!.includes(p.id)).reduce((a, p) => a + p.units, 0) : 0;
      const have = t.kind === 'stockpile' ? 0 : heldOf(content, state.projects, c, type).units - stopped;
      if (have + units > t.maxUnitsPerCountry)
        add(['investments'], `${type}: ${units} more unit${units > 1 ? 's' : ''} would make ${have + units}, over the limit of ${t.maxUnitsPerCountry} per country`);
    }
  }
  // the budget is worked out only for orders that cost something (it is a pure reading of the state)
  const cost = invs ? investmentCost(content, co, state.prices, c) : 0;
  if (cost > 0) {
    const avail = budgetAvailable(content, state, c);
    if (cost > avail + 1e-9) add(['investments'], `costs USD ${cost.toFixed(2)} bn but the budget this turn is USD ${avail.toFixed(2)} bn`);
  }
  const rel = co.stockpileRelease;
  if (rel?.light !== undefined && rel.light > reg.stockpile.light + 1e-9) add(['stockpileRelease', 'light'], `releases ${rel.light} t but the stockpile holds ${reg.stockpile.light.toFixed(0)} t`);
  if (rel?.heavy !== undefined && rel.heavy > reg.stockpile.heavy + 1e-9) add(['stockpileRelease', 'heavy'], `releases ${rel.heavy} t but the stockpile holds ${reg.stockpile.heavy.toFixed(0)} t`);
  const stops = co.stopProgrammes;
  if (stops) {
    const mine = state.projects.filter((p) => p.owner === c && p.mud && p.status === 'building').map((p) => p.id);
    const which = mine.length ? ` (${c}'s under way: ${mine.join(', ')})` : ` (${c} has none under way)`;
    stops.forEach((id, i) => {
      if (!mine.includes(id)) add(['stopProgrammes', i], `no deep-sea programme ${JSON.stringify(id)} of ${c} under way${which}`);
    });
  }
  const d = co.deals;
  if (d) {
    (d.propose ?? []).forEach((p, i) => {
      if (p.to === c) add(['deals', 'propose', i, 'to'], `a country cannot make a deal with itself`);
      if (p.give.length + p.get.length === 0) add(['deals', 'propose', i], `a deal needs at least one commitment`);
    });
    for (const key of ['accept', 'reject'] as const) {
      (d[key] ?? []).forEach((id, i) => {
        if (isCountry(id)) return; // a country code answers whatever that country has proposed, if anything
        const deal = state.deals.find((x) => x.id === id);
        if (!deal || deal.status !== 'proposed' || deal.to !== c) add(['deals', key, i], `no open proposal ${JSON.stringify(id)} addressed to ${c}`);
      });
    }
    (d.break ?? []).forEach((id, i) => {
      const deal = state.deals.find((x) => x.id === id);
      if (!deal || deal.status !== 'active' || (deal.to !== c && deal.from !== c)) add(['deals', 'break', i], `no active deal ${JSON.stringify(id)} that ${c} is party to`);
    });
  }
}

/** Units ordered by project type, in order of first mention (a Map: type names are not trusted as object keys). */
function orderedUnits(o: CountryOrders): Map<string, number> {
  const out = new Map<string, number>();
  for (const inv of o.investments ?? []) out.set(inv.type, (out.get(inv.type) ?? 0) + (inv.units ?? 1));
  return out;
}

/** Share of the programme budget left by debt: debt above its starting ratio eats into fiscal space (Ostry et al.
 * 2010), and programmes stop when the country's room is used up. */
export function fiscalRoom(spacePts: number, debt: number, debt0: number): number {
  return Math.max(0, 1 - Math.max(0, debt - debt0) / Math.max(1e-9, spacePts));
}

/** Budget a country can spend this turn: what it holds plus this turn's allocation (smaller when approval is below the floor). */
export function budgetAvailable(content: Content, state: GameState, c: CountryId): number {
  const r = state.regions[c];
  const floor = content.rules.politics.budgetApprovalFloor;
  // (the share worked out every time, used or not: a branch first taken in compiled code threw that code away)
  const share = Math.max(0, r.approval / floor);
  const approvalFactor = r.approval >= floor ? 1 : share;
  const annual = budgetAnnual(content, state, c);
  return Math.min(content.rules.budget.carryCap * annual, r.budget + annual * (state.quartersPerTurn / 4) * approvalFactor);
}

/** A country's programme budget for a year at full approval: its share of GDP, less when debt has eaten its fiscal
 * room. Unspent budget carries over up to rules.budget.carryCap times this. */
export function budgetAnnual(content: Content, state: GameState, c: CountryId): number {
  const r = state.regions[c];
  const spec = content.countries.regions[c];
  return (spec.budgetPctGdp / 100) * r.gdp * fiscalRoom(spec.fiscalSpacePts, r.debt, r.ref.debt);
}

function describeZodIssue(i: { code: string; message: string; path: PropertyKey[] }, root: unknown): string {
  if (i.code === 'invalid_union') return 'expected "open", "banned" or {"licensed": share 0..1}';
  if (i.code === 'invalid_key') return `not a partner (partners: ${[...REGIONS, '*'].join(', ')}) or not a known key`;
  if (i.code !== 'invalid_value') return i.message;
  let v: unknown = root;
  for (const k of i.path) v = v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return `${i.message}, found ${JSON.stringify(v) ?? 'nothing'}`;
}

/** The control a spec sets, given the one in force: the one in force itself when the spec restates it (same level and
 * share), so a restated control is no change to the policies (no new record, nothing for mergePolicies to copy).
 * A new control is measured on `baseVolume` (last quarter's t per quarter to the partner) and `baseNeed` (the need
 * licences were approved against then: engine/licence.ts); a new share of the same level keeps both, and a licence
 * that replaces a ban is measured on the ban's (last quarter's flow under a ban is nothing, so a licence measured on
 * it would let nothing through). */
export function toControl(spec: ControlSpec, prev: Control | undefined, baseVolume: number, turn: number, baseNeed = 0): Control {
  const level = spec === 'open' ? 'open' : spec === 'banned' ? 'banned' : 'licensed';
  const share = typeof spec === 'object' ? spec.licensed : level === 'open' ? 1 : 0;
  if (prev && prev.level === level) {
    const base = prev.level === 'open' ? 0 : prev.baseVolume;
    const need = prev.level === 'open' ? 0 : (prev.baseNeed ?? 0);
    if (Object.is(share, prev.share) && Object.is(base, prev.baseVolume) && Object.is(need, prev.baseNeed ?? 0)) return prev;
    return { level, share, baseVolume: base, baseNeed: need, sinceTurn: prev.sinceTurn };
  }
  if (prev && prev.level === 'banned' && level === 'licensed') return { level, share, baseVolume: prev.baseVolume, baseNeed: prev.baseNeed ?? 0, sinceTurn: turn };
  return { level, share, baseVolume: level === 'open' ? 0 : baseVolume, baseNeed: level === 'open' ? 0 : baseNeed, sinceTurn: turn };
}

export function emptyPolicies(self: RegionId, defensePct: number): Policies {
  const tariffs = {} as Policies['tariffs'];
  const controls = {} as Policies['controls'];
  for (const r of REGIONS) {
    tariffs[r] = Object.fromEntries(TARIFF_GOODS.map((g) => [g, 0])) as Policies['tariffs'][RegionId];
    controls[r] = Object.fromEntries(STAGES.map((s) => [s, { level: 'open', share: 1, baseVolume: 0, baseNeed: 0, sinceTurn: 0 }])) as Policies['controls'][RegionId];
  }
  void self;
  return { tariffs, controls, defensePct };
}

/** Merge one country's orders onto its standing policies. `flowOut(stage, partner)` gives last quarter's t per quarter to
 * that partner, `needOf(stage, partner)` the need a licence to it is approved against (engine/licence.ts; 0: a fixed
 * volume).
 * Each key gets the value its last order gives it (a partner's own entry after '*'). Only the records on the path to a
 * changed value are copied (spread, then assigned: the objects, values and key order immer's produce gave, without
 * its proxies; in profiles of persona games the merge took 3.4% through immer, 0.5-0.6% written out); orders that change
 * nothing (Object.is, as immer compared) return `prev`. */
export function mergePolicies(self: CountryId, prev: Policies, o: CountryOrders, turn: number, flowOut: (s: StageKey, p: RegionId) => number, needOf: (s: StageKey, p: RegionId) => number = () => 0): Policies {
  const ot = o.tariffs;
  const oc = o.exportControls;
  const def = o.defenseSpendingPct;
  const out = o.rareEarthOutputPct;
  if (!ot && !oc && def === undefined && out === undefined) return prev;
  // copies of prev's tariffs and controls, each made at its first change
  let tariffs: Policies['tariffs'] | undefined;
  let controls: Policies['controls'] | undefined;
  const tStar = ot?.['*'];
  const cStar = oc?.['*'];
  for (const p of REGIONS) {
    if (p === self) continue;
    const tMine = ot?.[p];
    if (tMine !== undefined || tStar !== undefined) {
      const cur = prev.tariffs[p];
      let row: Policies['tariffs'][RegionId] | undefined;
      for (const g of TARIFF_GOODS) {
        const v = tMine !== undefined && tMine[g] !== undefined ? tMine[g] : tStar !== undefined ? tStar[g] : undefined;
        if (v !== undefined && !Object.is(v, cur[g])) (row ??= { ...cur })[g] = v;
      }
      if (row) (tariffs ??= { ...prev.tariffs })[p] = row;
    }
    const cMine = oc?.[p];
    if (cMine !== undefined || cStar !== undefined) {
      const curs = prev.controls[p];
      let row: Policies['controls'][RegionId] | undefined;
      for (const s of STAGES) {
        const spec = cMine !== undefined && cMine[s] !== undefined ? cMine[s] : cStar !== undefined ? cStar[s] : undefined;
        if (spec === undefined) continue;
        const cur = curs[s];
        const v = toControl(spec, cur, flowOut(s, p), turn, needOf(s, p));
        if (v !== cur) (row ??= { ...curs })[s] = v;
      }
      if (row) (controls ??= { ...prev.controls })[p] = row;
    }
  }
  const setDef = def !== undefined && !Object.is(def, prev.defensePct);
  const setOut = out !== undefined && !Object.is(out, prev.outputPct);
  if (!tariffs && !controls && !setDef && !setOut) return prev;
  const next: Policies = { ...prev };
  if (tariffs) next.tariffs = tariffs;
  if (controls) next.controls = controls;
  if (setDef) next.defensePct = def;
  if (setOut) next.outputPct = out;
  return next;
}
