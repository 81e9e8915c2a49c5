// What End turn does when something it waits for fails. The strings a page shows once a turn is played load after the
// map in chunks of their own (src/ui/i18n.ts laterReady()); when the server is redeployed during a long class, their
// hashed chunk 404s. The digest then showed its keys ("digest.yourMoves"), and with the notes on overridden orders
// (then a chunk of their own too) End turn stayed "Resolving…" for good while the game had moved on. Now the page
// says the texts did not load, in its language, with a Reload button that comes back to the game (its autosave); and
// a turn the engine fails on gives the button back with the error, instead of leaving it busy.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { haveChromium, usePages, gameInContext } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';
/** the chunks the page loads once its map is up for what a played turn shows (overrides-: before the notes were part
 * of the digest's code) */
const LATER_CHUNKS = /\/assets\/(en-later|ja-later|overrides)-[\w-]+\.js$/;
/** a catalogue key on screen in place of its text */
const KEY = /\b(digest|price|cause|notes|endText)\.[a-z]/;

describe.runIf(run)('End turn when what it waits for fails', () => {
  const pages = usePages(180_000);

  async function toTheMap(lang: 'en' | 'ja', init?: string): Promise<{ ctx: BrowserContext; page: Page; errors: string[]; blocked: string[] }> {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    if (lang === 'ja') await ctx.addInitScript(() => localStorage.setItem('rare-earth-gambit:lang', 'ja'));
    if (init) await ctx.addInitScript(init);
    const blocked: string[] = [];
    // the server was redeployed: the page's later chunks are gone
    await ctx.route(LATER_CHUNKS, (r) => {
      blocked.push(new URL(r.request().url()).pathname);
      return r.fulfill({ status: 404, body: 'Not found' });
    });
    const { page, errors } = await gameInContext(ctx, pages.url);
    return { ctx, page, errors, blocked };
  }

  it('says the texts did not load, with a Reload button, not keys or a busy button; the reload comes back to the turn played', async () => {
    const { ctx, page, errors, blocked } = await toTheMap('en');
    try {
      await page.getByTestId('end-turn').click();
      const failed = page.getByTestId('texts-failed');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain('Could not load the game’s texts; reload the page.');
      expect(blocked.length).toBeGreaterThan(1); // tried again before it gave up
      expect(await page.getByTestId('digest').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toMatch(KEY);
      // the button is back (the turn was played: the header says the next one)
      await expect.poll(() => page.getByTestId('end-turn').innerText()).toBe('End turn');
      expect(await page.getByTestId('end-turn').isEnabled()).toBe(true);
      expect(await page.getByTestId('turn-label').innerText()).toMatch(/^Turn 2 of 3 · \d{4}Q[1-4]$/);
      // the chunks are back (the page will load the new build's): Reload, and the game's autosave has the turn
      await ctx.unroute(LATER_CHUNKS);
      await page.getByTestId('texts-reload').click();
      await page.getByTestId('resume').click();
      await page.getByTestId('map').locator('canvas').waitFor();
      expect(await page.getByTestId('turn-label').innerText()).toMatch(/^Turn 2 of 3 · \d{4}Q[1-4]$/);
      await page.getByTestId('end-turn').click();
      const text = (await page.getByTestId('digest').evaluate((e) => e.textContent)) ?? '';
      // the later strings are in: the ledgers' heading, which every digest has (Japan's own moves may be none this
      // turn: its deep-sea programme's step is listed apart, as its projects' own steps)
      expect(text).toContain('Why each of your indicators moved (Japan)');
      expect(text).not.toMatch(KEY);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('says so in Japanese on a Japanese page', async () => {
    const { ctx, page, errors } = await toTheMap('ja');
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      await page.getByTestId('end-turn').click();
      const failed = page.getByTestId('texts-failed');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain('ゲームの文章を読み込めませんでした。ページを再読み込みしてください。');
      expect(await page.getByTestId('texts-reload').innerText()).toBe('再読み込み');
      expect(await page.locator('body').innerText()).not.toMatch(KEY);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('can be closed, with Escape too: the game plays on; a resumed game it cannot draw goes back to the start screen', async () => {
    const { ctx, page, errors } = await toTheMap('en');
    try {
      await page.getByTestId('end-turn').click();
      const failed = page.getByTestId('texts-failed');
      await failed.waitFor({ timeout: 30_000 });
      // Escape closes it; the turn was played and the next one can be
      await page.keyboard.press('Escape');
      expect(await failed.count()).toBe(0);
      expect(await page.getByTestId('turn-label').innerText()).toMatch(/^Turn 2 of 3 · \d{4}Q[1-4]$/);
      await page.getByTestId('end-turn').click();
      await failed.waitFor({ timeout: 30_000 }); // (still no texts: said again, not a digest of keys)
      expect(await page.getByTestId('texts-close').innerText()).toBe('Close');
      await page.getByTestId('texts-close').click();
      expect(await page.getByTestId('turn-label').innerText()).toMatch(/^Turn 3 of 3 · \d{4}Q[1-4]$/);
      // a game with turns played is not drawn without its texts: Resume says so, and Close goes back to the start
      await page.getByTestId('new-game-btn').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('resume').click();
      await failed.waitFor({ timeout: 30_000 });
      await page.getByTestId('texts-close').click();
      await page.getByTestId('start-game').waitFor();
      expect(await page.locator('body').innerText()).not.toMatch(KEY);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 180_000);

  it('gives the button back, with the error, when the engine fails on the turn', async () => {
    // the worker answers End turn with an error (the engine threw on it)
    const { ctx, page } = await toTheMap('en', `
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (msg, ...rest) {
        if (msg && msg.method === 'submit') return void setTimeout(() => this.onmessage({ data: { id: msg.id, ok: false, error: 'the engine stopped' } }), 50);
        return post.call(this, msg, ...rest);
      };
    `);
    try {
      await ctx.unroute(LATER_CHUNKS);
      await page.getByTestId('end-turn').click();
      await expect.poll(() => page.getByTestId('end-turn').innerText(), { timeout: 30_000 }).toBe('End turn');
      expect(await page.getByTestId('issues').innerText()).toContain('The turn did not go through: the engine stopped');
      expect(await page.getByTestId('turn-label').innerText()).toMatch(/^Turn 1 of 3 · \d{4}Q[1-4]$/);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
