// The fifteenth stop keeps the turn's chain input and its markets' results at module level, rewritten every turn
// (docs/SPEED.md, "Session 15, helper 2"). Nothing a turn hands out may share them: a state, a report or a view kept
// from an earlier turn must read the same after any later turn, a planner's rollouts (which reuse the same kept
// objects between the game's turns) and a price ledger's counterfactual runs included.
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../engine/ids.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { resolveTurn, resolveTurnLean } from '../engine/turn.ts';
import { viewFor } from '../engine/view.ts';
import type { GameState } from '../engine/state.ts';
import { content } from './helpers.ts';

const seats = (): Seats => {
  const s = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Seats;
  s.JPN = makeAgent(content, 'planner', 'JPN');
  return s;
};

/** JSON text with typed arrays spelled out, so a change inside one shows. */
const text = (x: unknown) => JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

describe('what a turn hands out is its own', () => {
  it('states, reports (price ledger on) and views kept from every turn read the same after the game, with the planner in a seat', () => {
    const kept: { what: string; obj: unknown; was: string }[] = [];
    playGame(content, 15, seats(), {
      turns: 10,
      ledger: true,
      onTurn: (state, report) => {
        const view = viewFor(state, 'CHN');
        for (const [what, obj] of [['state', state], ['report', report], ['view', view]] as const) kept.push({ what: `${what} after turn ${state.turn}`, obj, was: text(obj) });
      },
    });
    expect(kept.length).toBe(30);
    const changed = kept.filter((k) => text(k.obj) !== k.was).map((k) => k.what);
    expect(changed).toEqual([]);
  });

  it('a lean turn and a full one from the same state leave each other’s states as they were, in either order', () => {
    const s0 = playGame(content, 16, seats(), { turns: 3, keepReports: false }).state;
    const orders = {};
    const lean: GameState = resolveTurnLean(content, s0, orders, { ledger: false }).state;
    const leanText = text(lean);
    const full = resolveTurn(content, s0, orders, { ledger: true });
    const fullText = text(full.state);
    // more turns on both, interleaved: neither kept state may move
    let a = lean;
    let b = full.state;
    for (let k = 0; k < 3; k++) {
      a = resolveTurnLean(content, a, orders, { ledger: false }).state;
      b = resolveTurn(content, b, orders, { ledger: true }).state;
    }
    expect(text(lean)).toBe(leanText);
    expect(text(full.state)).toBe(fullText);
    // the lean and full turns computed the same state
    expect(text(a)).toBe(text(b));
  });
});
