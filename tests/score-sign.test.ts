// One way to write a score on every screen: a real minus sign, and "±0.00" for a score that rounds to zero. The
// teacher's dashboard, the projector and the debrief wrote a zero "+0.00" (fmt.signed) where the player's header and
// end screen wrote "±0.00" (pts), and a negative one with a hyphen ("-0.13") where the player's said "−0.13".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COUNTRIES, type CountryId } from '../engine/index.ts';
import { fmt } from '../src/ui/dom.ts';
import { pts } from '../src/ui/score.ts';
import { discussionPrompts } from '../src/server/prompts.ts';
import type { ClassRoom } from '../src/server/classroom.ts';
import type { WorldSeries } from '../src/server/debrief.ts';

describe('a score, written the same everywhere', () => {
  it('fmt.signed (the class screens) and pts (the player\'s) agree: "±0.00", "+0.12", "−0.13"', () => {
    for (const v of [0, 0.004, -0.004, -0.0001, 0.12, -0.13, 0.005, -0.006, 1.5, -2]) expect(fmt.signed(v, 2)).toBe(pts(v));
    expect(fmt.signed(0, 2)).toBe('±0.00');
    expect(fmt.signed(-0.001, 2)).toBe('±0.00');
    expect(fmt.signed(-0.13, 2)).toBe('−0.13');
    expect(fmt.signed(0.12, 2)).toBe('+0.12');
    expect(fmt.signed(0.04)).toBe('±0.0');
  });

  it('the class screens write scores with it, not a sign of their own', () => {
    for (const f of ['src/classroom/teacher.ts', 'src/classroom/projector.ts', 'src/classroom/debrief.ts']) {
      const src = readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      expect(src, f).toMatch(/fmt\.signed\(/);
      expect(src, f).not.toMatch(/>= 0 \? '\+'/);
    }
  });

  it('the debrief\'s prompt says a zero score "±0.00"', () => {
    const per = (v: number[]) => Object.fromEntries(COUNTRIES.map((c) => [c, v])) as Record<CountryId, number[]>;
    const world = (index: number, score: number): WorldSeries => ({
      index, seed: 1, dates: ['2025Q4'], ndpr: [56], dytb: [415], magnet: [70], scores: { ...per([0]), JPN: [score] }, magnetSupply: per([1]), gdp: per([4000]), events: [],
      botTurns: Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>,
    });
    const cls = { worlds: [0, 1].map(() => ({ orders: [], reports: [] })), seats: [0, 1].map(() => COUNTRIES.map((c) => ({ country: c, students: [] }))), k: 1 } as unknown as ClassRoom;
    const p = discussionPrompts(cls, [world(0, 0), world(1, -0.13)]).find((x) => x.startsWith('Japan scored'));
    expect(p).toBe('Japan scored ±0.00 in world 1 and −0.13 in world 2, from the same start. Which decisions made the difference?');
  });
});
