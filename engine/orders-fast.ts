// A country's orders checked without zod: well-formed orders (what agents build) give the value zod's
// CountryOrdersSchema would parse them to, key for key and in the same order; anything else gives undefined, and the
// caller runs zod (validateOrders in policy.ts), whose issues name what is wrong. tests/orders-fast.test.ts compares
// the two on many valid and invalid orders.
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS } from './ids.ts';
import type { CountryOrders } from './schema.ts';
import { isBuiltinName } from './own.ts';
import { ORDER_ID, ORDER_LIMITS as OL, ORDER_TEXT } from './limits.ts';

type Rec = Record<string, unknown>;
/** The keys of each object in CountryOrdersSchema, in its shape's order (the order zod writes them in). */
export const ORDER_KEYS = ['tariffs', 'exportControls', 'defenseSpendingPct', 'rareEarthOutputPct', 'investments', 'stockpileRelease', 'stopProgrammes', 'deals'] as const;
export const INVESTMENT_KEYS = ['type', 'host', 'units'] as const;
export const RELEASE_KEYS = ['light', 'heavy'] as const;
export const DEAL_KEYS = ['propose', 'accept', 'reject', 'break', 'why'] as const;
export const PROPOSAL_KEYS = ['to', 'give', 'get', 'termTurns'] as const;
/** Each commitment type's keys after `type`, in its shape's order. */
export const COMMITMENT_KEYS: Readonly<Record<string, readonly string[]>> = {
  tariffCap: ['good', 'max'],
  openExports: ['stage'],
  investment: ['usdBn'],
  offtake: ['stage', 'share'],
  defenseFloor: ['minPct'],
};

const set = (xs: readonly string[]) => new Set<string>(xs);
const ORDER_SET = set(ORDER_KEYS);
const INVESTMENT_SET = set(INVESTMENT_KEYS);
const RELEASE_SET = set(RELEASE_KEYS);
const DEAL_SET = set(DEAL_KEYS);
const PROPOSAL_SET = set(PROPOSAL_KEYS);
const GOOD_SET = set(TARIFF_GOODS);
const STAGE_SET = set(STAGES);
const COUNTRY_SET = set(COUNTRIES);
const PARTNER_SET = set([...REGIONS, '*']);
const COMMITMENT_SETS: Record<string, Set<string>> = {};
for (const t of Object.keys(COMMITMENT_KEYS)) COMMITMENT_SETS[t] = set(['type', ...COMMITMENT_KEYS[t]]);
/** Each commitment field's range (all are numbers but the stage and good names). */
const COMMITMENT_RANGE: Record<string, [number, number]> = { max: [0, 500], usdBn: [0, 1000], share: [0, 1], minPct: [0, 10] };

/** A plain object (made by a literal or JSON.parse) whose enumerable keys are all in `keys`. */
function plainWith(x: unknown, keys: Set<string>): x is Rec {
  if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype) return false;
  for (const k in x) if (!keys.has(k)) return false;
  return true;
}

/** A finite number in [lo, hi] (NaN and infinities fail a comparison; hi is finite). */
function num(x: unknown, lo: number, hi: number): x is number {
  return typeof x === 'number' && x >= lo && x <= hi;
}

/** Whether a key is there (zod's test: `in`). An optional key that is there with the value undefined stays in zod's
 * value, with undefined; one that is not there stays out. */
const present = (o: Rec, k: string) => k in o;

function tariffGoods(x: unknown): Rec | undefined {
  if (!plainWith(x, GOOD_SET)) return undefined;
  const out: Rec = {};
  for (const g of TARIFF_GOODS) {
    const v = x[g];
    if (v === undefined) {
      if (present(x, g)) out[g] = undefined;
    } else if (num(v, 0, 500)) out[g] = v;
    else return undefined;
  }
  return out;
}

function controlSpec(x: unknown): unknown {
  if (x === 'open' || x === 'banned') return x;
  if (!plainWith(x, LICENSED_SET)) return undefined;
  const v = x.licensed;
  return num(v, 0, 1) ? { licensed: v } : undefined;
}
const LICENSED_SET = set(['licensed']);

function stageControls(x: unknown): Rec | undefined {
  if (!plainWith(x, STAGE_SET)) return undefined;
  const out: Rec = {};
  for (const s of STAGES) {
    const v = x[s];
    if (v === undefined) {
      if (present(x, s)) out[s] = undefined;
      continue;
    }
    const c = controlSpec(v);
    if (c === undefined) return undefined;
    out[s] = c;
  }
  return out;
}

/** A record by partner (zod's partialRecord: its own keys in their order, each value parsed). */
function byPartner(x: unknown, value: (v: unknown) => Rec | undefined): Rec | undefined {
  if (!plainWith(x, PARTNER_SET) || Object.getOwnPropertySymbols(x).length) return undefined;
  const out: Rec = {};
  for (const k in x) {
    if (!Object.hasOwn(x, k)) return undefined;
    const v = value(x[k]);
    if (v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

function investment(x: unknown): Rec | undefined {
  if (!plainWith(x, INVESTMENT_SET) || typeof x.type !== 'string' || x.type.length > OL.idChars || !ORDER_ID.test(x.type)) return undefined;
  const out: Rec = { type: x.type };
  const h = x.host;
  if (h === undefined) {
    if (present(x, 'host')) out.host = undefined;
  } else if (typeof h === 'string' && COUNTRY_SET.has(h)) out.host = h;
  else return undefined;
  const u = x.units;
  if (u === undefined) {
    if (present(x, 'units')) out.units = undefined;
  } else if (num(u, 1, 20) && Number.isInteger(u)) out.units = u;
  else return undefined;
  return out;
}

function release(x: unknown): Rec | undefined {
  if (!plainWith(x, RELEASE_SET)) return undefined;
  const out: Rec = {};
  for (const k of RELEASE_KEYS) {
    const v = x[k];
    if (v === undefined) {
      if (present(x, k)) out[k] = undefined;
    } else if (num(v, 0, Number.MAX_VALUE)) out[k] = v;
    else return undefined;
  }
  return out;
}

function commitment(x: unknown): Rec | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const type = (x as Rec).type;
  if (typeof type !== 'string' || !Object.hasOwn(COMMITMENT_SETS, type) || !plainWith(x, COMMITMENT_SETS[type])) return undefined;
  const out: Rec = { type };
  for (const k of COMMITMENT_KEYS[type]) {
    const v = x[k];
    if (k === 'stage' ? typeof v === 'string' && STAGE_SET.has(v) : k === 'good' ? typeof v === 'string' && GOOD_SET.has(v) : num(v, COMMITMENT_RANGE[k][0], COMMITMENT_RANGE[k][1])) out[k] = v;
    else return undefined;
  }
  return out;
}

/** An array of at most `max` elements, each of which `item` accepts, as a new array. */
function list(x: unknown, item: (v: unknown) => unknown, max: number): unknown[] | undefined {
  if (!Array.isArray(x) || x.length > max) return undefined;
  const out: unknown[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = item(x[i]);
    if (v === undefined) return undefined;
    out[i] = v;
  }
  return out;
}

function proposal(x: unknown): Rec | undefined {
  if (!plainWith(x, PROPOSAL_SET) || typeof x.to !== 'string' || !COUNTRY_SET.has(x.to)) return undefined;
  const give = list(x.give, commitment, OL.commitments);
  const get = give && list(x.get, commitment, OL.commitments);
  const t = x.termTurns;
  if (!get || !num(t, 1, 40) || !Number.isInteger(t)) return undefined;
  return { to: x.to, give, get, termTurns: t };
}

/** A deal id (or country code) as `accept`, `reject` and `break` list them. */
const str = (v: unknown) => (typeof v === 'string' && v.length <= OL.idChars && ORDER_ID.test(v) ? v : undefined);

/** Reasons by deal id: at most OL.reasons own string keys of at most OL.idChars that are not built-in names (those go
 * to zod and the built-in check), strings of at most 200 UTF-16 units (a longer one may still be 200 code points: zod
 * counts). */
function reasons(x: unknown): Rec | undefined {
  if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype || Object.getOwnPropertySymbols(x).length) return undefined;
  const out: Rec = {};
  let n = 0;
  for (const k in x) {
    const v = (x as Rec)[k];
    if (!Object.hasOwn(x, k) || isBuiltinName(k) || k.length > OL.idChars || !ORDER_ID.test(k) || ++n > OL.reasons || typeof v !== 'string' || v.length > 200 || !ORDER_TEXT.test(v)) return undefined;
    out[k] = v;
  }
  return out;
}

function deals(x: unknown): Rec | undefined {
  if (!plainWith(x, DEAL_SET)) return undefined;
  const out: Rec = {};
  for (const k of DEAL_KEYS) {
    const v = x[k];
    if (v === undefined) {
      if (present(x, k)) out[k] = undefined;
      continue;
    }
    const p = k === 'propose' ? list(v, proposal, OL.proposals) : k === 'why' ? reasons(v) : list(v, str, OL.answers);
    if (p === undefined) return undefined;
    out[k] = p;
  }
  return out;
}

/** Each order key's check of a value that is there (not undefined): zod's value for it, or undefined when zod must
 * decide. */
const ORDER_VALUE: Record<(typeof ORDER_KEYS)[number], (v: unknown) => unknown> = {
  tariffs: (v) => byPartner(v, tariffGoods),
  exportControls: (v) => byPartner(v, stageControls),
  defenseSpendingPct: (v) => (num(v, 0, 10) ? v : undefined),
  rareEarthOutputPct: (v) => (num(v, 50, 150) ? v : undefined),
  investments: (v) => list(v, investment, OL.investments),
  stockpileRelease: release,
  // at most 10 ids of at most 40 UTF-16 units (a longer one may still be 40 code points: zod counts)
  stopProgrammes: (v) => list(v, (x) => (typeof x === 'string' && x.length <= 40 && ORDER_ID.test(x) ? x : undefined), 10),
  deals,
};

/** What `CountryOrdersSchema.safeParse(x).data` would be, for well-formed orders; undefined when zod must decide. Keys
 * in ORDER_KEYS' order: a key that is there with the value undefined stays, with undefined, as in zod's value. */
export function fastCountryOrders(x: unknown): CountryOrders | undefined {
  if (!plainWith(x, ORDER_SET)) return undefined;
  const out: Rec = {};
  for (const k of ORDER_KEYS) {
    const v = x[k];
    if (v === undefined) {
      if (present(x, k)) out[k] = undefined;
      continue;
    }
    const p = ORDER_VALUE[k](v);
    if (p === undefined) return undefined;
    out[k] = p;
  }
  return out as CountryOrders;
}
