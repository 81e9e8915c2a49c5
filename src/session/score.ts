// The player's score split by objective, turn by turn: each objective's part of the gap to the yardstick game (the
// same game with the player's seat at status quo), its running average (the score) and how much this turn moved it.
import { OBJECTIVES, type ObjectiveKey } from '../../engine/lite.ts';
import type { TurnScore } from './protocol.ts';

/** Plain-word names of the objectives, for players. */
export const OBJECTIVE_LABEL: Record<ObjectiveKey, string> = {
  gdp: 'GDP',
  security: 'security',
  approval: 'approval',
  autoProduction: 'car output',
  supplySecurity: 'magnet supply',
  independence: 'supply independence',
  environment: 'environment',
};

/** Short names, for the header. */
export const OBJECTIVE_SHORT: Record<ObjectiveKey, string> = { gdp: 'GDP', security: 'security', approval: 'approval', autoProduction: 'cars', supplySecurity: 'supply', independence: 'independence', environment: 'environment' };

type Parts = Record<ObjectiveKey, number>;

/**
 * The score after `turn` turns (1-based) split by objective, from the player's objective parts and the yardstick's,
 * turn by turn (index 0 = turn 1). The parts sum to the score the session reports (runningScores): the mean over the
 * turns so far of the player's objective minus the yardstick's. The change (`prev`, `by[ob].change`) is from the score
 * after `since` turns: the turn before, or a class round's start (a round of four quarters said only its last one's).
 */
export function turnScore(mine: Parts[], base: Parts[], turn: number, weights?: Partial<Record<ObjectiveKey, number>>, since = turn - 1): TurnScore {
  const by = {} as TurnScore['by'];
  let score = 0;
  let prev = 0;
  let gap = 0;
  for (const ob of OBJECTIVES) {
    let before = 0;
    let atSince = 0;
    for (let i = 0; i < turn - 1; i++) {
      if (i === since) atSince = before;
      before += mine[i][ob] - base[i][ob];
    }
    if (since === turn - 1) atSince = before;
    const g = mine[turn - 1][ob] - base[turn - 1][ob];
    const total = (before + g) / turn;
    const was = since > 0 ? atSince / since : 0;
    by[ob] = { total, change: total - was, gap: g };
    score += total;
    prev += was;
    gap += g;
  }
  const from = since === turn - 1 ? {} : { since };
  return weights ? { turn, score, prev, gap, by, weighted: OBJECTIVES.filter((ob) => (weights[ob] ?? 0) > 0), ...from } : { turn, score, prev, gap, by, ...from };
}

/** The objectives a country weighs, for a final result's split: the others are left out (they are always 0). */
export function weightedOnly<T>(split: Record<string, T>, weighted: string[] | undefined): Record<string, T> {
  return weighted ? Object.fromEntries(Object.entries(split).filter(([k]) => weighted.includes(k))) : split;
}
