// The agents' generator (engine/prng.ts makeRng, seedrandom's alea written out, seeded at its first draw) against alea itself: the same draws,
// bit for bit, for many seeds (empty, long, non-ASCII, as agents build them), and seeded lazily without mixing streams.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { makeRng } from '../engine/prng.ts';

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
