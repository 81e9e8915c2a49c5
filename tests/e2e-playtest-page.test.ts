// Defects of the player's page found in play-tests, checked in Chromium at the sizes players use (1280x800, 1024x768):
// the Tariffs tab's fields gave no sign they are percentages; in the Controls tab China's "22 t sent" and "6,511 t sent"
// (neighbouring cells) nearly touched; the map's label stayed English after a switch to Japanese; the new-game
// confirmation and the texts-failed dialog let Tab go on to the page behind them.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, overflowing, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';
const SIZES = [
  [1280, 800],
  [1024, 768],
] as const;

/** A game of `country` on its map, after one turn. */
async function played(page: Page, country?: string): Promise<void> {
  await page.getByTestId('new-game').waitFor();
  if (country) await page.getByTestId(`country-${country}`).click();
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.getByTestId('digest-close').click();
}

/** Tab pressed `n` times: whether focus stayed inside `testid` each time. */
async function tabStaysIn(page: Page, testid: string, n = 6, shift = false): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    out.push(await page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testid));
  }
  return out;
}

describe.runIf(run)("the player's page after play-tests", () => {
  const pages = usePages(240_000);

  it('Tariffs: every field shows a % after it, on its line, and nothing overflows', async () => {
    for (const [w, hh] of SIZES) {
      const { page, errors } = await pages.open(w, hh);
      try {
        await played(page);
        await page.getByTestId('tab-tariffs').click();
        const cells = await page.locator('[data-testid^="policy-tariff-"]').evaluateAll((els) =>
          els.map((e) => {
            const next = e.nextElementSibling as HTMLElement | null;
            const a = e.getBoundingClientRect();
            const b = next?.getBoundingClientRect();
            return { pct: next?.textContent ?? '', sameLine: !!b && Math.abs(b.top + b.height / 2 - (a.top + a.height / 2)) < a.height / 2 && b.left >= a.right - 1 };
          }),
        );
        expect(cells.length).toBe(25);
        for (const c of cells) expect(c, `${w}`).toEqual({ pct: '%', sameLine: true });
        expect(await overflowing(page), `${w}`).toEqual([]);
        // the table fits its panel: no scrolling sideways
        const fit = await page.locator('table.grid').first().evaluate((t) => t.getBoundingClientRect().right <= t.closest('.panel')!.getBoundingClientRect().right + 1);
        expect(fit, `${w}`).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  }, 240_000);

  it("Controls: China's tonnes sent in neighbouring cells have room between them (they nearly touched)", async () => {
    for (const [w, hh] of SIZES) {
      const { page, errors } = await pages.open(w, hh);
      try {
        await played(page, 'CHN');
        await page.getByTestId('tab-controls').click();
        // the gap, in px, between the end of one cell's "… t sent" and the start of the next one's, each row's least
        const gaps = await page.locator('table.controls tbody tr').evaluateAll((rows) =>
          rows
            .map((r) => {
              const boxes = Array.from(r.querySelectorAll('.sent')).map((s) => {
                const range = document.createRange();
                range.selectNodeContents(s);
                const rects = Array.from(range.getClientRects());
                return { left: Math.min(...rects.map((x) => x.left)), right: Math.max(...rects.map((x) => x.right)) };
              });
              let least = Infinity;
              for (let i = 1; i < boxes.length; i++) least = Math.min(least, boxes[i]!.left - boxes[i - 1]!.right);
              return least;
            })
            .filter((g) => Number.isFinite(g)),
        );
        expect(gaps.length).toBeGreaterThan(0);
        expect(Math.min(...gaps), `${w}: ${gaps.map((g) => g.toFixed(1)).join(' ')}`).toBeGreaterThanOrEqual(10);
        expect(await page.getByTestId('sent-ROW-magnet').textContent()).toMatch(/\d,\d{3}/);
        expect(await overflowing(page), `${w}`).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  }, 240_000);

  it("the map's label is in Japanese once the page is switched to Japanese", async () => {
    const { page, errors } = await pages.open(1280, 800);
    try {
      await played(page);
      expect(await page.getByTestId('map').getAttribute('aria-label')).toBe('map of the Indo-Pacific: trade flows this quarter');
      await page.getByTestId('lang').selectOption('ja');
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ja');
      await page.getByTestId('map-canvas').waitFor();
      const label = (await page.getByTestId('map').getAttribute('aria-label')) ?? '';
      expect(label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(label).not.toMatch(/Indo-Pacific/);
      expect(await page.getByTestId('map-canvas').getAttribute('aria-label')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // and back
      await page.getByTestId('lang').selectOption('en');
      await expect.poll(() => page.getByTestId('map').getAttribute('aria-label')).toBe('map of the Indo-Pacific: trade flows this quarter');
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('the new-game confirmation keeps Tab on its buttons; Escape cancels it', async () => {
    const { page, errors } = await pages.open(1280, 800);
    try {
      await played(page);
      await page.getByTestId('new-game-btn').click();
      await page.getByTestId('confirm-new').waitFor();
      expect(await tabStaysIn(page, 'confirm-new')).toEqual([true, true, true, true, true, true]);
      expect(await tabStaysIn(page, 'confirm-new', 4, true)).toEqual([true, true, true, true]);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('confirm-new').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it("the texts-failed dialog (Japanese did not load) keeps Tab on its buttons; Escape closes it", async () => {
    const { page, errors } = await pages.open(1280, 800);
    try {
      await played(page);
      // the Japanese catalogue's chunk is gone (a redeploy): the switch fails and the dialog says so
      await page.context().route(/\/assets\/ja-first-[\w-]+\.js$/, (r) => r.fulfill({ status: 404, body: 'Not found' }));
      await page.getByTestId('lang').selectOption('ja');
      await page.getByTestId('texts-failed').waitFor({ timeout: 30_000 });
      expect(await tabStaysIn(page, 'texts-failed')).toEqual([true, true, true, true, true, true]);
      expect(await tabStaysIn(page, 'texts-failed', 4, true)).toEqual([true, true, true, true]);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('texts-failed').count()).toBe(0);
      expect(errors.filter((e) => !/Failed to (load|fetch)|404|dynamically imported module/i.test(e))).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
