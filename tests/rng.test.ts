// The agents' generator (engine/prng.ts makeRng, seedrandom's alea written out, seeded at its first draw) against alea itself: the same draws,
// bit for bit, for many seeds (empty, long, non-ASCII, as agents build them), and seeded lazily without mixing streams;
// makeRngJoined against makeRng of the joined seed, and the game's drawN against the package restored from the state.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { drawN, makeRng, makeRngJoined, newRngState } from '../engine/prng.ts';

function draws(f: () => number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f());
  return out;
}

describe('makeRng', () => {
  it("draws what seedrandom's alea draws for the same seed", () => {
    const seeds = ['', ' ', 'a', '0:1:JPN:persona-jpn', 'deal:12:USA:D7:counter5', 'lhs:42', 'x'.repeat(500), 'ünïcødé ☃ 日本', '\u0000\uffff'];
    for (const s of seeds) expect(draws(makeRng(s), 300)).toEqual(draws(seedrandom.alea(s), 300));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 60 }), (s, n) => {
        expect(draws(makeRng(s), n)).toEqual(draws(seedrandom.alea(s), n));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('keeps each stream its own when generators are made, drawn and interleaved in any order', () => {
    const a = makeRng('one');
    const b = makeRng('two');
    const ra = seedrandom.alea('one');
    const rb = seedrandom.alea('two');
    const got: number[] = [];
    const want: number[] = [];
    for (let i = 0; i < 50; i++) {
      // b is first drawn after a has drawn 20: its seeding must not depend on when it happens
      if (i >= 20) {
        got.push(b());
        want.push(rb());
      }
      got.push(a());
      want.push(ra());
    }
    expect(got).toEqual(want);
  });
});

describe('makeRngJoined', () => {
  it('draws what makeRng draws for the joined seed', () => {
    const part = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer({ min: -5, max: 100000 }), fc.constantFrom(0.5, 1e21, -0));
    fc.assert(
      fc.property(part, part, part, fc.option(part, { nil: undefined }), fc.integer({ min: 1, max: 40 }), (a, b, c, d, n) => {
        const joined = d === undefined ? `${a}:${b}:${c}` : `${a}:${b}:${c}:${d}`;
        expect(draws(makeRngJoined(a, b, c, d), n)).toEqual(draws(makeRng(joined), n));
        expect(draws(makeRngJoined(a, b, c, d), n)).toEqual(draws(seedrandom.alea(joined), n));
      }),
      { numRuns: 400, seed: 4 },
    );
  });
});

describe('drawN', () => {
  it("draws and leaves the state that seedrandom's alea restored from the state does, keys in the same order", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 200 }), (seed, skip, n) => {
        let state = newRngState(seed);
        for (let i = 0; i < skip; i++) state = drawN(state, 7).state;
        const r = seedrandom.alea('', { state: state as seedrandom.State.Alea });
        const want = draws(r, n);
        const got = drawN(state, n);
        expect([...got.draws.subarray(0, n)]).toEqual(want);
        expect(JSON.stringify(got.state)).toBe(JSON.stringify(r.state()));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
