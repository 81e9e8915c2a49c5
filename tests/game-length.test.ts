// The start page said "This game: 4 quarters (1 years)": the length now takes the plural its numbers take.
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeDom } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { gameLength } = await import('../src/ui/start.ts');

afterEach(async () => setLang('en'));

describe("the start page's game length", () => {
  it('in English: one quarter, one year, a year and a half, ten years', async () => {
    await setLang('en');
    expect(gameLength(4)).toBe('This game: 4 quarters (1 year), from 2025Q4.');
    expect(gameLength(1)).toBe('This game: 1 quarter (0.3 years), from 2025Q4.');
    expect(gameLength(6)).toBe('This game: 6 quarters (1.5 years), from 2025Q4.');
    expect(gameLength(40)).toBe('This game: 40 quarters (10 years), from 2025Q4.');
  });

  it('in Japanese, which has no plural', async () => {
    await setLang('ja');
    expect(gameLength(4)).toBe('このゲーム：4 四半期（1 年）、2025Q4 から。');
    expect(gameLength(6)).toBe('このゲーム：6 四半期（1.5 年）、2025Q4 から。');
  });
});

// A new player's 10-turn game: every plant "is not finished before the game ends", and the end screen's "investments
// ±0.00"; the briefing's length said nothing of it, and said "0 quarters (0 years)" or "500 quarters (125 years)" as they
// were typed (only Start said the range)
describe("the briefing's length line as the turns are typed", () => {
  it('says the range outside it, and that no project is finished in a game shorter than the quickest build', async () => {
    const { lengthText } = await import('../src/ui/start.ts');
    const { content } = await import('./helpers.ts');
    const { quickestBuild } = await import('../engine/lite.ts');
    const quickest = quickestBuild(Object.values(content.projects.types))!;
    // the main scenario's quickest build, as the start screen and the class form work it out: a stockpile lot (bought
    // at once) left out
    expect(quickest).toBe(Math.min(...Object.values(content.projects.types).map((p) => p.leadQuarters).filter((q) => q > 0)));
    expect(quickestBuild([{ leadQuarters: 0 }, { leadQuarters: 6 }, { leadQuarters: 3 }])).toBe(3);
    expect(quickestBuild([{ leadQuarters: 0 }])).toBeNull();
    await setLang('en');
    expect(lengthText(0, 40, quickest)).toBe('The game needs from 1 to 40 turns.');
    expect(lengthText(500, 40, quickest)).toBe('The game needs from 1 to 40 turns.');
    expect(lengthText(NaN, 40, quickest)).toBe('The game needs from 1 to 40 turns.');
    expect(lengthText(quickest, 40, quickest)).toBe(`${gameLength(quickest)} No project started in a game this short is finished before it ends (the quickest takes ${quickest} quarters to build, from the quarter after it is ordered): investment pays only in a longer game.`);
    expect(lengthText(quickest + 1, 40, quickest)).toBe(gameLength(quickest + 1)); // ordered in turn 1, built in time
    expect(lengthText(2, 40, null)).toBe(gameLength(2));
    await setLang('ja');
    expect(lengthText(quickest, 40, quickest)).toContain('投資が実を結ぶのはもっと長いゲームです');
  });
});
