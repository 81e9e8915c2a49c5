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
