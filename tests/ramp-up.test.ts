// Ramp-up (docs/MODEL.md S10): a finished magnet plant, separation plant or mine comes on at firstShare of its
// capacity and reaches nameplate in even steps over rampUp.quarters, as arrivals in the capacity pipeline; a type
// without rampUp comes on whole; a rampUp on a kind that does not ramp (recycling) is refused with its path.
import { describe, expect, it } from 'vitest';
import { ContentError, compileContent } from '../engine/content.ts';
import { createGame, resolveTurn, viewFor, type Content, type GameState } from '../engine/index.ts';
import { usefulInvestment } from '../engine/agents/common.ts';
import { rampingOf } from '../engine/held.ts';
import { reserveOfftakes } from '../engine/supply.ts';
import { privateSupply } from '../engine/pipeline.ts';
import { STAGES } from '../engine/ids.ts';
import { RAMP_ADD, RAMP_AT, rampIncrements } from '../engine/ramp.ts';
import { loadContent, readBundle } from '../src/content/load.ts';

const base = loadContent('rare-earth-gambit');

/** A copy of the content where every project succeeds on time (no delay risk, no delaying event), `edit` applied. */
function contentWith(edit: (c: Content) => void): Content {
  const c = structuredClone(base) as Content;
  for (const t of Object.values(c.projects.types)) {
    t.successChance = 1;
    t.delayRisk = 0;
  }
  c.events.events = c.events.events.filter((e) => !e.effects.some((f) => f.kind === 'projectDelay'));
  edit(c);
  return c;
}

/** Turn 1 of seed 1, with or without a Japanese magnet plant that finishes this turn. */
function turnOne(c: Content, withPlant: boolean): GameState {
  const s = createGame(c, 1);
  if (withPlant) s.projects.push({ id: 'P900', type: 'magnetPlant', owner: 'JPN', host: 'JPN', units: 1, remainingQuarters: 1, status: 'building', startedTurn: 0, costUsdBn: 1, private: false });
  return resolveTurn(c, s, {}, { ledger: false }).state;
}

/** The plant's own pipeline arrivals: Japan's magnet entries due by `last` in the game with it, less those in the game
 * without. Private investment answers prices, which the plant moves, but its arrivals are due a lead time (three
 * years) on, grouped by year: later than a ramp-up's last step. */
function plantArrivals(a: GameState, b: GameState, last: number): Map<number, number> {
  const out = new Map<number, number>();
  const add = (s: GameState, sign: number) => {
    for (const e of s.pipeline) if (e.region === 'JPN' && e.stage === 'magnet' && e.due <= last) out.set(e.due, (out.get(e.due) ?? 0) + sign * e.tonnes);
  };
  add(a, 1);
  add(b, -1);
  for (const [k, v] of out) if (Math.abs(v) < 1e-9) out.delete(k);
  return out;
}

describe('ramp-up of finished plants', () => {
  it('a magnet plant comes on at its first share and the rest arrives in even steps over its ramp-up quarters', () => {
    const c = contentWith(() => {});
    const ramp = c.projects.types.magnetPlant.rampUp!;
    const cap = c.projects.types.magnetPlant.capacity;
    expect(ramp.firstShare).toBeLessThan(1);
    const a = turnOne(c, true);
    const b = turnOne(c, false);
    expect(a.projects.find((p) => p.id === 'P900')?.status).toBe('done');
    expect(a.regions.JPN.magnetCap - b.regions.JPN.magnetCap).toBeCloseTo(cap * ramp.firstShare, 6);
    const steps = plantArrivals(a, b, 1 + ramp.quarters + 2);
    // one arrival a turn (a quarter a turn here) for the ramp's quarters, each an equal part of the rest
    expect([...steps.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: ramp.quarters }, (_, k) => 2 + k));
    for (const t of steps.values()) expect(t).toBeCloseTo((cap * (1 - ramp.firstShare)) / ramp.quarters, 6);
  });

  it('the arrivals reach the plant: its capacity climbs turn by turn to the whole of it', () => {
    const c = contentWith(() => {});
    const ramp = c.projects.types.magnetPlant.rampUp!;
    const cap = c.projects.types.magnetPlant.capacity;
    let a = turnOne(c, true);
    let b = turnOne(c, false);
    const gaps = [a.regions.JPN.magnetCap - b.regions.JPN.magnetCap];
    for (let k = 0; k < ramp.quarters; k++) {
      a = resolveTurn(c, a, {}, { ledger: false }).state;
      b = resolveTurn(c, b, {}, { ledger: false }).state;
      gaps.push(a.regions.JPN.magnetCap - b.regions.JPN.magnetCap);
    }
    // each turn the capacity there grows at the baseline rate (supplyResponse.capacityGrowthPerYear) and one step arrives
    const gC = (1 + c.goods.supplyResponse.capacityGrowthPerYear) ** (a.quartersPerTurn / 4);
    const step = (cap * (1 - ramp.firstShare)) / ramp.quarters;
    for (let k = 1; k < gaps.length; k++) expect(gaps[k], `turn ${k + 1}`).toBeCloseTo(gaps[k - 1] * gC + step, 6);
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(cap);
  });

  it('without rampUp a plant comes on whole, with nothing for it in the pipeline', () => {
    const c = contentWith((x) => delete x.projects.types.magnetPlant.rampUp);
    const a = turnOne(c, true);
    const b = turnOne(c, false);
    expect(a.regions.JPN.magnetCap - b.regions.JPN.magnetCap).toBeCloseTo(c.projects.types.magnetPlant.capacity, 6);
    expect(plantArrivals(a, b, 12).size).toBe(0);
  });

  it("agents count a finished plant's ramp-up still to come, and do not build again for capacity already paid for", () => {
    const c = contentWith(() => {});
    const ramp = c.projects.types.magnetPlant.rampUp!;
    const cap = c.projects.types.magnetPlant.capacity;
    let a = turnOne(c, true);
    expect(a.projects.find((p) => p.id === 'P900')?.doneTurn).toBe(1);
    expect(rampingOf(c, a.projects, 'JPN', 'magnetPlant', a.turn, a.quartersPerTurn)).toBeCloseTo(cap * (1 - ramp.firstShare), 6);
    expect(rampingOf(c, a.projects, 'USA', 'magnetPlant', a.turn, a.quartersPerTurn)).toBe(0);
    // Japan's magnet capacity in place short of its need by less than the ramp-up still to come: no new plant
    const need = (a.regions.JPN.last.magnetNeed * 4) / a.quartersPerTurn;
    a.regions.JPN.magnetCap = need - cap * (1 - ramp.firstShare) * 0.5;
    expect(usefulInvestment(c, viewFor(a, 'JPN'), 'magnetPlant', 'JPN')).toBe(false);
    // the same shortfall with the plant's ramp-up over (or never started): a plant is useful
    const over = { ...a, projects: a.projects.map((p) => (p.id === 'P900' ? { ...p, doneTurn: undefined } : p)) };
    expect(usefulInvestment(c, viewFor(over, 'JPN'), 'magnetPlant', 'JPN')).toBe(true);
    for (let k = 0; k < ramp.quarters; k++) a = resolveTurn(c, a, {}, { ledger: false }).state;
    expect(rampingOf(c, a.projects, 'JPN', 'magnetPlant', a.turn, a.quartersPerTurn)).toBe(0);
  });

  it("a stake abroad in a plant that ramps up takes its share of what is in place, not its whole contract", () => {
    const c = contentWith(() => {});
    const ramp = c.projects.types.magnetPlant.rampUp!;
    const s = createGame(c, 1);
    s.projects.push({ id: 'P901', type: 'magnetPlant', owner: 'JPN', host: 'AUS', units: 1, remainingQuarters: 1, status: 'building', startedTurn: 0, costUsdBn: 1, private: false });
    const a = resolveTurn(c, s, {}, { ledger: false }).state;
    expect(a.projects.find((p) => p.id === 'P901')?.status).toBe('done');
    const o = a.offtakes.find((x) => x.source === 'stake P901')!;
    expect(o).toMatchObject({ from: 'AUS', to: 'JPN', stage: 'magnet', ramp: { firstShare: ramp.firstShare, quarters: ramp.quarters, doneTurn: 1 } });
    expect(o.tonnesPerYear).toBeCloseTo(c.projects.types.magnetPlant.capacity * c.projects.stakeOfftakeShare, 6);
    const q = a.quartersPerTurn;
    const reservedAt = (turn: number, offtakes = [o]) => {
      const r = Object.fromEntries(STAGES.map((st) => [st, Array.from({ length: 6 }, () => new Array(6).fill(0))])) as Parameters<typeof reserveOfftakes>[3];
      reserveOfftakes(offtakes, turn, q, r);
      return r.magnet.flat().reduce((x, y) => x + y, 0);
    };
    const whole = (o.tonnesPerYear * q) / 4;
    expect(reservedAt(1)).toBeCloseTo(whole * ramp.firstShare, 9);
    expect(reservedAt(2)).toBeCloseTo(whole * (ramp.firstShare + ((1 - ramp.firstShare) * q) / ramp.quarters), 9);
    expect(reservedAt(1 + ramp.quarters)).toBeCloseTo(whole, 9);
    // an offtake without a ramp (a scenario's, or a stake in a kind that does not ramp) is whole from the start; one
    // past its term reserves nothing
    const { ramp: _, ...plain } = o;
    expect(reservedAt(1, [plain])).toBeCloseTo(whole, 9);
    expect(reservedAt(o.untilTurn + 1)).toBe(0);
  });

  it('private capacity answering prices ramps up as the same kind of plant does, in steps a year apart', () => {
    /** the magnet arrivals private investment adds in one turn (turn 1 of seed 1, magnets dear everywhere) */
    const arrivals = (c: Content) => {
      const s = createGame(c, 1);
      for (const r of Object.keys(s.market.producerPrice.magnet) as (keyof typeof s.market.producerPrice.magnet)[]) {
        s.market.producerPrice.magnet[r] *= 3;
        s.market.expPrice.magnet[r] *= 3;
      }
      const R = structuredClone(s.regions);
      const pipeline: GameState['pipeline'] = [];
      privateSupply(c, s, R, 1, pipeline);
      const out = new Map<string, Map<number, number>>();
      for (const e of pipeline) if (e.stage === 'magnet') out.set(e.region, (out.get(e.region) ?? new Map()).set(e.due, e.tonnes));
      return out;
    };
    const c = contentWith(() => {});
    const ramp = c.projects.types.magnetPlant.rampUp!;
    const whole = arrivals(contentWith((x) => delete x.projects.types.magnetPlant.rampUp));
    const ramped = arrivals(c);
    expect(whole.size).toBeGreaterThan(0);
    expect([...ramped.keys()]).toEqual([...whole.keys()]);
    for (const [region, byDue] of whole) {
      // without a ramp: one arrival, after the lead time
      expect(byDue.size, region).toBe(1);
      const [[due, tonnes]] = [...byDue];
      // with it: the first share then, the rest in steps a year apart until the ramp-up's quarters are over (a
      // quarter a turn here; 8 quarters: 30%, 65%, 100% of it)
      const steps = ramped.get(region)!;
      const dues: number[] = [];
      for (let k = 0; ; k += 4) {
        dues.push(due + k);
        if (k >= ramp.quarters) break;
      }
      expect([...steps.keys()], region).toEqual(dues);
      expect(steps.get(due)!).toBeCloseTo(tonnes * ramp.firstShare, 9);
      expect(steps.get(due + 4)!).toBeCloseTo(tonnes * (1 - ramp.firstShare) * (4 / ramp.quarters), 9);
      expect([...steps.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(tonnes, 9);
    }
  });

  it("a ramp's increments, a turn or a year at a time, start at the first share and add up to the whole plant", () => {
    const ramp = { firstShare: 0.3, quarters: 6 };
    // quarterly turns, a turn at a time: 0.3 now, then (0.7 / 6) a quarter for six quarters
    const n1 = rampIncrements(ramp, 1, 1);
    expect(Array.from(RAMP_AT.subarray(0, n1))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(RAMP_ADD[0]).toBe(0.3);
    for (let i = 1; i < n1; i++) expect(RAMP_ADD[i]).toBeCloseTo(0.7 / 6, 12);
    // a year at a time (four turns): 0.3 now, 0.3 + 0.7 * 4 / 6 after a year, the rest after two
    const n4 = rampIncrements(ramp, 1, 4);
    expect(Array.from(RAMP_AT.subarray(0, n4))).toEqual([0, 4, 8]);
    expect(Array.from(RAMP_ADD.subarray(0, n4)).map((v) => +v.toFixed(12))).toEqual([0.3, +((0.7 * 4) / 6).toFixed(12), +(0.7 / 3).toFixed(12)]);
    // a plant with nothing at first: no step for the turn it finished
    const n0 = rampIncrements({ firstShare: 0, quarters: 2 }, 1, 1);
    expect(Array.from(RAMP_AT.subarray(0, n0))).toEqual([1, 2]);
    expect(RAMP_ADD[0] + RAMP_ADD[1]).toBe(1);
  });

  it('a rampUp on recycling is refused, naming the file and the path', () => {
    const raw = readBundle('rare-earth-gambit');
    const types = (raw.projects.json as { types: Record<string, Record<string, unknown>> }).types;
    types.recycling.rampUp = { firstShare: { v: 0.5, src: 'test' }, quarters: { v: 4, src: 'test' } };
    let err: unknown;
    try {
      compileContent(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ContentError);
    const issues = (err as ContentError).issues;
    expect(issues.map((i) => i.path)).toEqual(['$.types.recycling.rampUp']);
    expect(String((err as Error).message)).toMatch(/only mine, refinery, magnetPlant ramp up/);
  });
});
