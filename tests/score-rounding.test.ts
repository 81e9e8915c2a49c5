// The digest's score table showed "security −0.06" above "all (others ±0.00) −0.07" (a class's China: −0.064 and six
// objectives of about −0.0007): each row is rounded to the cent, so the rows missed the total. Where they do, a line
// under the table now says so; where they add up, nothing is added.
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, type ObjectiveKey } from '../engine/index.ts';
import type { TurnScore } from '../src/session/protocol.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';

installFakeDom();
const { scoreThisTurn, splitTable } = await import('../src/ui/score.ts');
const { ready } = await import('../src/ui/i18n.ts');
await ready;

/** A turn's score: security moved by `security`, every other objective by `each`. */
function score(security: number, each: number): TurnScore {
  const by = Object.fromEntries(OBJECTIVES.map((k) => [k, k === 'security' ? { total: security, change: security, gap: security } : { total: each, change: each, gap: each }])) as Record<ObjectiveKey, { total: number; change: number; gap: number }>;
  const total = security + each * (OBJECTIVES.length - 1);
  return { turn: 1, score: total, prev: 0, gap: total, by } as unknown as TurnScore;
}
const note = (el: unknown) => (el as FakeElement).querySelectorAll('[data-testid="score-rounding"]').map((x) => x.textContent);

describe('a score table whose rounded rows miss the total', () => {
  it('says the rows are rounded, in the digest and in the Indicators tab', () => {
    const ts = score(-0.064, -0.0007); // total −0.0682: shown −0.07 under −0.06 and ±0.00s
    const digest = scoreThisTurn(ts, 'CHN') as unknown as FakeElement;
    expect(digest.textContent).toContain('−0.06');
    expect(digest.textContent).toContain('−0.07');
    expect(note(digest)).toEqual(['Each figure is rounded to the cent, so the rows can miss the total by a cent or two.']);
    expect(note(splitTable(ts))).toHaveLength(1);
  });
  it('adds nothing where the rows add up', () => {
    const ts = score(-0.06, 0);
    expect(note(scoreThisTurn(ts, 'CHN'))).toEqual([]);
    expect(note(splitTable(ts))).toEqual([]);
  });
});

// A new player's turn 4: the digest said "score −0.37, down 0.05 from −0.32" (the shown scores' difference) while the
// Indicators tab's table said the score moved −0.04 (the unrounded −0.044). Both now say the change the scores show.
describe("the score's change, as the two scores shown say it", () => {
  it('is the same in the digest and in the Indicators tab', () => {
    const ts = { ...score(-0.3659 + 0.3219, 0), score: -0.3659, prev: -0.3219 } as TurnScore;
    const digest = (scoreThisTurn(ts, 'JPN') as unknown as FakeElement).textContent;
    expect(digest).toContain('down 0.05 from −0.32');
    const foot = (splitTable(ts) as unknown as FakeElement).querySelector('tfoot')!.querySelectorAll('td').map((x) => x.textContent);
    expect(foot).toEqual(['−0.37', '−0.05']);
  });
});

describe("the score table's two supply objectives", () => {
  // a reviewer's student read "supply independence +2.95" beside a magnet supply at 77% as a contradiction
  it('are told apart under the table where both are weighed, in the same caption as the rounding note', () => {
    const table = splitTable(score(-0.064, -0.0007)) as unknown as FakeElement;
    expect(table.querySelectorAll('[data-testid="two-supplies"]').map((x) => x.textContent)).toEqual(['Magnet supply is how much of your need you get; supply independence is how safe the sources are (how few and how risky your suppliers are): buying less from China can raise one while the other falls.']);
    expect(table.querySelectorAll('caption')).toHaveLength(1);
    expect(note(table)).toHaveLength(1);
    // a country that does not weigh supply independence (its briefing's weights) is not told of it
    const noIndependence = { ...score(-0.06, 0), weighted: OBJECTIVES.filter((k) => k !== 'independence') } as TurnScore;
    expect((splitTable(noIndependence) as unknown as FakeElement).querySelectorAll('[data-testid="two-supplies"]')).toEqual([]);
  });
});

// After the first turn the digest said the score was "the average of that gap over the first turn": one turn's gap is
// the score, said so; from the second turn on, the average over the turns so far.
describe("the digest's note on how the score is made", () => {
  it('says the gap is the score after one turn, its average after more', () => {
    const hint = (turn: number) => (scoreThisTurn({ ...score(-0.064, 0), turn }, 'CHN') as unknown as FakeElement).textContent;
    expect(hint(1)).toContain('after one turn that gap is your score; later, the score is its average over the turns played');
    expect(hint(1)).not.toContain('first turn');
    expect(hint(3)).toContain('your score is the average of that gap over the 3 turns so far');
  });
});

// A new player read "What moved it: security −0.35" under a change of −0.36: six objectives of about −0.002 each were
// left out of the sentence. Together they show, so the sentence names them as one part; apart and small, it does not.
describe('"What moved it" and the parts too small to name', () => {
  const movers = (ts: TurnScore) => (scoreThisTurn(ts, 'JPN') as unknown as FakeElement).querySelector('[data-testid="score-movers"]')!.textContent;
  it('names the small parts together where their sum shows', () => {
    expect(movers(score(-0.35, -0.002))).toBe('What moved it: security −0.35, the 6 others together −0.01.');
  });
  it('says nothing more where they sum to under half a cent', () => {
    expect(movers(score(-0.35, -0.0005))).toBe('What moved it: security −0.35.');
  });
});
