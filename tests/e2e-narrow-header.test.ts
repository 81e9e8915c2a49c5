// In Chromium: on a narrow screen (a phone, a split window) the game's header keeps every button and the language
// menu inside the window and inside the header, wrapping onto a second row. It used to stay one row with its overflow
// hidden, so at 420 px Save was cut to "Sav" and Load, New game, Glossary, Help and the language menu could not be
// reached at all (a new player's review found it; the overflow check does not see boxes a parent hides).
import { describe, expect, it } from 'vitest';
import { haveChromium, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)("the game's header on a narrow screen", () => {
  const pages = usePages(180_000);

  it('keeps every button and the language menu whole and on screen, from 420 px to 1280 px wide, and the order tables within a phone', async () => {
    const { page, errors } = await pages.open(420, 800);
    await page.getByTestId('turns').fill('3');
    await page.getByTestId('start-game').click();
    await page.getByTestId('end-turn').waitFor({ timeout: 60_000 });
    for (const [w, hh] of [[420, 800], [640, 800], [899, 700], [1024, 700], [1280, 800]] as const) {
      await page.setViewportSize({ width: w, height: hh });
      const seen = await page.evaluate(() => {
        const header = document.querySelector('header.top')!.getBoundingClientRect();
        const controls = [...document.querySelectorAll<HTMLElement>('header.top button, header.top select')];
        const cut = controls
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width === 0 || r.left < -0.5 || r.right > Math.min(innerWidth, header.right) + 0.5 || r.bottom > header.bottom + 0.5 || r.top < header.top - 0.5;
          })
          .map((e) => (e.textContent ?? '').trim() || e.tagName);
        return { n: controls.length, cut };
      });
      expect(seen.n, `${w} px`).toBeGreaterThanOrEqual(8); // Undo, Fork, Save, Load, New game, Glossary, Help, the language
      expect(seen.cut, `${w} px`).toEqual([]);
    }
    // a phone's width (a classroom's students bring them): the Tariffs and Controls tables fit the panel (the Tariffs
    // table ran to 437 px at 390, its "other goods" column cut off, on the game and a class's page alike)
    // in English, then in Japanese (whose headings keep their words whole: style.css, dom.ts jaBreaks)
    for (const lang of ['en', 'ja'] as const) {
      if (lang === 'ja') {
        await page.getByTestId('lang').selectOption('ja');
        await page.getByTestId('tab-tariffs').getByText('関税').waitFor();
      }
      for (const w of [390, 360]) {
        await page.setViewportSize({ width: w, height: 844 });
        for (const tab of ['tariffs', 'controls']) {
          await page.getByTestId(`tab-${tab}`).click();
          const right = await page.locator('#tab-panel table').first().evaluate((t) => t.getBoundingClientRect().right);
          expect(right, `${lang} ${tab} at ${w} px`).toBeLessThanOrEqual(w);
        }
      }
    }
    // the game under the header still fills the rest of the window: End turn on screen at the narrowest
    await page.setViewportSize({ width: 420, height: 800 });
    const end = (await page.getByTestId('end-turn').boundingBox())!;
    expect(end.y + end.height).toBeLessThanOrEqual(800);
    expect(errors).toEqual([]);
  }, 180_000);
});
