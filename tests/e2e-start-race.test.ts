// A play-tester switched the start screen to 日本語 and clicked Start at once: when the Japanese chunks arrived, the
// start screen was drawn again, over the game (its language listener took the game's empty root, while the game
// waited for the engine, for its own). Once Start or Load is clicked the start screen is never drawn again. The
// Japanese chunks are held back here until the page has sent the engine the call named (start, projectTypes: the game
// screen's first call, load: Resume), and that call is held back until the switch has completed: it completes while
// the game is on its way.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveChromium, usePages } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';
const JA_CHUNKS = /\/assets\/(ja-first|ja-lines|ja-later)-[\w-]+\.js$/;

/** Counts the start screens drawn (window.__starts), and once window.__arm is set holds back the first call `method`
 * to the engine, logging "held" when the page sends it, until the page has switched to Japanese and 300 ms more (at
 * most 30 s; window.__switchedWhileHeld says the switch came while it was held). A fixed hold of 1.5 s let the switch,
 * three chunks one after another, come after the game on a loaded machine: the test then passed without the race. */
const INIT = (method: string) => `
  window.__starts = 0;
  new MutationObserver((ms) => {
    for (const m of ms) for (const n of m.addedNodes) if (n instanceof Element && n.matches('main.start')) window.__starts++;
  }).observe(document, { childList: true, subtree: true });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (window.__arm && msg && msg.method === ${JSON.stringify(method)}) {
      window.__arm = false;
      console.log('held');
      const since = Date.now();
      const wait = () => {
        if (document.documentElement.lang === 'ja') {
          window.__switchedWhileHeld = true;
          return void setTimeout(() => post.call(this, msg, ...rest), 300);
        }
        if (Date.now() - since > 30000) return void post.call(this, msg, ...rest);
        setTimeout(wait, 20);
      };
      return void setTimeout(wait, 20);
    }
    return post.call(this, msg, ...rest);
  };
`;

describe.runIf(run)('the start screen when the language switches as the game starts', () => {
  const pages = usePages(120_000);

  async function race(method: 'start' | 'projectTypes' | 'load', click: (page: Page) => Promise<void>, before?: (page: Page) => Promise<void>): Promise<void> {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    try {
      await ctx.addInitScript(INIT(method));
      let release = () => {};
      const released = new Promise<void>((r) => (release = r));
      await ctx.route(JA_CHUNKS, async (r) => {
        await released;
        return r.continue();
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.text() === 'held') release();
      });
      await page.goto(pages.url);
      await page.getByTestId('start-game').waitFor();
      await before?.(page);
      await page.evaluate(() => ((window as unknown as { __arm: boolean }).__arm = true));
      const drawn = await page.evaluate(() => (window as unknown as { __starts: number }).__starts);
      await page.getByTestId('lang').selectOption('ja');
      await click(page);
      await page.getByTestId('map').locator('canvas').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 30_000 });
      // the game, in Japanese, alone: no start screen drawn since the click, none on the page a second later
      await expect.poll(() => page.getByTestId('end-turn').innerText(), { timeout: 10_000 }).toBe('ターン終了');
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { __switchedWhileHeld?: boolean }).__switchedWhileHeld), 'the switch came while the engine call was held').toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __starts: number }).__starts)).toBe(drawn);
      expect(await page.locator('main.start').count()).toBe(0);
      expect(await page.getByTestId('start-game').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  }

  const start = (page: Page) => page.getByTestId('start-game').click();

  it('is not drawn again over the game when the Japanese chunks come while the game starts', () => race('start', start), 120_000);

  it('is not drawn again when they come while the game screen waits for its first answer', () => race('projectTypes', start), 120_000);

  it('is not drawn again when they come while a saved game loads (Resume)', () =>
    race('load', (page) => page.getByTestId('resume').click(), async (page) => {
      // a game played a turn, then New game: the start screen offers it back
      await page.getByTestId('turns').fill('3');
      await start(page);
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest-close').click();
      await page.getByTestId('new-game-btn').click();
      await page.getByTestId('confirm-yes').click();
      await page.getByTestId('resume').waitFor();
    }), 120_000);
});
