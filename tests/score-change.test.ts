// The digest's "score −0.21, down 0.07 from −0.13" (Malaysia's Japanese game, turn 3): the change said must be the
// difference of the two scores shown beside it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pts, shownChange } from '../src/ui/score.ts';

describe('the score’s change in the digest', () => {
  it('is the difference of the two shown scores', () => {
    expect(shownChange(-0.206, -0.134)).toBe(-0.08);
    expect(pts(-0.206)).toBe('−0.21');
    expect(pts(-0.134)).toBe('−0.13');
    expect(shownChange(0.004, -0.004)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (a, b) => {
        const num = (s: string) => (s === '±0.00' ? 0 : Number(s.replace('−', '-')));
        expect(shownChange(a, b)).toBeCloseTo(num(pts(a)) - num(pts(b)), 9);
      }),
    );
  });
});
