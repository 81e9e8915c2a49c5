// `npm run screenshots`: re-takes the README's screenshots (start screen, a turn with flows, the digest, the end screen)
// in headless Chromium at 1280x720, into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { haveChromium, launch, openPage, startServer } from '../tests/e2e/harness.ts';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
if (!haveChromium()) {
  console.error('screenshots: no Chromium at /usr/bin/chromium (apt-get install chromium)');
  process.exit(1);
}
const { server, url } = await startServer();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, url, 1280, 720);
  await page.getByTestId('new-game').waitFor();
  await page.getByTestId('country-JPN').click();
  await page.getByTestId('turns').fill('6');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}start.png` });
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
  await page.screenshot({ path: `${out}digest.png` });
  await page.getByTestId('digest-close').click();
  await page.getByTestId('tab-indicators').click();
  await page.getByTestId('why-magnetSupplyRatio').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${out}turn.png` });
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('end-turn').click();
    await page.getByTestId('digest-close').click();
  }
  await page.getByTestId('final-score').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${out}end.png`, fullPage: false });
  if (errors.length) console.error('console errors:', errors);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
