// The end screen's score by objective in Japanese takes Japanese punctuation (Malaysia's Japanese game read
// "目標別のスコア (マレーシア): GDP −0.63, 供給の自立 +0.34, ...").
import { afterAll, describe, expect, it } from 'vitest';
import { scoreSplitText } from '../src/ui/end.ts';
import { setLang } from '../src/ui/i18n.ts';

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
