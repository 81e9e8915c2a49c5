// The Invest list warns of a project the game ends before (a new player's review: Magnet recycling, 6 quarters,
// ordered in turn 1 of a 6-turn game carried no warning and was 3 quarters short at the end). Building starts the turn
// after the order, so the warning's arithmetic (finishedInTime) is checked against the engine's own countdown.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, type GameState } from '../engine/index.ts';
import { finishedInTime } from '../src/ui/panels.ts';

describe('a project finished before the game ends', () => {
  it("matches the engine: 6 quarters ordered in turn 1 are done with turn 7, not 6", () => {
    // the first seed whose recycling plant does not slip (a 5%-a-quarter risk): its countdown is the rule itself
    for (let seed = 1; seed < 20; seed++) {
      let s: GameState = createGame(content, seed);
      let done = 0;
      let slipped = false;
      for (let turn = 1; turn <= 8 && !done; turn++) {
        const r = resolveTurn(content, s, turn === 1 ? { JPN: { investments: [{ type: 'recycling', units: 1 }] } } : {});
        s = r.state;
        if (r.report.news.some((n) => /^Magnet recycling P\d+ \(JPN\) slips/.test(n))) slipped = true;
        if (s.projects.some((p) => p.type === 'recycling' && p.owner === 'JPN' && p.status !== 'building')) done = turn;
      }
      if (slipped) continue;
      expect(done).toBe(7);
      expect(finishedInTime(6, 0, 7, 1)).toBe(true);
      expect(finishedInTime(6, 0, 6, 1)).toBe(false);
      return;
    }
    throw new Error('every seed slipped');
  });
  it('counts in quarters when a turn is a year (a class): 6 quarters ordered in turn 1 need turns 2 and 3', () => {
    expect(finishedInTime(6, 0, 3, 4)).toBe(true);
    expect(finishedInTime(6, 0, 2, 4)).toBe(false);
    expect(finishedInTime(8, 1, 4, 4)).toBe(true);
    expect(finishedInTime(9, 1, 4, 4)).toBe(false);
  });
});
