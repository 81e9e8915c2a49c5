// End-to-end: the browser game in Debian's Chromium. Start, set policies, end turns, digest, undo, fork, save, load, finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { readFileSync } from 'node:fs';
import { canvasColours, haveChromium, launch, openPage, overflowing, startServer } from './e2e/harness.ts';

const run = haveChromium() || process.env.CI === 'true';

describe.runIf(run)('the browser game', () => {
  let server: ViteDevServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ server, url } = await startServer());
    browser = await launch();
    ({ page, errors } = await openPage(browser, url));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const label = () => page.getByTestId('turn-label').textContent();

  it('starts a game for the chosen country and shows the map', async () => {
    await page.getByTestId('new-game').waitFor();
    await page.getByTestId('country-USA').click();
    await page.getByTestId('briefing').getByText('Briefing: United States').waitFor();
    await page.getByTestId('turns').fill('4');
    await page.getByTestId('seed').fill('3');
    await page.getByTestId('start-game').click();
    await page.getByTestId('turn-label').waitFor();
    expect(await label()).toContain('Turn 1 of 4');
    expect(await canvasColours(page.getByTestId('map'))).toBeGreaterThan(20);
  }, 120_000);

  it('sets policies, ends the turn and shows the digest with why ledgers', async () => {
    await page.getByTestId('tab-tariffs').click();
    await page.getByTestId('policy-tariff-CHN-other').fill('30');
    await page.getByTestId('policy-tariff-CHN-other').dispatchEvent('change');
    await page.getByTestId('tab-defense').click();
    await page.getByTestId('policy-defense').fill('3.55');
    await page.getByTestId('policy-defense').dispatchEvent('change');
    await page.getByTestId('end-turn').click();
    const digest = page.getByTestId('digest');
    await digest.waitFor();
    expect(await digest.textContent()).toContain('Why your indicators moved');
    expect(await digest.getByTestId('ledger-gdp').locator('li').count()).toBeGreaterThan(0);
    await page.getByTestId('digest-close').click();
    expect(await label()).toContain('Turn 2 of 4');
    await page.getByTestId('tab-indicators').click();
    await page.getByTestId('why-gdp').click();
    await page.getByTestId('indicator-gdp').getByTestId('ledger-gdp').waitFor();
    await page.getByTestId('tab-tariffs').click();
    expect(await page.getByTestId('policy-tariff-CHN-other').inputValue()).toBe('30');
    // the map's figures are reachable without a pointer
    await page.getByTestId('map-inspect').selectOption('country|JPN');
    expect(await page.locator('.map-info').textContent()).toMatch(/Japan|JPN/);
  }, 120_000);

  it('undoes a turn and forks a timeline', async () => {
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="turn-label"]')?.textContent?.includes('Turn 1 of 4'));
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').click();
    await page.getByTestId('fork').click();
    await page.getByTestId('compare').waitFor();
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').click();
    expect(await label()).toContain('Turn 3 of 4');
  }, 120_000);

  it('saves to a file and loads it back; a malformed file is refused and the game kept', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    expect(JSON.parse(text).format).toBe('rare-earth-gambit-save');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('load').click();
    await (await chooser).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "nope"}') });
    await page.getByTestId('toast-error').waitFor();
    expect(await label()).toContain('Turn 3 of 4');
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByTestId('load').click();
    await (await chooser2).setFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    // the 'Saved.' toast may still be up: wait for the one that says the game loaded
    await page.getByTestId('toast-info').filter({ hasText: 'Loaded' }).waitFor();
    expect(await label()).toContain('Turn 3 of 4');
  }, 120_000);

  it('plays to the end and shows the final score', async () => {
    // two turns are left (turn 3 and turn 4 of 4)
    for (const n of [4, 5]) {
      await page.getByTestId('end-turn').click();
      await page.getByTestId('digest-close').click();
      if (n === 4) expect(await label()).toContain('Turn 4 of 4');
    }
    await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('final-score').textContent()).toMatch(/USA: [+-]\d+\.\d\d points/);
    await page.getByTestId('decisions').waitFor();
    // the replay shows a turn's map beside its digest
    await page.getByTestId('replay-turn').fill('2');
    await page.getByTestId('replay-show').click();
    expect(await canvasColours(page.getByTestId('replay-map'))).toBeGreaterThan(20);
  }, 120_000);

  it('logged no console errors and nothing overflows at 1280x720 and 1920x1080', async () => {
    expect(errors).toEqual([]);
    for (const [w, hgt] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      const { page: p, errors: e2 } = await openPage(browser, url, w, hgt);
      await p.getByTestId('start-game').click();
      await p.getByTestId('turn-label').waitFor();
      await p.getByTestId('map').locator('canvas').waitFor();
      expect(await overflowing(p), `${w}x${hgt}`).toEqual([]);
      expect(e2).toEqual([]);
      await p.close();
    }
  }, 120_000);
});
