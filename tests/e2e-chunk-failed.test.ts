// Code a page loads when it is first needed, when its chunk does not load (the server was redeployed during a long
// class: the hashed chunk 404s). The end screen's code (src/ui/end.ts) loads when the game ends: its failure was an
// uncaught error and a page that said nothing. The Japanese catalogue (ja-first) loads on the first switch to 日本語:
// its failure left the selector on 日本語 over an English page, and said nothing. Now each says so in a dialog the
// player can close (src/ui/texts-failed.ts); the selector goes back to the page's language; and asked again once the
// chunk is back, each loads.
import { describe, expect, it } from 'vitest';
import { haveChromium, usePages, gameInContext } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('a chunk that does not load', () => {
  const pages = usePages(180_000);

  it('the end screen: says so, gives See the results back, and shows the results once the chunk is back', async () => {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const END = /\/assets\/end-[\w-]+\.js$/;
    const blocked: string[] = [];
    await ctx.route(END, (r) => {
      blocked.push(r.request().url());
      return r.fulfill({ status: 404, body: 'Not found' });
    });
    try {
      const { page, errors } = await gameInContext(ctx, pages.url, 1);
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest-close').click(); // the game is over: closing its last digest goes to the results
      const failed = page.getByTestId('texts-failed');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain('Could not load the results screen');
      expect(blocked.length).toBeGreaterThan(1); // tried again before it gave up
      await expect.poll(() => page.getByTestId('end-turn').innerText()).toBe('See the results');
      expect(await page.getByTestId('end-turn').isEnabled()).toBe(true);
      expect(errors).toEqual([]);
      // the chunk is back: close the dialog and ask again
      await ctx.unroute(END);
      await page.getByTestId('texts-close').click();
      expect(await failed.count()).toBe(0);
      await page.getByTestId('end-turn').click();
      await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('a switch to Japanese: says so in English, puts the selector back on English, and switches once the chunk is back', async () => {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const JA = /\/assets\/ja-first-[\w-]+\.js$/;
    await ctx.route(JA, (r) => r.fulfill({ status: 404, body: 'Not found' }));
    try {
      const { page, errors } = await gameInContext(ctx, pages.url);
      await page.getByTestId('lang').selectOption('ja');
      const failed = page.getByTestId('texts-failed');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain('Could not load 日本語; the page stays in English.');
      expect(await page.getByTestId('lang').inputValue()).toBe('en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByTestId('end-turn').innerText()).toBe('End turn');
      expect(errors).toEqual([]);
      // Escape closes it; the game plays on in English
      await page.keyboard.press('Escape');
      expect(await failed.count()).toBe(0);
      await ctx.unroute(JA);
      await page.getByTestId('lang').selectOption('ja');
      await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 30_000 });
      await expect.poll(() => page.getByTestId('end-turn').innerText()).toBe('ターン終了');
      expect(await page.getByTestId('lang').inputValue()).toBe('ja');
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
