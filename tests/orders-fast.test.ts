// The orders' fast path (engine/orders-fast.ts) against zod: the same parsed values, key for key and in the same
// order, on agents' orders and on many generated valid and invalid ones; invalid orders still get zod's issues.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS } from '../engine/ids.ts';
import { createGame, makeAgent, playGame, validateOrders, type CountryId, type Orders } from '../engine/index.ts';
import { CommitmentSchema, CountryOrdersSchema } from '../engine/schema.ts';
import { ORDER_LIMITS } from '../engine/limits.ts';
import { fastCountryOrders, ORDER_KEYS, INVESTMENT_KEYS, RELEASE_KEYS, DEAL_KEYS, PROPOSAL_KEYS, COMMITMENT_KEYS } from '../engine/orders-fast.ts';
import { content } from './helpers.ts';

/** A value as a tree that keeps key order, -0, undefined values and which objects are plain. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return ['array', v.length, ...Array.from(v, canon)];
  if (v !== null && typeof v === 'object') return ['object', Object.getPrototypeOf(v) === Object.prototype, ...Reflect.ownKeys(v).map((k) => [String(k), canon((v as Record<PropertyKey, unknown>)[k])])];
  if (Object.is(v, -0)) return '-0';
  return [typeof v, v];
}

function objectsIn(v: unknown, into = new Set<object>()): Set<object> {
  if (v !== null && typeof v === 'object' && !into.has(v)) {
    into.add(v);
    for (const k of Reflect.ownKeys(v)) objectsIn((v as Record<PropertyKey, unknown>)[k], into);
  }
  return into;
}

/** Compares the fast path with zod on one input; returns whether the fast path took it. */
function same(x: unknown): boolean {
  const fast = fastCountryOrders(x);
  const z = CountryOrdersSchema.safeParse(x);
  if (fast === undefined) return false;
  expect(z.success, `fast path took orders zod refuses: ${String(JSON.stringify(x))}`).toBe(true);
  expect(canon(fast)).toEqual(canon(z.data));
  // like zod's, the value shares no object with the input
  const inInput = objectsIn(x);
  for (const o of objectsIn(fast)) expect(inInput.has(o)).toBe(false);
  return true;
}

/** Mostly `good`, now and then `bad` (so that some generated orders are valid and many have one fault or two). */
const w = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 25 }, { arbitrary: bad, weight: 1 });
const badNum = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -1, 1e9, '5', null));
const inRange = (lo: number, hi: number, int = false) =>
  w(int ? fc.integer({ min: lo, max: hi }) : fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), fc.constantFrom(lo, hi, lo === 0 ? -0 : lo)), fc.oneof(badNum, fc.constantFrom(lo - 1e-9, hi + 1e-9, lo + 0.5)));
const NP = { noNullPrototype: true } as const;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });
const partner = w(fc.constantFrom<string>(...REGIONS, '*'), fc.constantFrom('XXX', '__proto__', 'constructor'));
const stage = w(fc.constantFrom<string>(...STAGES), fc.constantFrom('ore', 'toString'));
const good = w(fc.constantFrom<string>(...TARIFF_GOODS), fc.constant('cars'));
const control = w(fc.oneof(fc.constantFrom<unknown>('open', 'banned'), fc.record({ licensed: inRange(0, 1) }, NP)), fc.oneof(fc.constantFrom<unknown>('licensed', null, undefined), fc.record({ licensed: inRange(0, 1), extra: fc.constant(1) }, NP)));
const commitment = fc.oneof(
  fc.record({ type: fc.constant('tariffCap'), good, max: inRange(0, 500) }, NP),
  fc.record({ type: fc.constant('openExports'), stage }, NP),
  fc.record({ type: fc.constant('investment'), usdBn: inRange(0, 1000) }, NP),
  fc.record({ type: fc.constant('offtake'), stage, share: w(inRange(0, 1), fc.constant(undefined)) }, { requiredKeys: ['type', 'stage'], noNullPrototype: true }),
  fc.record({ type: w(fc.constant('defenseFloor'), fc.constant('bribe')), minPct: inRange(0, 10) }, NP),
);
const ids = fc.array(w(fc.constantFrom('deal-1', 'JPN', ''), fc.constantFrom(7, 'D'.repeat(41), '\u{1F600}'.repeat(20))), { maxLength: 3 });
const reason = w(fc.string({ maxLength: 5 }), fc.constantFrom('x'.repeat(201), '\u{1F600}'.repeat(150), '\u{1F600}'.repeat(101), 3));
/** Orders that are mostly well formed, with faults mixed in: wrong types, out-of-range numbers, unknown keys,
 * undefined values, built-in names as keys, long reasons, objects that are not plain. */
const ordersArb: fc.Arbitrary<unknown> = fc
  .record(
    {
      tariffs: fc.dictionary(partner as fc.Arbitrary<string>, fc.dictionary(good as fc.Arbitrary<string>, w(inRange(0, 500), fc.constant(undefined)), { maxKeys: 3, ...NP }), { maxKeys: 3, ...NP }),
      exportControls: fc.dictionary(partner as fc.Arbitrary<string>, fc.dictionary(stage as fc.Arbitrary<string>, control, { maxKeys: 3, ...NP }), { maxKeys: 3, ...NP }),
      defenseSpendingPct: inRange(0, 10),
      rareEarthOutputPct: inRange(50, 150),
      investments: fc.array(fc.record({ type: w(fc.constantFrom('recycling', 'mine', 'toString'), fc.constantFrom(3, 'x'.repeat(41), '\u{1F600}'.repeat(21))), host: opt(w(fc.constantFrom<string>(...COUNTRIES), fc.constantFrom('ROW', 'XXX'))), units: opt(inRange(1, 20, true)) }, { requiredKeys: ['type'], ...NP }), { maxLength: 3 }),
      stockpileRelease: fc.record({ light: opt(inRange(0, 1e6)), heavy: opt(inRange(0, 1e6)) }, { requiredKeys: [], ...NP }),
      stopProgrammes: fc.array(w(fc.constantFrom('P4', 'P1', ''), fc.constantFrom(7, 'x'.repeat(41), '\u{1F600}'.repeat(21), '\u{1F600}'.repeat(20))), { maxLength: 11 }),
      deals: fc.record(
        {
          propose: fc.array(fc.record({ to: w(fc.constantFrom<string>(...COUNTRIES), fc.constant('ROW')), give: fc.array(commitment, { maxLength: 2 }), get: fc.array(commitment, { maxLength: 2 }), termTurns: inRange(1, 40, true) }, { requiredKeys: ['to', 'give', 'get'], ...NP }), { maxLength: 2 }),
          accept: ids,
          reject: ids,
          break: ids,
          why: fc.dictionary(w(fc.constantFrom('deal-1', 'deal-2', '1', ''), fc.constant('constructor')) as fc.Arbitrary<string>, reason, { maxKeys: 2, ...NP }),
        },
        { requiredKeys: [], ...NP },
      ),
      bogus: fc.constant(1),
    },
    { requiredKeys: [], ...NP },
  )
  .chain((o) => {
    const { bogus, ...rest } = o;
    void bogus;
    return fc.oneof({ arbitrary: fc.constant<unknown>(rest), weight: 30 }, fc.constantFrom<unknown>(o, { ...rest, tariffs: undefined }, [rest], null, Object.assign(Object.create(null), rest)));
  });

describe('orders: the fast path gives what zod gives', () => {
  it('lists the keys of CountryOrdersSchema, in its order', () => {
    const shape = (s: { shape: Record<string, unknown> }) => Object.keys(s.shape);
    const inner = (s: unknown): { shape: Record<string, unknown> } => {
      let x = s as { unwrap?: () => unknown; element?: unknown; shape?: unknown };
      while (!x.shape) x = (x.unwrap ? x.unwrap() : x.element) as typeof x;
      return x as { shape: Record<string, unknown> };
    };
    const S = CountryOrdersSchema.shape;
    expect(shape(CountryOrdersSchema)).toEqual([...ORDER_KEYS]);
    expect(shape(inner(S.investments))).toEqual([...INVESTMENT_KEYS]);
    expect(shape(inner(S.stockpileRelease))).toEqual([...RELEASE_KEYS]);
    const deals = inner(S.deals);
    expect(shape(deals)).toEqual([...DEAL_KEYS]);
    expect(shape(inner(deals.shape.propose))).toEqual([...PROPOSAL_KEYS]);
    const byType = Object.fromEntries(CommitmentSchema.options.map((o) => [o.shape.type.value, Object.keys(o.shape)]));
    expect(Object.fromEntries(Object.entries(COMMITMENT_KEYS).map(([t, ks]) => [t, ['type', ...ks]]))).toEqual(byType);
  });

  it('on every order agents gave in whole games (all taken by the fast path)', () => {
    let n = 0;
    for (const [name, seed, turns] of [['persona', 1, 40], ['persona', 2, 40], ['random', 3, 40], ['hawk', 4, 20], ['tit-for-tat', 5, 20], ['diversifier', 6, 20], ['free-trader', 7, 20], ['protectionist', 8, 20]] as const) {
      const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, name, c)])) as Parameters<typeof playGame>[2];
      const g = playGame(content, seed, seats, { turns, ledger: false, dropRefused: true });
      for (const o of g.orders)
        for (const c of Object.keys(o)) {
          expect(same(o[c as CountryId])).toBe(true);
          n++;
        }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('on generated orders, valid and invalid: what the fast path takes, zod takes, to the same value', () => {
    let took = 0;
    let refused = 0;
    fc.assert(
      fc.property(ordersArb, (x) => {
        if (same(x)) took++;
        else if (!CountryOrdersSchema.safeParse(x).success) refused++;
      }),
      { numRuns: 3000, seed: 10 },
    );
    // both kinds were tried
    expect(took).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('on hand-made edge cases', () => {
    const cases: unknown[] = [
      {},
      { defenseSpendingPct: -0 },
      { defenseSpendingPct: 10 },
      { defenseSpendingPct: 10.000001 },
      { rareEarthOutputPct: 49.9 },
      { investments: [{ type: 'mine', units: 20 }, { type: 'mine', units: 2.5 }] },
      { investments: [, { type: 'mine' }] }, // eslint-disable-line no-sparse-arrays
      { investments: Object.assign([{ type: 'mine' }], { extra: 1 }) },
      { stockpileRelease: { light: Number.MAX_VALUE } },
      { tariffs: { '*': { other: 5 }, USA: { other: 6 } } },
      { tariffs: Object.assign(Object.create({ USA: { other: 1 } }), { JPN: { other: 2 } }) },
      { tariffs: { [Symbol('s')]: { other: 1 } } },
      { exportControls: { CHN: { magnet: { licensed: 1 }, 'oxide.heavy': 'banned' } } },
      { deals: { why: { 'deal-1': 'x'.repeat(200) } } },
      { deals: { why: { 'deal-1': '😀'.repeat(101) } } },
      { deals: { why: { [Symbol('s')]: 'x' } } },
      { deals: { propose: [{ to: 'USA', give: [], get: [{ type: 'defenseFloor', minPct: 2 }], termTurns: 8 }] } },
      { deals: { propose: [{ to: 'USA', give: [], get: [{ type: 'defenseFloor', minPct: 2, extra: 1 }], termTurns: 8 }] } },
      Object.defineProperty({}, 'tariffs', { value: { USA: { other: 1 } }, enumerable: false }),
      JSON.parse('{"tariffs": {"__proto__": {"autos": 50}}}'),
      JSON.parse('{"deals": {"why": {"__proto__": "x"}}}'),
    ];
    for (const x of cases) same(x);
    expect(fastCountryOrders(cases[1])).toEqual({ defenseSpendingPct: -0 });
    expect(fastCountryOrders({ deals: { why: { 'deal-1': '😀'.repeat(101) } } })).toBeUndefined(); // 202 units: zod counts code points
  });

  // ORDER_LIMITS (engine/limits.ts): a classroom keeps and shares a draft that parses, so orders that parse must stay
  // small whatever a client sends
  const L = ORDER_LIMITS;
  const id = 'D'.repeat(L.idChars);
  const tariffCap = { type: 'tariffCap', good: 'magnets', max: 500 };
  const proposal = { to: 'USA', give: Array(L.commitments).fill(tariffCap), get: Array(L.commitments).fill(tariffCap), termTurns: 40 };
  const reasons = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [id.slice(0, -3) + String(i).padStart(3, '0'), 'x'.repeat(200)]));
  const atBounds = {
    investments: Array(L.investments).fill({ type: 'x'.repeat(L.idChars), host: 'AUS', units: 20 }),
    deals: { propose: Array(L.proposals).fill(proposal), accept: Array(L.answers).fill(id), reject: Array(L.answers).fill(id), break: Array(L.answers).fill(id), why: reasons(L.reasons) },
  };
  it('takes orders at every bound, and they stay small', () => {
    expect(same(atBounds)).toBe(true);
    expect(CountryOrdersSchema.safeParse(atBounds).success).toBe(true);
    // at their largest: every reason 200 characters of four bytes each (zod counts code points; the fast path leaves
    // them to zod), which are most of it; tariffs, controls and the rest add about 3 KB
    const widest = { ...atBounds, deals: { ...atBounds.deals, why: Object.fromEntries(Object.keys(atBounds.deals.why).map((k) => [k, '\u{1F600}'.repeat(200)])) } };
    expect(CountryOrdersSchema.safeParse(widest).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(widest))).toBeLessThan(70_000);
  });
  it('refuses control characters, which JSON writes as six, in ids and reasons, and spaces in ids', () => {
    for (const x of [{ investments: [{ type: 'mine\u0001' }] }, { deals: { accept: ['D1 '] } }, { deals: { why: { D1: 'no\u0000' } } }, { deals: { why: { 'D\n1': 'no' } } }, { stopProgrammes: ['P\t4'] }]) {
      expect(fastCountryOrders(x), JSON.stringify(x)).toBeUndefined();
      expect(CountryOrdersSchema.safeParse(x).success, JSON.stringify(x)).toBe(false);
    }
    // text in reasons is free otherwise
    expect(same({ deals: { why: { D1: 'valued at −0.35 points: too little — 日本' } } })).toBe(true);
  });
  it('refuses orders one past any bound, in both paths, with zod naming the list', () => {
    const past: [unknown, string][] = [
      [{ investments: [...atBounds.investments, { type: 'mine' }] }, 'investments'],
      [{ investments: [{ type: 'x'.repeat(L.idChars + 1) }] }, 'investments.0.type'],
      [{ deals: { propose: Array(L.proposals + 1).fill(proposal) } }, 'deals.propose'],
      [{ deals: { propose: [{ ...proposal, get: [...proposal.get, tariffCap] }] } }, 'deals.propose.0.get'],
      [{ deals: { accept: Array(L.answers + 1).fill('D1') } }, 'deals.accept'],
      [{ deals: { break: [id + 'D'] } }, 'deals.break.0'],
      [{ deals: { why: reasons(L.reasons + 1) } }, 'deals.why'],
      [{ deals: { why: { [id + 'D']: 'x' } } }, 'deals.why.' + id + 'D'],
    ];
    for (const [x, path] of past) {
      expect(fastCountryOrders(x), path).toBeUndefined();
      const r = CountryOrdersSchema.safeParse(x);
      expect(r.success, path).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path.join('.')), path).toContain(path);
    }
  });
});

describe('orders: invalid ones still get the clear error', () => {
  const state = createGame(content, 1);
  it('names the field and the limit (zod path)', () => {
    const r = validateOrders(content, state, { JPN: { tariffs: { USA: { autos: 600 } }, defenseSpendingPct: 'x' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { country: 'JPN', path: '$.JPN.tariffs.USA.autos', message: 'Too big: expected number to be <=500' },
      { country: 'JPN', path: '$.JPN.defenseSpendingPct', message: 'Invalid input: expected number, received string' },
    ]);
  });
  it('refuses a built-in name as a key, as before', () => {
    const r = validateOrders(content, state, JSON.parse('{"JPN": {"deals": {"why": {"constructor": "x"}}}}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ country: 'JPN', path: '$.JPN.deals.why.constructor', message: '"constructor" is a built-in JavaScript property name, not a key orders use' }]);
  });
  it('gives the same orders as zod for a whole turn of agents', () => {
    const orders: Orders = { JPN: { tariffs: { CHN: { other: 5 } }, investments: [{ type: 'recycling', units: 1 }] }, USA: { deals: { accept: ['JPN'] }, defenseSpendingPct: state.regions.USA.policies.defensePct } };
    const r = validateOrders(content, state, orders);
    expect(r.ok).toBe(true);
    if (r.ok) for (const c of Object.keys(orders) as CountryId[]) expect(canon(r.orders[c])).toEqual(canon(CountryOrdersSchema.parse(orders[c])));
  });
});
