// The end screen's table of every country's points was headed "each country's points against the same game had it
// done nothing", but the session scores every country against one yardstick, the game with the player's seat doing
// nothing (src/session/core.ts, runningScores against the baseline): a player who changed nothing saw every country
// at ±0.00, though the other countries had acted all game. The heading now says whose inaction the yardstick is.
import { describe, expect, it } from 'vitest';
import { laterReady, setLang, t } from '../src/ui/i18n.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('the end screen\'s table of every country\'s points', () => {
  it('names the player\'s inaction as the yardstick', async () => {
    await setLang('en');
    expect(t('endText.points')).toBe('each country’s points against the same game had you done nothing');
  });
});
