// `npm run screenshots`: re-takes the README's screenshots (start screen, a turn with flows, the digest, the end screen)
// in headless Chromium at 1280x720, into docs/screenshots/.
// `npm run screenshots -- --out /tmp/shots --size 1024x768 --size 1440x900`: the same at each size (name-WxH.png), plus
// the score table, the in-game help and the model documentation page, for checking the layout at other widths.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { haveChromium, launch, openPage, overflowing, startServer } from '../tests/e2e/harness.ts';

const { values: opts } = parseArgs({ options: { out: { type: 'string' }, size: { type: 'string', multiple: true } } });
const out = opts.out ? `${opts.out.replace(/\/$/, '')}/` : new URL('../docs/screenshots/', import.meta.url).pathname;
const sizes = (opts.size ?? []).map((s) => s.split('x').map(Number) as [number, number]);
mkdirSync(out, { recursive: true });
if (!haveChromium()) {
  console.error('screenshots: no Chromium at /usr/bin/chromium (apt-get install chromium)');
  process.exit(1);
}

async function shoot(browser: Browser, url: string, width: number, height: number, suffix: string, extra: boolean): Promise<void> {
  const { page, errors } = await openPage(browser, url, width, height);
  const snap = async (name: string) => {
    const bad = await overflowing(page);
    if (bad.length) console.error(`${name}${suffix}: overflowing: ${bad.join('; ')}`);
    await page.screenshot({ path: `${out}${name}${suffix}.png` });
  };
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('country-JPN').click();
  await page.getByTestId('turns').fill('6');
  await page.waitForTimeout(300);
  await snap('start');
  await page.getByTestId('start-game').click();
  await page.getByTestId('map').locator('canvas').waitFor();
  // a Chinese squeeze on Japan makes the flows and markers interesting: play two turns
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-tariffs').click();
  await page.getByTestId('policy-tariff-CHN-magnets').fill('25');
  await page.getByTestId('policy-tariff-CHN-magnets').dispatchEvent('change');
  await page.getByTestId('end-turn').click();
  await page.getByTestId('digest').waitFor();
  await page.waitForTimeout(400);
  await snap('digest');
  if (extra) {
    await page.getByTestId('score-turn').scrollIntoViewIfNeeded();
    await snap('digest-score');
  }
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-indicators').click();
  await page.getByTestId('why-magnetSupplyRatio').click();
  await page.waitForTimeout(1200);
  await snap('turn');
  if (extra) {
    await page.getByTestId('score-split').click();
    await page.waitForTimeout(300);
    await snap('score-table');
    await page.getByTestId('help').click();
    await snap('help');
    await page.getByTestId('help-close').click();
  }
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').click();
  }
  await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await snap('end');
  if (extra) {
    await page.goto(`${url}?doc=model`);
    await page.getByTestId('model-doc').waitFor();
    await snap('model');
  }
  if (errors.length) console.error('console errors:', errors);
  await page.context().close();
}

const { server, url } = await startServer();
const browser = await launch();
try {
  if (!sizes.length) await shoot(browser, url, 1280, 720, '', false);
  for (const [w, hgt] of sizes) await shoot(browser, url, w, hgt, `-${w}x${hgt}`, true);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
