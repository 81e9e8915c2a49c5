// The end screen's score by objective in Japanese takes Japanese punctuation (Malaysia's Japanese game read
// "目標別のスコア (マレーシア): GDP −0.63, 供給の自立 +0.34, ...").
import { afterAll, describe, expect, it } from 'vitest';
import { scoreSplitText, verdictKey } from '../src/ui/end.ts';
import { laterReady, setLang, t } from '../src/ui/i18n.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)
describe('the end screen’s score by objective', () => {
  afterAll(() => setLang('en'));
  it('reads as English in English and with （）：、。 in Japanese', async () => {
    const by = { gdp: -0.63, supplySecurity: 0.34, environment: 0.07 } as Parameters<typeof scoreSplitText>[0];
    expect(scoreSplitText(by, 'MYS')).toMatch(/^Your score by objective \(Malaysia\): GDP −0\.63, .+ \+0\.34, .+ \+0\.07\.$/);
    await setLang('ja');
    const ja = scoreSplitText(by, 'MYS');
    expect(ja).toMatch(/^目標別のスコア（マレーシア）：GDP −0\.63、.+ \+0\.34、.+ \+0\.07。$/);
    expect(ja).not.toMatch(/[(),:]/);
  });
});

// The verdict under the final score: -0.29 after 8 turns read "About as good as doing nothing" (the band was 0.5
// either way); now only a score that reads ±0.0x is "about the same".
describe('the end screen’s verdict', () => {
  it('says about the same only within 0.1, a little better or worse to 0.5', () => {
    expect([-0.8, -0.5, -0.29, -0.1, -0.09, 0, 0.09, 0.1, 0.29, 0.5, 0.8].map(verdictKey)).toEqual(['worse', 'worse', 'slightlyWorse', 'slightlyWorse', 'same', 'same', 'same', 'slightlyBeat', 'slightlyBeat', 'beat', 'beat']);
    expect(t('endText.slightlyWorse')).toBe('A little worse than doing nothing.');
    expect(t('endText.slightlyBeatClass')).toBe('Your country ended a little better off than in the status-quo world.');
  });
});

