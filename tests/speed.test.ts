// The speed work's invariants that are not speed: createGame's copy is a deep, independent copy of the opening, and
// what the engine's fast paths give is what the plain ones gave (the pinned replays hold the hashes themselves).
import { describe, expect, it } from 'vitest';
import { COUNTRIES, createGame, hashValue, makeAgent, playGame, resolveTurn, type Seats } from '../engine/index.ts';
import { cloneRegion } from '../engine/turn.ts';
import { validateOrders } from '../engine/policy.ts';
import { CountryOrdersSchema } from '../engine/schema.ts';
import { cloneLike, cloneTree, copierOf } from '../engine/clone.ts';
import { COPIER_FROM } from '../engine/init.ts';
import { hashLane1, hashString } from '../engine/hash.ts';
import { content } from './helpers.ts';
import { bundleExecArgv, workerFlags } from '../src/cli/worker-bundle.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

describe('createGame and cloneTree', () => {
  it('gives each game its own deep copy: changing one game in place changes no other, and the copy hashes as structuredClone would', () => {
    const a = createGame(content, 5);
    const before = hashValue(createGame(content, 5));
    a.regions.JPN.refining.light += 1000;
    a.regions.CHN.policies.tariffs.USA.autos = 99;
    a.prices.magnet.JPN = -1;
    const b = createGame(content, 5);
    expect(hashValue(b)).toBe(before);
    expect(b.regions.JPN.refining.light).not.toBe(a.regions.JPN.refining.light);
    expect(JSON.stringify(cloneTree(b))).toBe(JSON.stringify(structuredClone(b)));
    // from a content's COPIER_FROM-th game the copy is generated code (copierOf): the same state, as independent. The
    // games before the switch are copied by spreads; some games of this content were made before this loop (above,
    // and by other tests of the file), so the checks start 20 games early and end 20 late, on both sides of it
    for (let i = 0; i < COPIER_FROM + 20; i++) {
      const c = createGame(content, 5);
      if (i < COPIER_FROM - 20) continue;
      expect(hashValue(c)).toBe(before);
      c.regions.JPN.refining.light += 1;
    }
    expect(hashValue(createGame(content, 5))).toBe(before);
  });

  const generated = <T,>(v: T): T => copierOf(v)(v);
  for (const [name, clone] of [['cloneTree', cloneTree], ['cloneLike', cloneLike], ['copierOf', generated]] as const)
    it(`${name} keeps arrays, nulls, undefined values and key order (past 16 keys too), and shares nothing`, () => {
      const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${39 - i}`, i % 3 ? i : { i }]));
      const v = { z: [1, { a: null, b: undefined }, 'x'], a: { n: 2, t: true }, wide };
      const c = clone(v);
      expect(c).toStrictEqual(v);
      expect(Object.keys(c)).toEqual(['z', 'a', 'wide']);
      expect(Object.keys(c.wide)).toEqual(Object.keys(wide));
      expect('b' in (c.z[1] as object)).toBe(true);
      expect(c.z).not.toBe(v.z);
      expect(c.z[1]).not.toBe(v.z[1]);
      expect(c.a).not.toBe(v.a);
      expect(c.wide.k39).not.toBe(wide.k39);
    });

  it("copierOf reads every value from the tree it copies, not from its template, in pieces of any size", () => {
    const deep = (x: number) => ({ rows: Array.from({ length: 30 }, (_, i) => ({ i: i + x, cell: { v: [x, i] } })), x });
    const copy = copierOf(deep(1));
    const other = deep(7);
    const c = copy(other);
    expect(c).toStrictEqual(other);
    expect(c.rows[29].cell).not.toBe(other.rows[29].cell);
    expect(c.rows[29].cell.v).toEqual([7, 29]);
  });

  it('copierOf keeps an array with holes whole (by cloneLike), and two templates of one shape share one compiled copier', () => {
    // eslint-disable-next-line no-sparse-arrays
    const v = { a: [1, , 3, ,] as (number | undefined)[], b: 2 };
    expect(copierOf(v)(v).a.length).toBe(4);
    expect(copierOf({ x: { y: 1 }, z: [1, 2] })).toBe(copierOf({ x: { y: 9 }, z: [5, 6] }));
    expect(copierOf({ x: { y: 1 }, z: [1, 2] })).not.toBe(copierOf({ x: { y: 1 }, z: [1, 2, 3] }));
  });

  it('copierOf copies a __proto__ key as an own key, as the others do', () => {
    const v = JSON.parse('{"a":{"__proto__":{"x":1},"y":2}}');
    const c = copierOf(v)(v);
    expect(JSON.stringify(c)).toBe(JSON.stringify(cloneLike(v)));
    expect(Object.getPrototypeOf(c.a)).toBe(Object.prototype);
    expect(c.a).not.toBe(v.a);
  });
});

describe('the batch worker bundle', () => {
  it("threads that run it get this process's Node flags less tsx's loader", () => {
    const tsxArgv = ['--require', '/r/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///r/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=4096', '--import=file:///r/node_modules/tsx/dist/loader.mjs', '--cpu-prof'];
    const all = (f: readonly string[]) => [...f];
    expect(bundleExecArgv(tsxArgv, all)).toEqual(['--max-old-space-size=4096', '--cpu-prof']);
    expect(bundleExecArgv(['--import', 'file:///r/other/hook.mjs'], all)).toEqual(['--import', 'file:///r/other/hook.mjs']);
    expect(bundleExecArgv([], all)).toEqual([]);
    // of those, the ones Node takes in a thread: V8's options are the process's (Node refuses them in a Worker's
    // execArgv, and `node --max-old-space-size=4096 bin/gambit.mjs selfplay --workers 2` failed on them)
    expect(bundleExecArgv(tsxArgv)).toEqual(['--cpu-prof']);
    expect(workerFlags(['--maglev', '--expose-gc', '--stack-size=2000', '--no-warnings'])).toEqual(['--no-warnings']);
    expect(workerFlags(['--max-old-space-size=512'])).toEqual([]);
    expect(workerFlags([])).toEqual([]);
  });
  it('a batch started with V8 flags on the command line runs its worker threads', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'flags-')), 'sp.jsonl');
    const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--expose-gc', join(ROOT, 'bin/gambit.mjs'), 'selfplay', '--games', '4', '--turns', '2', '--workers', '2', '--no-progress', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, GAMBIT_THREAD_WORTH_MS: '0' } });
    expect(r.stderr).not.toMatch(/internal error|invalid execArgv/);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(4);
  }, 120_000);
});

describe('keyed draws', () => {
  it("hashLane1 is hashString's first 8 hex digits as a number, for every kind of key", () => {
    const keys = ['', 'a', '7:delay:p12:33', 'seed:success:mine-AUS-4', '\u00e9\u6f22\ud83d\ude00', 'x'.repeat(300)];
    for (let i = 0; i < 2000; i++) keys.push(`${(i * 2654435761) % 1000003}:mud:p${i}:${i % 7}:${i % 3}:${i}`);
    for (const k of keys) expect(hashLane1(k)).toBe(parseInt(hashString(k).slice(0, 8), 16));
  });
});

describe('validateOrders', () => {
  it("takes a country's empty orders as the parser would, and still refuses what is not a plain empty object", () => {
    const state = createGame(content, 3);
    const v = validateOrders(content, state, { JPN: {}, USA: {} });
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.orders).toStrictEqual({ JPN: CountryOrdersSchema.parse({}), USA: CountryOrdersSchema.parse({}) });
      expect(JSON.stringify(v.orders)).toBe('{"JPN":{},"USA":{}}');
    }
    expect(validateOrders(content, state, { JPN: [] }).ok).toBe(false);
    expect(validateOrders(content, state, { JPN: { nonsense: 1 } }).ok).toBe(false);
    expect(validateOrders(content, state, { XYZ: {} }).ok).toBe(false);
  });
});

describe('the new state and its regions', () => {
  it('keep every key in the order of the state before, and cloneRegion copies each part', () => {
    // the opening has no track yet: the first turn adds it last, as the literal did
    const s0 = resolveTurn(content, createGame(content, 4), {}, { ledger: false }).state;
    expect(Object.keys(s0).at(-1)).toBe('track');
    const s1 = resolveTurn(content, s0, {}, { ledger: false }).state;
    expect(Object.keys(s1)).toEqual(Object.keys(s0));
    for (const r of Object.keys(s0.regions) as (keyof typeof s0.regions)[]) expect(Object.keys(s1.regions[r])).toEqual(Object.keys(s0.regions[r]));
    const r = s1.regions.JPN;
    const c = cloneRegion(r);
    expect(JSON.stringify(c)).toBe(JSON.stringify(r));
    for (const k of ['gap', 'refining', 'recycling', 'inventory', 'stockpile', 'demandAdj', 'magnetUse', 'oxideOtherUse', 'carShares'] as const) expect(c[k]).not.toBe(r[k]);
    expect(c.policies).toBe(r.policies);
  });
});

describe('playGame without keeping reports (batches)', () => {
  it('ends in the same state with the same objectives, hands every report to onTurn, and keeps none', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c, i) => [c, makeAgent(content, i % 2 ? 'persona' : 'hawk', c)])) as Seats;
    const kept = playGame(content, 31, seats, { turns: 6, ledger: false, hashes: true });
    const seen: string[] = [];
    const lean = playGame(content, 31, seats, { turns: 6, ledger: false, hashes: true, keepReports: false, onTurn: (_s, r) => seen.push(hashValue(r)) });
    expect(lean.reports).toEqual([]);
    expect(lean.orders).toEqual([]);
    expect(lean.hashes).toEqual(kept.hashes);
    expect(lean.hashes).toHaveLength(6);
    expect(hashValue(lean.objectives)).toBe(hashValue(kept.objectives));
    expect(hashValue(lean.state)).toBe(hashValue(kept.state));
    expect(seen).toEqual(kept.reports.map((r) => hashValue(r)));
  });

  it('onState sees each turn\'s state and orders as a full game does, without a report (gameResult reads the magnet headline from the state)', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c, i) => [c, makeAgent(content, i % 2 ? 'persona' : 'hawk', c)])) as Seats;
    const kept = playGame(content, 32, seats, { turns: 6, ledger: false, hashes: true });
    const states: string[] = [];
    const orders: string[] = [];
    const jpn: number[] = [];
    const lean = playGame(content, 32, seats, { turns: 6, ledger: false, keepReports: false, onState: (s, o) => (states.push(hashValue(s)), orders.push(hashValue(o)), jpn.push(s.regions.JPN.last.magnetSupplyRatio)) });
    expect(states).toEqual(kept.hashes);
    expect(orders).toEqual(kept.orders.map((o) => hashValue(o)));
    expect(jpn).toEqual(kept.reports.map((r) => r.headlines.JPN.magnetSupplyRatio.value));
    expect(hashValue(lean.objectives)).toBe(hashValue(kept.objectives));
  });
});
