// Export controls on a treaty ally cost its trust, and with it the ally's commitment the security index counts (docs/
// MODEL.md S8.1). A new player's best move was Japan banning magnet exports to the United States: +1.33 points, nearly all
// supply independence, security untouched, because trust fell only with a broken deal.
import { describe, expect, it } from 'vitest';
import { content, play } from './helpers.ts';
import type { Content, Orders } from '../engine/index.ts';

const dip = content.rules.diplomacy;
const ban = (to: 'USA' | 'CHN', level: unknown): Orders => ({ JPN: { exportControls: { [to]: { magnet: level } } } }) as unknown as Orders;

describe('controls on an ally', () => {
  it('lower its trust at once while they stand, by the ban or the licence cut, and it recovers as after a breach', () => {
    expect(dip.controlTrust).toBe(20);
    const { states } = play(1, 6, { 1: ban('USA', { licensed: 0.5 }), 2: ban('USA', 'banned'), 3: ban('USA', 'open') });
    const us = states.map((s) => s.trust.USA.JPN);
    // turn 1 orders a 50% licence: the trust reacts to the controls that stood when a turn began, so from turn 2, at once,
    // by a sixth of a ban (licenceTension / banTension x 0.5)
    expect(us[0]).toBe(dip.allyTrust);
    expect(us[1]).toBeCloseTo(dip.allyTrust - dip.controlTrust! * (dip.licenceTension / dip.banTension) * 0.5, 12);
    expect(us[1]).toBeCloseTo(61.67, 2);
    // the ban (turn 2, seen in turn 3): 20 points below the ally's usual trust, at once
    expect(us[2]).toBe(dip.allyTrust - dip.controlTrust!);
    // open again from turn 3 (seen in turn 4): back toward 65 a point a turn, as after a breach
    for (const k of [3, 4, 5]) expect(us[k]! - us[k - 1]!).toBe(dip.trustRecovery);
    // Australia, Japan's other ally, trusts it as before: the control was not on it
    expect(states.map((s) => s.trust.AUS.JPN)).toEqual(states.map(() => dip.allyTrust));
  });

  // the trust is a state's number, in every replay and class log: it must keep its last bit. Summing the tension and
  // dividing once by banTension (a tidier form, tried) gives another trust for shares 0.11, 0.24 and 0.26 (of 0.01 to
  // 0.99, with these rules)
  it('gives, to the bit, the trust of the per-stage weighting, for licences of any share', () => {
    for (const share of [0.11, 0.24, 0.26, 0.5]) {
      const { states } = play(1, 2, { 1: ban('USA', { licensed: share }) });
      expect(states[1]!.trust.USA.JPN, `a licence of ${share}`).toBe(dip.allyTrust - dip.controlTrust! * ((dip.licenceTension / dip.banTension) * (1 - share)));
    }
  });

  it('costs security; controls on a country that is no ally do not move its trust', () => {
    const none = play(1, 4);
    const onUs = play(1, 4, { 1: ban('USA', 'banned') });
    const onChina = play(1, 4, { 1: ban('CHN', 'banned') });
    expect(onChina.states.map((s) => s.trust.CHN.JPN)).toEqual(none.states.map((s) => s.trust.CHN.JPN));
    // the US's commitment counts at its trust: Japan's security falls with it
    expect(onUs.states[3]!.regions.JPN.security).toBeLessThan(none.states[3]!.regions.JPN.security - 1);
  });

  it('leave trust as it was under rules written before the rule (no controlTrust)', () => {
    const { controlTrust: _, ...old } = dip;
    const c = { ...content, rules: { ...content.rules, diplomacy: old } } as Content;
    const { states } = play(1, 3, { 1: ban('USA', 'banned') }, c);
    expect(states.map((s) => s.trust.USA.JPN)).toEqual([dip.allyTrust, dip.allyTrust, dip.allyTrust]);
  });
});
