// China's persona reopening to a partner when tension is low loosens each good only as far as the loosest control it
// keeps on any other region (engine/agents/persona.ts, `reopen`; docs/MODEL.md, Personas): a partner opened wider than
// the rest is a route round the controls, which the leakage rule licenses again the next turn (the quarterly on-off
// that made Dy/Tb outside China run 499, 459, 643, 458, 648 in seed 1 before).
import { describe, expect, it } from 'vitest';
import { createGame, makeAgent, resolveTurn, viewFor, type CountryOrders, type GameState } from '../engine/index.ts';
import { makeRng } from '../engine/prng.ts';
import { content } from './helpers.ts';

const china = makeAgent(content, 'persona', 'CHN');

/** China's orders to Australia over 40 draws of the dice, those that say anything. */
function ordersToAus(s: GameState) {
  const out: NonNullable<NonNullable<CountryOrders['exportControls']>['AUS']>[] = [];
  for (let k = 0; k < 40; k++) {
    const o = china.decide({ content, view: viewFor(s, 'CHN'), rng: makeRng(`reopen:${k}`) }).exportControls?.AUS;
    if (o) out.push(o);
  }
  return out;
}

describe("China's persona reopening a partner", () => {
  it('goes back to the licence it keeps on everyone else, not to open, while the others are licensed', () => {
    const start = createGame(content, 1);
    // the scenario licenses Dy/Tb oxide at 90% to every region; China tightens Australia's to 80%
    expect(start.regions.CHN.policies.controls.JPN['oxide.heavy']).toMatchObject({ level: 'licensed', share: 0.9 });
    const s = resolveTurn(content, start, { CHN: { exportControls: { AUS: { 'oxide.heavy': { licensed: 0.8 } } } } }).state;
    expect(s.regions.CHN.policies.controls.AUS['oxide.heavy']).toMatchObject({ level: 'licensed', share: 0.8 });
    expect(s.tension.CHN.AUS).toBeLessThan(50);
    const orders = ordersToAus(s);
    // the reopening is drawn with probability 0.3 a turn: some of the 40 draws reopen
    expect(orders.length).toBeGreaterThan(3);
    for (const o of orders) expect(o['oxide.heavy']).toEqual({ licensed: 0.9 });
    // magnets are licensed to Australia as to the rest (96%): nothing looser to go to
    for (const o of orders) expect(o.magnet).toBeUndefined();
  });

  it('opens a good that it leaves open to some other region', () => {
    const start = createGame(content, 1);
    const s = resolveTurn(content, start, { CHN: { exportControls: { AUS: { 'oxide.heavy': { licensed: 0.8 } }, ROW: { 'oxide.heavy': 'open' } } } }).state;
    expect(s.regions.CHN.policies.controls.ROW['oxide.heavy'].level).toBe('open');
    const orders = ordersToAus(s).filter((o) => o['oxide.heavy'] !== undefined);
    expect(orders.length).toBeGreaterThan(3);
    for (const o of orders) expect(o['oxide.heavy']).toBe('open');
  });
});
