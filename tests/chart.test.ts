// The end screen's and the debrief's line charts mark round values on their y axis: the finest step of 1, 2 or 5 x 10^k
// that needs at most 7 gridlines, zero on a gridline when the axis crosses it (a score axis once read 0.10, 0.03, 0,
// −0.05: its extremes and their midpoint, with zero squeezed in).
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../src/ui/chart.ts';

describe('niceTicks', () => {
  it('gives round, evenly spaced values covering the data', () => {
    expect(niceTicks(-0.05, 0.1)).toEqual({ lo: -0.05, hi: 0.1, ticks: [-0.05, 0, 0.05, 0.1], decimals: 2 });
    expect(niceTicks(-5.97, 4.96)).toEqual({ lo: -6, hi: 6, ticks: [-6, -4, -2, 0, 2, 4, 6], decimals: 0 });
    expect(niceTicks(90.3, 100).ticks).toEqual([90, 92, 94, 96, 98, 100]);
    expect(niceTicks(18000, 19500).ticks).toEqual([18000, 18500, 19000, 19500]);
    expect(niceTicks(56, 56.5)).toMatchObject({ ticks: [56, 56.1, 56.2, 56.3, 56.4, 56.5], decimals: 1 });
  });
  it('covers any range with 2 to 7 lines, evenly spaced, zero on one whenever the range crosses it', () => {
    for (let i = 0; i < 2000; i++) {
      const a = Math.sin(i * 12.9898) * 10 ** ((i % 9) - 4);
      const b = a + Math.abs(Math.cos(i * 78.233)) * 10 ** (((i * 7) % 9) - 4) + 1e-6;
      const t = niceTicks(a, b);
      expect(t.lo).toBeLessThanOrEqual(a);
      expect(t.hi).toBeGreaterThanOrEqual(b);
      expect(t.ticks.length).toBeGreaterThanOrEqual(2);
      expect(t.ticks.length).toBeLessThanOrEqual(7);
      const step = t.ticks[1]! - t.ticks[0]!;
      for (let k = 1; k < t.ticks.length; k++) expect(Math.abs(t.ticks[k]! - t.ticks[k - 1]! - step)).toBeLessThan(step * 1e-6);
      if (t.lo < 0 && t.hi > 0) expect(t.ticks).toContain(0);
    }
  });
});
