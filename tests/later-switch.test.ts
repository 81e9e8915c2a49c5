// A switch to Japanese and the page's first ask for the strings shown once a turn is played (src/ui/i18n.ts
// laterReady(): the game screen asks 1.5 s after its map is up, End turn asks again) at the wrong moment: setLang
// looked whether the page had asked right after the first Japanese chunk loaded, then waited for the news readers
// (ja-lines) before it switched. Asked in between, laterReady() loaded the English later strings and the switch did not
// load the Japanese ones: the Japanese page showed "Your moves" and had no endText until the next ask.
import { describe, expect, it, vi } from 'vitest';

/** the news readers' chunk waits for `open` (a slow network); `asked` once the page has asked for it */
const lines = vi.hoisted(() => {
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  return { asked: false, gate, open: () => open() };
});
vi.mock('../src/ui/ja-lines.ts', async (actual) => {
  lines.asked = true;
  await lines.gate;
  return await actual();
});

const { catalogue, lang, laterReady, setLang, t } = await import('../src/ui/i18n.ts');

describe('a switch to Japanese while the page first asks for its later strings', () => {
  it('switches with the Japanese later strings loaded', async () => {
    const switching = setLang('ja');
    await vi.waitFor(() => expect(lines.asked).toBe(true)); // the first Japanese chunk is in; the news readers are coming
    await laterReady(); // the page asks (still in English)
    expect(t('digest.yourMoves')).toBe('Your moves');
    lines.open();
    await switching;
    expect(lang()).toBe('ja');
    expect(t('digest.yourMoves')).toBe('あなたの手');
    expect(catalogue().endText?.strategies.title).toBe('戦略の中でのあなたの道筋');
    // and the page's next ask resolves at once, in Japanese
    await laterReady();
    expect(t('digest.yourMoves')).toBe('あなたの手');
    await setLang('en');
  });
});
