// The security why ledger (engine/security-ledger.ts): its causes add up to the change to rounding, each named (the
// tension with each rival by what moved it, leaks found the turn before), where it left a remainder labelled "rounding
// and limits" of up to 4.3 points over eight persona games (AUS, seed 8, turn 6): leaks found in a turn raise tension
// after that turn's index is computed, and the ledger read the tension after them.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, makeAgent, playGame, type TurnReport } from '../engine/index.ts';
import { content } from './helpers.ts';

const seatsOf = (who: string) => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, who, c)])) as Parameters<typeof playGame>[2];
const sum = (causes: { amount: number }[]) => causes.reduce((a, c) => a + c.amount, 0);
const kind = (cause: string) => cause.replace(/^tension with \w{3}: /, '').replace(/ by \w{3}$/, '');

describe('the security ledger', () => {
  const persona = new Map([2, 6, 8].map((seed) => [seed, playGame(content, seed, seatsOf('persona'), { turns: 40, ledger: true }).reports]));
  // random agents break deals and push tension to its limits
  const random = playGame(content, 3, seatsOf('random'), { turns: 40, ledger: true }).reports;

  it('adds up to the change to 1e-9 in every turn of three persona games and a random one, every cause named', () => {
    const seen = new Set<string>();
    for (const reports of [...persona.values(), random])
      for (const r of reports)
        for (const c of COUNTRIES) {
          const led = r.headlines[c].security;
          expect(Math.abs(sum(led.causes) - led.change)).toBeLessThan(1e-9 * Math.max(1, Math.abs(led.change)));
          for (const x of led.causes) {
            expect(x.cause).not.toMatch(/^rounding/);
            seen.add(kind(x.cause));
          }
        }
    for (const k of ['own capability', "allies' capability", "allies' commitment (trust)", "rivals' capability", 'settling', 'tariffs', 'export controls', 'defense build-up', 'deals', 'events', 'broken deal', 'limit', 'leaks found last turn'])
      expect(seen, k).toContain(k);
  });

  it('a leak found in a turn shows in the next turn\'s ledger (AUS, persona, seed 2: China finds its magnets reaching the US through Australia in turn 2)', () => {
    const [, t2, t3] = persona.get(2)! as TurnReport[];
    expect(t2.news.some((l) => /^CHN finds about .* magnets reaching USA through AUS/.test(l))).toBe(true);
    // turn 2: its index was computed before the leak raised tension
    expect(t2.headlines.AUS.security.causes.map((x) => x.cause)).not.toContain('tension with CHN: leaks found last turn');
    const led = t3.headlines.AUS.security;
    expect(led.change).toBeCloseTo(-2.2115, 4);
    const pinned = Object.fromEntries(led.causes.map((x) => [x.cause, Math.round(x.amount * 1e4) / 1e4]));
    expect(pinned).toEqual({
      'tension with CHN: leaks found last turn': -2.107,
      'tension with CHN: settling': 0.5656,
      "allies' commitment (trust)": -0.3497,
      'tension with CHN: export controls by CHN': -0.2652,
      "rivals' capability": -0.0741,
      other: 0.019,
    });
  });

  it("names who moved tension: China's tariff on the US in turn 2 (persona, seed 2)", () => {
    const t2 = persona.get(2)![1];
    expect(t2.news).toContain('CHN sets its tariffs on USA: other goods 21% (was 10%).');
    for (const c of ['USA', 'CHN'] as const) {
      const tariffs = t2.headlines[c].security.causes.find((x) => x.cause === `tension with ${c === 'USA' ? 'CHN' : 'USA'}: tariffs by CHN`);
      expect(tariffs?.amount).toBeLessThan(-0.09);
    }
  });
});
