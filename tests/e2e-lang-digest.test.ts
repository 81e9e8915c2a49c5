// A play-tester switched an English game to 日本語 and clicked End turn within 300 ms: the header and tabs turned
// Japanese, but the turn's digest, drawn before the switch had loaded its Japanese chunks, stayed English. The open
// digest is now drawn again when the language changes. The Japanese chunks are held back here until the English
// digest is on screen, so it is always drawn before the switch completes (a fixed hold of 1.5 s each could end before
// End turn's digest on a loaded machine, and the test then passed without the redraw).
import { describe, expect, it } from 'vitest';
import { haveChromium, usePages, gameInContext } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';
const JA_CHUNKS = /\/assets\/(ja-first|ja-lines|ja-later)-[\w-]+\.js$/;

describe.runIf(run)('a digest open while the language switches', () => {
  const pages = usePages(120_000);

  it('is drawn again in the new language', async () => {
    const ctx = await pages.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    let held = 0;
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    await ctx.route(JA_CHUNKS, async (r) => {
      held++;
      await released;
      return r.continue();
    });
    const { page, errors } = await gameInContext(ctx, pages.url);
    await page.getByTestId('lang').selectOption('ja');
    await page.getByTestId('end-turn').click();
    const dlg = page.getByTestId('digest');
    await dlg.waitFor();
    // drawn in English, the switch still waiting for its chunks
    expect((await dlg.textContent()) ?? '').toContain('What happened to you');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 30_000 });
    // the digest on screen is the Japanese one ("What happened to you, and why" was still there)
    await expect.poll(async () => (await dlg.textContent()) ?? '', { timeout: 10_000 }).toContain('あなたに起きたこととその理由');
    expect((await dlg.textContent()) ?? '').not.toMatch(/What happened to you|Why each of your indicators moved/);
    expect(held).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

// a new player's review: ?lang=ja in the game page's address did nothing (only the class pages read it)
describe.runIf(run)("the game page's ?lang=", () => {
  const pages = usePages(120_000);

  it('opens the page in that language, without changing the saved choice; a switch then names the new one', async () => {
    const { page, errors } = await pages.open(1280, 720, '?lang=ja');
    await page.getByTestId('start-game').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'ja', undefined, { timeout: 30_000 });
    expect(await page.getByTestId('start-game').textContent()).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(await page.evaluate(() => localStorage.getItem('rare-earth-gambit:lang'))).toBeNull();
    await page.getByTestId('lang').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.reload();
    await page.getByTestId('start-game').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('start-game').textContent()).toMatch(/Start/);
    expect(errors).toEqual([]);
  });
});
